import VantageCore

/// The `:` prompt (like k9s): a command is an action's name from the action table, with a
/// project's name after the actions that act on one (`:restart api`, `:logs worker`), or
/// `:theme light|dark`. Tab completes the word being typed from the actions and the projects; the
/// prompt lists what the word can still become. Enter runs it as its key would.
public enum CommandPalette {
    /// The actions that act on the selected project: the palette takes a project's name after them.
    static let projectActions: [Action] = [.start, .stop, .restart, .pause, .kill, .remove, .switchEnvironment, .logs, .dependencies,
                                           .details]

    /// The command names: every action a key can do in a pane, and `theme`.
    static var verbs: [String] {
        let inPanes = Action.allCases.filter { a in a != .palette && a.spec.places.contains { $0.overlaps(.panes) } }
        return (inPanes.map(\.name) + ["theme"]).sorted()
    }

    /// What the word being typed can still become: the command names, or after one, the projects'
    /// names (or `light`/`dark` after `theme`).
    public static func candidates(_ text: String, state s: AppState) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        let options: [String]
        if words.count <= 1 {
            options = verbs
        } else if words[0] == "theme" {
            options = ["dark", "light"]
        } else if let action = Action(rawValue: words[0]), projectActions.contains(action) {
            options = s.projects.map(\.name).sorted()
        } else {
            options = []
        }
        return options.filter { $0.lowercased().hasPrefix(current.lowercased()) }
    }

    /// Tab: the word being typed completed as far as every candidate agrees (and a space after a
    /// whole word); unchanged when nothing matches.
    public static func complete(_ text: String, state s: AppState) -> String {
        let found = candidates(text, state: s)
        guard let first = found.first else { return text }
        var common = first
        for c in found.dropFirst() { while !c.lowercased().hasPrefix(common.lowercased()) { common.removeLast() } }
        let head = text.split(separator: " ", omittingEmptySubsequences: false).dropLast().joined(separator: " ")
        let completed = (head.isEmpty ? "" : head + " ") + common
        return found.count == 1 ? completed + " " : completed
    }

    /// Enter: the command run as its key would be, or why it cannot be.
    static func run(_ text: String, state s: inout AppState) -> [Command] {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first else {
            s.notice = Notice("no command typed")
            return []
        }
        let argument = words.dropFirst().joined(separator: " ")
        if verb == "theme" {
            switch argument {
            case "dark", "light": s.themeVariant = argument == "dark" ? .dark : .light
            case "": Update.toggleTheme(&s)
            default:
                s.notice = Notice("theme \(argument): the themes are dark and light")
                return []
            }
            s.notice = Notice("theme: \(s.themeVariant.rawValue)", role: .muted)
            return []
        }
        guard let action = Action(rawValue: verb), verbs.contains(verb) else {
            // The names that start as it does (three letters, else two).
            let near = [3, 2].lazy.map { n in verbs.filter { $0.hasPrefix(String(verb.prefix(n))) } }.first { !$0.isEmpty } ?? []
            s.notice = Notice("no command \"\(verb)\"" + (near.isEmpty ? "; Tab lists them" : ": did you mean \(near.joined(separator: ", "))?"))
            return []
        }
        if !argument.isEmpty {
            guard projectActions.contains(action) else {
                s.notice = Notice("\(verb) takes no project name")
                return []
            }
            guard let project = s.projects.first(where: { $0.name == argument }) ?? s.projects.first(where: { $0.name.lowercased() == argument.lowercased() }) else {
                s.notice = Notice("no project named \"\(argument)\": \(s.projects.map(\.name).sorted().joined(separator: ", "))")
                return []
            }
            s.selectedProject = project.id
        }
        return Update.apply(.action(action), to: &s)
    }
}
