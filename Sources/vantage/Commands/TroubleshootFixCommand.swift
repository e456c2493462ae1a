import ArgumentParser
import Foundation
import VantageCore
import VantageKnowledge
import VantageOrchestrator
import VantageStore

/// `vantage troubleshoot fix NAME [--yes] [--value V]`: applies the top automated fix for a
/// project's problem, through `FixApplier` (the same code path as the dashboard's `F`):
/// `install_dependency` (pip into `.venv`, npm into `node_modules`), `reassign_port` and
/// `restart_with_backoff` as a restart through the running supervisor (which moves a project off
/// a busy port at launch), `raise_memory_limit` as a higher limit (the forecast's recommendation,
/// at least +50 %) and a restart, and `fill_env_from_other_environment` by writing the variable
/// into the project's `.env` (the value from --value, else from `.env.example` or another
/// `.env.*` file) and restarting it when the supervisor runs it.
struct TroubleshootFixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the top automated fix for a project's problem (asks first unless --yes).")

    @Argument(help: "Project name (as in `vantage ps`).") var name: String
    @Flag(help: "Apply without asking.") var yes = false
    @Option(help: ArgumentHelp("Seconds to watch a restarted project before judging the fix.", valueName: "s")) var settle: Double = 5
    @Option(help: ArgumentHelp("The value of a missing environment variable (default: from .env.example or another .env.* file).",
                               valueName: "value"))
    var value: String?
    @Option(name: .customLong("root"), help: ArgumentHelp("Scan this folder for the project (repeatable).", valueName: "dir"))
    var roots: [String] = []

    func run() async throws {
        let sources = try await TroubleshootingSources.load(roots: roots)
        let problems = sources.problems(of: name)
        guard let (project, suggestion) = problems.first(where: { $0.1.automated != nil }), let fix = suggestion.automated else {
            // Nothing to apply is a failure of the command: say what was found and what to do by hand.
            for (_, s) in problems { print("\(name): \(s.title)\n  \(s.explanation)") }
            throw VantageError(.notFound, problems.isEmpty ? "no problem found in the last run of \(name), so there is nothing to fix"
                                                           : "no automatic fix for \(name)'s problem; the suggestions above say what to do",
                               hint: problems.isEmpty ? "check the name with vantage ps, or read vantage logs \(name)" : nil)
        }
        print("\(name): \(suggestion.title) (confidence \(String(format: "%.2f", suggestion.confidence)))")
        print("fix: \(fix.summary)")
        let applier = FixApplier(paths: sources.paths, roots: roots, settle: .milliseconds(Int(settle * 1000)))
        let outcome: FixApplier.Outcome
        switch fix {
        case .installDependency(let package, let manager):
            guard let project else {
                throw VantageError(.notFound, "cannot find the folder of \(name) to install \(package) into",
                                   hint: "pass --root with the folder that holds the project")
            }
            guard yes || confirm("Apply it in \(project.path)?") else { print("Not applied."); return }
            outcome = applier.install(package, manager, project: project)
            for step in outcome.steps { print("ran: \(step)") }
            if outcome.succeeded { print("Installed \(package). Restart \(name) to use it (vantage restart \(name)).") }
        case .reassignPort, .restartWithBackoff:
            guard yes || confirm("Restart \(name) through the supervisor?") else { print("Not applied."); return }
            print(StatusTable.render(try applier.restart(name)), terminator: "")
            outcome = await applier.judgeRestart(name: name, suggestion: suggestion)
            print(outcome.summary + ".")
        case .raiseMemoryLimit:
            let plan = try applier.memoryPlan(name)
            guard yes || confirm("Raise \(name)'s memory limit from \(mebibytes(plan.current)) to \(mebibytes(plan.raised)) and restart it?") else {
                print("Not applied.")
                return
            }
            try applier.raiseMemoryLimit(name, plan)
            print("memory limit of \(name): \(mebibytes(plan.current)) -> \(mebibytes(plan.raised))")
            outcome = await applier.judgeRestart(name: name, suggestion: suggestion)
            print(outcome.summary + ".")
        case .fillEnvFromOtherEnvironment(let key):
            guard let project else {
                throw VantageError(.notFound, "cannot find the folder of \(name) to write \(key) into",
                                   hint: "pass --root with the folder that holds the project")
            }
            guard yes || confirm("Write \(key) into \(project.path)/.env?") else { print("Not applied."); return }
            outcome = await applier.apply(fix, suggestion: suggestion, project: project, name: name, value: value)
            print(outcome.summary + ".")
        }
        // Date(): a CLI command is a composition root of its own (the time it runs at).
        await applier.remember(suggestion: suggestion, fix: fix, project: project?.id, outcome: outcome, at: Date())
        // A fix that could not be applied, or did not help (remembered as such), fails the command.
        guard outcome.succeeded else {
            if !outcome.output.isEmpty { writeStandardError(outcome.output) }
            throw VantageError(.io, "the fix \(outcome.applied ? "did not work" : "was not applied") for \(name): \(outcome.summary)",
                               hint: outcome.output.isEmpty ? nil : "read the output above")
        }
    }

    private func confirm(_ question: String) -> Bool {
        print("\(question) [y/N] ", terminator: "")
        fflush(nil)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.lowercased())
    }
}
