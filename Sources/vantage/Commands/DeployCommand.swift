import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator
import VantageTUI

/// `vantage deploy NAME`: a release of the project's git HEAD (or `--ref`) with the pipeline's steps,
/// switched into `current` and restarted by the supervisor that runs the project (the daemon), which
/// checks its health and rolls back on its own when that fails.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy a project: a release from git, its steps, an atomic switch, a restart and a healthcheck.")

    @Argument(help: "Project name.") var name: String
    @Option(name: .long, help: "Environment to restart it in (.env.<ENV>, [env.<ENV>]).") var env: String?
    @Option(name: .long, help: "The git branch, tag or commit to deploy (default HEAD).") var ref: String?
    @Flag(name: .long, help: "Print the outcome as JSON.") var json = false
    @OptionGroup var control: ControlOptions

    func run() async throws {
        let response = try control.request(.deploy(name: name, environment: env, ref: ref))
        guard case .deployment(let outcome) = response else { throw CommandLineFailure(message: "the supervisor did not answer the deploy", status: 1) }
        try DeployOutput.show(outcome, json: json)
    }
}

/// `vantage rollback NAME [--to ID]`: `current` back to the previous release (or ID), then the restart and healthcheck.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Switch a deployed project back to its previous release (or --to ID).")

    @Argument(help: "Project name.") var name: String
    @Option(name: .long, help: "The release to go back to (vantage releases NAME lists them).") var to: String?
    @Flag(name: .long, help: "Print the outcome as JSON.") var json = false
    @OptionGroup var control: ControlOptions

    func run() async throws {
        let response = try control.request(.rollback(name: name, release: to))
        guard case .deployment(let outcome) = response else { throw CommandLineFailure(message: "the supervisor did not answer the rollback", status: 1) }
        try DeployOutput.show(outcome, json: json)
    }
}

/// `vantage releases NAME [--json]`: the project's releases, oldest first, with the current and previous marked.
struct ReleasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "releases", abstract: "List a deployed project's releases.")

    @Argument(help: "Project name.") var name: String
    @Flag(name: .long, help: "Print them as JSON.") var json = false
    @OptionGroup var control: ControlOptions

    func run() async throws {
        guard case .releases(let releases) = try control.request(.releases(name: name)) else {
            throw CommandLineFailure(message: "the supervisor did not answer", status: 1)
        }
        if json { return try JSONOutput.print(releases) }
        guard !releases.isEmpty else { return print("\(name) has no releases yet: vantage deploy \(name) makes the first") }
        let now = Date()
        for release in releases.reversed() {
            let mark = release.isCurrent ? "current " : release.isPrevious ? "previous" : "        "
            let age = release.created.map { Formatting.uptime(now.timeIntervalSince($0)) } ?? "?"
            print("\(mark)  \(release.id)  \(String((release.commit ?? "no REVISION").prefix(12)))  \(age) ago")
        }
    }
}

enum DeployOutput {
    /// The steps, then the outcome; a deploy that did not succeed exits 1 with its message.
    static func show(_ outcome: DeployOutcome, json: Bool) throws {
        if json {
            try JSONOutput.print(outcome)
        } else {
            for step in outcome.steps {
                print(step.line)
                if step.state == .failed { for line in step.outputTail.suffix(15) { print("    " + line) } }
            }
        }
        guard outcome.succeeded else { throw CommandLineFailure(message: outcome.message, status: 1) }
        if !json { print(outcome.message) }
    }
}
