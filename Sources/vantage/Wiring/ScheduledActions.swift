import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies
import VantageFormats
import VantageOrchestrator
import VantageStore

/// What a scheduled job can do (`vantage schedule add --action NAME`). Each action calls what the
/// command line and the screen call, so a scheduled run does what `vantage …` does by hand:
/// no second implementation. Adding an action (backup, deploy) is one entry in `all`.
struct ScheduledAction: Sendable {
    enum Targets: Sendable, Equatable {
        case project, workspace, projectOrWorkspace
    }

    let name: String
    /// One line for `vantage schedule --help` and the errors that list the actions.
    let summary: String
    let targets: Targets
    /// It reads a folder given with `--from DIR`.
    let needsSource: Bool
    let run: @Sendable (ScheduledActionContext, ScheduledJob) async -> ScheduledJob.Outcome

    static let all: [ScheduledAction] = [
        .eachProject("analyze", "an analyzer pass: quality, debt, coverage and dependencies, as the dashboard shows them") { context, project in
            await ScheduledActions.analyze(project, context)
        },
        .eachProject("outdated", "ask the ecosystem tools for newer dependency versions (vantage deps update; may use the network)") { _, project in
            await ScheduledActions.outdated(project)
        },
        .eachProject("lock-check", "find missing and stale lock files (vantage deps lock --check)") { _, project in
            ScheduledActions.lockCheck(project)
        },
        ScheduledAction(name: "vuln-db-refresh", summary: "import the OSV advisories of a folder (--from DIR) into the offline database (vantage deps db import DIR)",
                        targets: .workspace, needsSource: true) { context, job in
            ScheduledActions.refreshAdvisories(from: job.source ?? "", context)
        },
        .eachProject("backup", "a restic snapshot of the project's [backup] (vantage backup run NAME); a failure is also a Troubleshooting problem") { context, project in
            await ScheduledActions.backup(project, context)
        },
        ScheduledAction(name: "restart", summary: "restart a project through the supervisor (vantage restart NAME)",
                        targets: .project, needsSource: false) { context, job in
            await ScheduledActions.restart(job.target.description, context)
        },
    ]

    static func named(_ name: String) -> ScheduledAction? { all.first { $0.name == name } }

    /// An action run on the target project, or on every folder project of the workspace.
    static func eachProject(_ name: String, _ summary: String,
                            _ body: @escaping @Sendable (ScheduledActionContext, Project) async -> ScheduledJob.Outcome) -> ScheduledAction {
        ScheduledAction(name: name, summary: summary, targets: .projectOrWorkspace, needsSource: false) { context, job in
            let projects = await context.projects().filter { $0.engine == nil }
            let chosen: [Project]
            switch job.target {
            case .workspace:
                chosen = projects
                if chosen.isEmpty { return .failed("the workspace has no project folder") }
            case .project(let wanted):
                guard let project = projects.first(where: { $0.name == wanted || $0.path == wanted }) else {
                    return .failed("no project named \(wanted) here (projects: \(projects.map(\.name).sorted().joined(separator: ", ")))")
                }
                chosen = [project]
            }
            var outcomes: [(String, ScheduledJob.Outcome)] = []
            for project in chosen.sorted(by: { $0.name < $1.name }) {
                if Task.isCancelled { return .failed("stopped: Vantage is shutting down") }
                outcomes.append((project.name, await body(context, project)))
            }
            if outcomes.count == 1 { return outcomes[0].1 }
            return ScheduledJob.Outcome(succeeded: outcomes.allSatisfy(\.1.succeeded),
                                        message: outcomes.map { "\($0.0): \($0.1.message)" }.joined(separator: "; "))
        }
    }
}

/// What an action may use: the bus it reports on, the state folder, the projects known now.
struct ScheduledActionContext: Sendable {
    let bus: Bus
    let paths: VantagePaths
    let projects: @Sendable () async -> [Project]

    /// A scheduler that runs the jobs with the actions of `ScheduledAction.all`.
    func scheduler(store: Store) -> Scheduler {
        let context = self
        return Scheduler(store: store, bus: bus, clock: bus.clock) { job in
            guard let action = ScheduledAction.named(job.action) else {
                return .failed("this Vantage has no action '\(job.action)' (actions: \(ScheduledAction.all.map(\.name).joined(separator: ", ")))")
            }
            return await action.run(context, job)
        }
    }
}

/// The actions' bodies.
enum ScheduledActions {
    /// The analyzer's own pass (`InsightBuilder`, as the dashboard's analyzer runs it), published
    /// as the project's insight.
    static func analyze(_ project: Project, _ context: ScheduledActionContext) async -> ScheduledJob.Outcome {
        let path = AdvisoryDatabase.defaultPath(context.paths)
        let database = FileManager.default.fileExists(atPath: path) ? try? AdvisoryDatabase(path: path) : nil
        let result = await Task.detached(priority: .utility) { InsightBuilder(database: database).analyze(project) }.value
        let insight = result.insight
        context.bus.publish(.insight(insight))
        let vulnerable = insight.dependencies.vulnerableBySeverity.values.reduce(0, +)
        return .ok("debt \(insight.debt.rating), \(insight.quality.smells) smells, "
                   + (insight.dependencies.checked ? "\(vulnerable) vulnerable packages" : "vulnerabilities not checked")
                   + " (\(insight.status))")
    }

    /// `vantage deps update`'s lookup (`UpdateChecker`). Every tool unreachable is a failure.
    static func outdated(_ project: Project) async -> ScheduledJob.Outcome {
        let updates = await Task.detached(priority: .utility) { UpdateChecker().check(project.path) }.value
        let summary = AnalyzerActor.outdatedSummary(updates)
        return ScheduledJob.Outcome(succeeded: !summary.hasPrefix("unknown"), message: summary)
    }

    /// `vantage deps lock --check`.
    static func lockCheck(_ project: Project) -> ScheduledJob.Outcome {
        let statuses = LockFileChecker.check(project.path)
        let bad = statuses.filter { $0.state != .ok }
        if statuses.isEmpty { return .ok("no manifest that needs a lock file") }
        if bad.isEmpty { return .ok("\(statuses.count) lock file\(statuses.count == 1 ? "" : "s") up to date") }
        let folder = project.path.hasSuffix("/") ? project.path : project.path + "/"
        return .failed(bad.map { status in
            let lock = status.lock.hasPrefix(folder) ? String(status.lock.dropFirst(folder.count)) : status.lock
            return "\(lock) \(status.state.rawValue)" + (status.reasons.first.map { " (\($0))" } ?? "")
        }.joined(separator: ", "))
    }

    /// `vantage deps db import DIR` into the default database.
    static func refreshAdvisories(from folder: String, _ context: ScheduledActionContext) -> ScheduledJob.Outcome {
        let path = AdvisoryDatabase.defaultPath(context.paths)
        do {
            let summary = try OSVImporter.importFolder(folder, into: try AdvisoryDatabase(path: path))
            let message = "imported \(summary.advisories) advisories from \(summary.files) files of \(folder)"
            guard let first = summary.errors.first else { return .ok(message) }
            return .failed(message + "; \(summary.errors.count) files unreadable, first: \(first)")
        } catch {
            return .failed("\(error)")
        }
    }

    /// `vantage backup run NAME` (`ProjectBackup`) off the cooperative pool; a failure is published
    /// as an error diagnostic of the project, with its cause, for the Troubleshooting pane.
    static func backup(_ project: Project, _ context: ScheduledActionContext) async -> ScheduledJob.Outcome {
        let outcome: ScheduledJob.Outcome = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(VantageError) {
                    guard let settings = try ProjectConfigReader.read(projectPath: project.path).backup else {
                        throw VantageError(.config, "\(project.name) has no [backup] table in its \(ProjectConfigReader.fileName)")
                    }
                    // The vault as the supervisor opens it: the passphrase the process was started with, if any.
                    let secrets = try PassphrasePrompt.openVault(context.paths, interactive: false)
                    let environment = EnvironmentLayers.defaultEnvironment
                    let password = try ResticPassword.lookup(secrets, project: project.name, environment: environment)
                    let done = try ProjectBackup(project: project.name, projectPath: project.path, settings: settings, environment: environment,
                                                 password: password, paths: context.paths).run()
                    continuation.resume(returning: .ok("snapshot \(done.summary.snapshotID), \(done.summary.dataAdded) bytes added"))
                } catch {
                    continuation.resume(returning: .failed("\(error)"))
                }
            }
        }
        if !outcome.succeeded {
            context.bus.publish(.diagnostic(Diagnostic(time: context.bus.clock.now, severity: .error, source: "backup", project: project.id,
                                                       message: "the scheduled backup of \(project.name) failed: \(outcome.message)")))
        }
        return outcome
    }

    /// `vantage restart NAME`: the same request to the supervisor over the control socket.
    static func restart(_ name: String, _ context: ScheduledActionContext) async -> ScheduledJob.Outcome {
        let paths = context.paths
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(VantageError) {
                    let response = try ControlClient.request(paths, .restart(name: name, environment: nil))
                    if case .status(let rows) = response, let row = rows.first {
                        continuation.resume(returning: .ok("restarted: \(row.state.rawValue)"))
                    } else {
                        continuation.resume(returning: .ok("restarted"))
                    }
                } catch {
                    continuation.resume(returning: .failed("\(error)"))
                }
            }
        }
    }
}
