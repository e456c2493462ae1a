/// Help and footer text generated from the active keymap (the gitui habit): what the screen
/// says a key does is what it does.
extension Keymap {
    /// Bound actions grouped by scope, in `Action.Scope` order; each entry lists every key of the
    /// action ("Up, k") and its summary. Unbound actions are left out; so are empty scopes.
    public func helpSections() -> [(scope: Action.Scope, entries: [(keys: String, summary: String)])] {
        Action.Scope.allCases.compactMap { scope in
            let entries = Action.allCases.filter { $0.scope == scope }.compactMap { action -> (keys: String, summary: String)? in
                let keys = keys(for: action)
                guard !keys.isEmpty else { return nil }
                return (keys.map(\.description).joined(separator: ", "), action.summary)
            }
            return entries.isEmpty ? nil : (scope, entries)
        }
    }

    /// One line of hints for the footer: the first key of each action and a short label,
    /// "q quit  ? help  Tab next pane". Unbound actions are left out.
    public func footerHints(for actions: [Action]) -> String {
        actions.compactMap { action in
            keys(for: action).first.map { "\($0.description) \(action.shortLabel)" }
        }.joined(separator: "  ")
    }
}

extension Action.Scope {
    /// A heading for help.
    public var title: String {
        switch self {
        case .global: return "Global"
        case .navigation: return "Moving around"
        case .projects: return "Projects"
        case .graph: return "Graph"
        case .timeline: return "Timeline"
        case .troubleshooting: return "Troubleshooting"
        case .logs: return "Log viewer"
        }
    }
}
