import ArgumentParser
import Foundation
import VantageCore
import VantageKnowledge
import VantageOrchestrator
import VantageStore

/// `vantage troubleshoot fix NAME [--yes]`: applies the top automated fix for a project's problem.
/// The CLI applies `install_dependency` (pip into `.venv`, npm into `node_modules`) itself, and
/// `reassign_port`/`restart_with_backoff` as a restart through the running supervisor (which
/// moves a project off a busy port at launch), and `raise_memory_limit` as a higher limit (the
/// forecast's recommendation, at least +50 %) and a restart. Env variables are not filled here.
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
            try await judgeRestart(suggestion: suggestion, fix: fix, project: project)
        case .raiseMemoryLimit:
            let paths = VantagePaths.fromEnvironment()
            guard case .status(let rows) = try ControlClient.request(paths, .ps), let row = rows.first(where: { $0.name == name }) else {
                throw VantageError(.notFound, "the supervisor does not run \(name)", hint: "check the name with vantage ps")
            }
            guard let current = row.limits.memoryBytes else {
                throw VantageError(.unavailable, "\(name) has no memory limit set by Vantage, so there is none to raise",
                                   hint: "the machine itself ran out of memory: stop other projects or find what grows")
            }
            // The recommended amount: the forecast's recommendation when it is higher, else half as much again.
            var recommended: UInt64?
            if case .prediction(let p) = try? ControlClient.request(paths, .predict(name: name)) { recommended = p.recommendedMemory }
            let raised = max(recommended ?? 0, current + current / 2)
            var limits = row.limits
            limits.memoryBytes = raised
            guard yes || confirm("Raise \(name)'s memory limit from \(mebibytes(current)) to \(mebibytes(raised)) and restart it?") else {
                print("Not applied.")
                return
            }
            if case .error(let message) = try ControlClient.request(paths, .limit(name: name, limits: limits)) {
                throw VantageError(.unavailable, message)
            }
            print("memory limit of \(name): \(mebibytes(current)) -> \(mebibytes(raised))")
            _ = try ControlClient.request(paths, .restart(name: name, environment: nil))
            try await judgeRestart(suggestion: suggestion, fix: fix, project: project)
        case .fillEnvFromOtherEnvironment:
            throw VantageError(.unavailable, "the fix \"\(fix.summary)\" is not applied from the command line yet",
                               hint: "set the variable with vantage env, or from the dashboard's troubleshooting pane")
        }
    }

    /// Judges a fix by the new run: it worked when the same problem is not in its log `settle` seconds on.
    private func judgeRestart(suggestion: Suggestion, fix: FixAction, project: Project?) async throws {
        try await Task.sleep(for: .seconds(settle))
        let again = try await TroubleshootingSources.load(roots: roots).problems(of: name)
        let worked = !again.contains { $0.1.problem == suggestion.problem }
        print(worked ? "\(name) restarted; the problem is gone." : "\(name) restarted, but it still fails: \(suggestion.title).")
        await remember(suggestion: suggestion, fix: fix, project: project?.id, succeeded: worked,
                       outcome: worked ? "succeeded" : "failed")
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

/// "96.0 MiB".
private func mebibytes(_ bytes: UInt64) -> String {
    String(format: "%.1f MiB", Double(bytes) / 1_048_576)
}
