import ArgumentParser
import Foundation
import VantageCore
import VantageKnowledge
import VantageOrchestrator
import VantageStore

/// `vantage troubleshoot fix NAME [--yes]`: applies the top automated fix for a project's problem.
/// The CLI applies `install_dependency` (pip into `.venv`, npm into `node_modules`) itself, and
/// `reassign_port`/`restart_with_backoff` as a restart through the running supervisor (which
/// moves a project off a busy port at launch). Memory limits and env variables are not applied here.
struct TroubleshootFixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the top automated fix for a project's problem (asks first unless --yes).")

    @Argument(help: "Project name (as in `vantage ps`).") var name: String
    @Flag(help: "Apply without asking.") var yes = false
    @Option(help: ArgumentHelp("Seconds to watch a restarted project before judging the fix.", valueName: "s")) var settle: Double = 5
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
        switch fix {
        case .installDependency(let package, let manager):
            try await install(package, manager, project: project, suggestion: suggestion, fix: fix)
        case .reassignPort, .restartWithBackoff:
            // The supervisor checks the port at launch and gives a busy one's project a free port
            // (PORT in its environment); a restart through it also applies its restart backoff.
            guard yes || confirm("Restart \(name) through the supervisor?") else { print("Not applied."); return }
            let response = try ControlClient.request(VantagePaths.fromEnvironment(), .restart(name: name, environment: nil))
            if case .status(let rows) = response { print(StatusTable.render(rows), terminator: "") }
            // Judge the fix by the new run: it worked when the same problem is not in its log a few seconds on.
            try await Task.sleep(for: .seconds(settle))
            let again = try await TroubleshootingSources.load(roots: roots).problems(of: name)
            let worked = !again.contains { $0.1.problem == suggestion.problem }
            print(worked ? "\(name) restarted; the problem is gone." : "\(name) restarted, but it still fails: \(suggestion.title).")
            await remember(suggestion: suggestion, fix: fix, project: project?.id, succeeded: worked,
                           outcome: worked ? "succeeded" : "failed")
        case .raiseMemoryLimit, .fillEnvFromOtherEnvironment:
            throw VantageError(.unavailable, "the fix \"\(fix.summary)\" is not applied from the command line yet",
                               hint: "apply it from the dashboard's troubleshooting pane, or with vantage limit / vantage env")
        }
    }

    private func confirm(_ question: String) -> Bool {
        print("\(question) [y/N] ", terminator: "")
        fflush(nil)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.lowercased())
    }

    /// Records the outcome as a learned-fix trial and as a user decision.
    private func remember(suggestion: Suggestion, fix: FixAction, project: ProjectID?, succeeded: Bool, outcome: String) async {
        guard let store = try? Store.open() else { return }
        _ = try? await FixMemory(store: store).record(signature: suggestion.signature, fix: fix.name, succeeded: succeeded)
        _ = try? await store.append(decision: DecisionRecord(
            time: Date(), actor: .user, what: fix.summary, why: suggestion.title, inputs: [suggestion.evidence],
            outcome: outcome, project: project))
    }

    private func install(_ package: String, _ manager: PackageManager, project: Project?, suggestion: Suggestion, fix: FixAction) async throws {
        guard let project else {
            throw VantageError(.notFound, "cannot find the folder of \(name) to install \(package) into",
                               hint: "pass --root with the folder that holds the project")
        }
        guard yes || confirm("Apply it in \(project.path)?") else { print("Not applied."); return }
        let outcome = DependencyInstaller.install(package, manager: manager, projectPath: project.path)
        for command in outcome.commands { print("ran: \(command)") }
        await remember(suggestion: suggestion, fix: fix, project: project.id, succeeded: outcome.succeeded,
                       outcome: outcome.succeeded ? "succeeded" : "failed")
        guard outcome.succeeded else {
            FileHandle.standardError.write(Data(outcome.output.utf8))
            throw VantageError(.io, "\(manager.rawValue) could not install \(package) for \(name)", hint: "read its output above")
        }
        print("Installed \(package). Restart \(name) to use it (vantage restart \(name)).")
    }
}
