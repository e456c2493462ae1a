import ArgumentParser
import Foundation
import VantageCore
import VantageDocker
import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// `vantage pause|unpause|kill|rm`: containers straight through their engines, supervised
/// projects through the daemon (or the console hosting the supervisor). Kill and remove lose work,
/// so they ask first; `--yes` answers for scripts, and without a terminal to ask on they refuse.
enum ProjectActionCLI {
    static func run(_ action: ContainerAction, names: [String], yes: Bool, control: ControlOptions) async throws {
        guard !names.isEmpty else { throw VantageError(.usage, "name at least one project or container") }
        let (containers, others) = try await ContainerCLI.partition(names, control: control.connection)
        if action == .remove, !others.isEmpty {
            throw VantageError(.usage, "rm removes containers; no container is named \(others.joined(separator: ", "))",
                               hint: "use `vantage stop` for a supervised project")
        }
        if action.isDestructive, !yes {
            let what = containers.map { "\($0.1.name) on engine \($0.0.endpoint.name)" } + others
            try confirm("\(action == .kill ? "Kill" : "Remove") \(what.joined(separator: ", "))\(action == .kill ? " (SIGKILL, no clean shutdown)" : "")?",
                        verb: action == .kill ? "kill" : "remove")
        }
        try await ContainerCLI.act(action, containers)
        guard !others.isEmpty else { return }
        guard case .projects(let known) = try control.request(.projects) else { return }
        for name in others {
            guard let p = known.first(where: { $0.name == name }) else {
                throw VantageError(.notFound, "no project or container named \(name)",
                                   hint: "known projects: \(known.map(\.name).sorted().joined(separator: ", "))")
            }
            let command: Command = action == .pause ? .pause(p.id) : action == .unpause ? .resume(p.id) : .kill(p.id)
            if case .error(let message) = try control.request(.command(command)) {
                throw VantageError(.conflict, "\(name): \(message)")
            }
            print("\(name): \(action.done)")
        }
    }

    /// Asks on the terminal; refuses (status 2) when there is none to ask on.
    static func confirm(_ question: String, verb: String) throws {
        guard isatty(STDIN_FILENO) != 0 else {
            throw VantageError(.usage, "not confirmed: \(verb) asks first, and standard input is not a terminal",
                               hint: "pass --yes to \(verb) without asking")
        }
        writeStandardError((question + " [y/N] "))
        guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
            throw VantageError(.usage, "cancelled: nothing was done")
        }
    }
}

struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Freeze projects or containers in place (they keep memory and ports).")
    @Argument(help: "Project or container names.") var names: [String] = []
    @OptionGroup var control: ControlOptions
    func run() async throws { try await ProjectActionCLI.run(.pause, names: names, yes: true, control: control) }
}

struct UnpauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpause", abstract: "Resume paused projects or containers.")
    @Argument(help: "Project or container names.") var names: [String] = []
    @OptionGroup var control: ControlOptions
    func run() async throws { try await ProjectActionCLI.run(.unpause, names: names, yes: true, control: control) }
}

struct KillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kill", abstract: "End projects or containers at once with SIGKILL (asks first).")
    @Argument(help: "Project or container names.") var names: [String] = []
    @OptionGroup var control: ControlOptions
    @Flag(name: .long, help: "Do not ask for confirmation.") var yes = false
    func run() async throws { try await ProjectActionCLI.run(.kill, names: names, yes: yes, control: control) }
}

struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove containers, stopping them first (asks first).")
    @Argument(help: "Container names.") var names: [String] = []
    @OptionGroup var control: ControlOptions
    @Flag(name: .long, help: "Do not ask for confirmation.") var yes = false
    func run() async throws { try await ProjectActionCLI.run(.remove, names: names, yes: yes, control: control) }
}
