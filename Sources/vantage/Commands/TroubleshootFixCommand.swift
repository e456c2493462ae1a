import ArgumentParser
import Foundation
import VantageCore
import VantageKnowledge
import VantageStore

/// `vantage troubleshoot fix NAME [--yes]`: applies the top automated fix for a project's problem.
/// Today the CLI applies `install_dependency` (pip into `.venv`, npm into `node_modules`); the other
/// fixes need the running supervisor and are named, not applied.
struct TroubleshootFixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the top automated fix for a project's problem (asks first unless --yes).")

    @Argument(help: "Project name (as in `vantage ps`).") var name: String
    @Flag(help: "Apply without asking.") var yes = false
    @Option(name: .customLong("root"), help: ArgumentHelp("Scan this folder for the project (repeatable).", valueName: "dir"))
    var roots: [String] = []

    func run() async throws {
        let sources = try await TroubleshootingSources.load(roots: roots)
        guard let (project, suggestion) = sources.problems(of: name).first(where: { $0.1.automated != nil }) else {
            print("No automated fix for \(name): run `vantage troubleshoot \(name)` for suggestions.")
            return
        }
        guard let fix = suggestion.automated else { return }
        print("\(name): \(suggestion.title) (confidence \(String(format: "%.2f", suggestion.confidence)))")
        print("fix: \(fix.summary)")
        guard case .installDependency(let package, let manager) = fix else {
            throw VantageError(.unavailable, "the fix \"\(fix.summary)\" needs the running supervisor",
                               hint: "apply it from the dashboard's troubleshooting pane")
        }
        guard let project else {
            throw VantageError(.notFound, "cannot find the folder of \(name) to install \(package) into",
                               hint: "pass --root with the folder that holds the project")
        }
        if !yes {
            print("Apply it in \(project.path)? [y/N] ", terminator: "")
            fflush(nil)
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { print("Not applied."); return }
        }
        let outcome = DependencyInstaller.install(package, manager: manager, projectPath: project.path)
        for command in outcome.commands { print("ran: \(command)") }
        if let store = try? Store.open() {
            _ = try? await FixMemory(store: store).record(signature: suggestion.signature, fix: fix.name, succeeded: outcome.succeeded)
            _ = try? await store.append(decision: DecisionRecord(
                time: Date(), actor: .user, what: fix.summary, why: suggestion.title, inputs: [suggestion.evidence],
                outcome: outcome.succeeded ? "succeeded" : "failed", project: project.id))
        }
        guard outcome.succeeded else {
            FileHandle.standardError.write(Data(outcome.output.utf8))
            throw VantageError(.io, "\(manager.rawValue) could not install \(package) for \(name)", hint: "read its output above")
        }
        print("Installed \(package). Restart \(name) to use it (vantage restart \(name)).")
    }
}
