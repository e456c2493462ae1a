import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator
import VantageStore

/// `vantage schedule list|add|rm|run-now`: jobs the daemon (or the console, when no daemon runs)
/// runs on a cron schedule. Jobs live in SQLite, so they can be added and removed with or without
/// a running daemon.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Run analyses, checks, refreshes and restarts on a cron schedule, even while nobody watches.",
        discussion: """
            Jobs run inside `vantage daemon`, or inside the console when no daemon runs. A run missed \
            while neither was running runs once when one starts (not once per missed slot).
            Actions: \(ScheduledAction.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).
            """,
        subcommands: [List.self, Add.self, Remove.self, RunNow.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The jobs, their next run and their last outcome.")
        @Flag(help: "Print a JSON array of jobs (times in ISO 8601, UTC).") var json = false

        func run() async throws {
            let now = Date()   // a CLI command is a composition root of its own (the time it runs at).
            let jobs = try await Store.open().scheduledJobs().map { job in
                var job = job
                // A job no scheduler has seen yet is due at its first slot after its last run (or creation).
                if job.nextRun == nil { job.nextRun = (try? CronExpression(job.cron))?.next(after: job.lastRun ?? job.created) }
                return job
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .custom { date, encoder in
                    var container = encoder.singleValueContainer()
                    try container.encode(UTCTime.iso8601(date))
                }
                print(String(decoding: try encoder.encode(jobs), as: UTF8.self))
                return
            }
            guard !jobs.isEmpty else {
                print("No scheduled jobs. Add one with: " + ScheduledJob.addExample)
                return
            }
            let zone = ClockZone.system
            let rows = jobs.map { job -> [String] in
                let next = job.nextRun.map { $0 <= now ? "due now (runs once Vantage runs)" : zone.minuteStamp($0) } ?? "never"
                let last = job.lastRun.map(zone.minuteStamp) ?? "-"
                let outcome = job.lastOutcome.map { ($0.succeeded ? "ok: " : "FAILED: ") + $0.message } ?? "-"
                return [String(job.id), job.cron, job.target.description, job.action + (job.source.map { " --from \($0)" } ?? ""),
                        next, last, outcome]
            }
            print(DepsOutput.table(["ID", "CRON", "TARGET", "ACTION", "NEXT RUN", "LAST RUN", "LAST OUTCOME"], rows))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a job.",
            discussion: "Cron: 5 fields (minute hour day-of-month month day-of-week) in local time, or @hourly, @daily, @weekly, @monthly, @yearly.")
        @Option(help: ArgumentHelp("When, as a cron expression: '*/15 * * * *', '0 3 * * mon-fri', '@daily'.", valueName: "expr"))
        var cron: String
        @Option(help: ArgumentHelp("A project's name, or 'workspace' for every project.", valueName: "name|workspace"))
        var target: String
        @Option(help: ArgumentHelp("What to do: \(ScheduledAction.all.map(\.name).joined(separator: ", ")).", valueName: "action"))
        var action: String
        @Option(name: .customLong("from"), help: ArgumentHelp("The folder vuln-db-refresh imports (OSV JSON).", valueName: "dir"))
        var source: String?

        func run() async throws {
            let expression: CronExpression
            do { expression = try CronExpression(cron) } catch {
                throw VantageError(.usage, "--cron '\(cron)': \(error)",
                                   hint: "5 fields: minute hour day-of-month month day-of-week, e.g. '0 3 * * *', or @daily")
            }
            let target = ScheduledJob.Target(target)
            let folder = try Self.validate(action: action, target: target, source: source)
            // Date(): a CLI command is a composition root of its own (the time it runs at).
            let job = try await Store.open().addScheduledJob(cron: expression.text, target: target, action: action,
                                                             source: folder, created: Date())
            let next = expression.next(after: job.created).map { ClockZone.system.minuteStamp($0) } ?? "never"
            print("added job \(job.id): \(job.title), '\(job.cron)', next run \(next)")
        }

        /// The action exists, fits the target, and has its folder when it needs one (returned absolute).
        static func validate(action name: String, target: ScheduledJob.Target, source: String?) throws(VantageError) -> String? {
            guard let action = ScheduledAction.named(name) else {
                throw VantageError(.usage, "--action '\(name)' is not an action",
                                   hint: "one of: " + ScheduledAction.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; "))
            }
            switch (action.targets, target) {
            case (.project, .workspace):
                throw VantageError(.usage, "--action \(name) acts on one project, not the workspace", hint: "give --target a project's name")
            case (.workspace, .project(let project)):
                throw VantageError(.usage, "--action \(name) acts on the whole workspace, not on \(project)", hint: "use --target workspace")
            default: break
            }
            guard action.needsSource else {
                if source != nil { throw VantageError(.usage, "--from is only for the actions that read a folder (vuln-db-refresh), not \(name)") }
                return nil
            }
            guard let source else {
                throw VantageError(.usage, "--action \(name) needs --from DIR", hint: "the folder of OSV JSON advisories to import")
            }
            let absolute = URL(fileURLWithPath: source).standardizedFileURL.path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder), isFolder.boolValue else {
                throw VantageError(.usage, "--from \(source): no such folder", at: SourceLocation(file: absolute))
            }
            return absolute
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a job.")
        @Argument(help: "The job's id (vantage schedule list).") var id: Int64

        func run() async throws {
            let store = try Store.open()
            let job = try await Self.job(id, in: store)
            try await store.removeScheduledJob(id: id)
            print("removed job \(id): \(job.title), '\(job.cron)'")
        }

        static func job(_ id: Int64, in store: Store) async throws -> ScheduledJob {
            guard let job = try await store.scheduledJobs().first(where: { $0.id == id }) else {
                throw VantageError(.notFound, "there is no scheduled job \(id)", hint: "`vantage schedule list` shows the jobs and their ids")
            }
            return job
        }
    }

    struct RunNow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-now", abstract: "Run a job now in the running daemon or console; its outcome goes on the timeline.")
        @Argument(help: "The job's id (vantage schedule list).") var id: Int64

        func run() async throws {
            let paths = VantagePaths.fromEnvironment()
            let job = try await Remove.job(id, in: Store.open(paths: paths))
            let client: ControlClient
            do { client = try ControlClient.connect(paths) } catch {
                throw VantageError(.unavailable, "cannot run job \(id) (\(job.title)): no Vantage daemon or console is running for \(paths.home); "
                                   + "scheduled jobs run inside one",
                                   hint: "start `vantage daemon --root DIR` or open the console with `vantage`, then try again")
            }
            switch try client.send(.runScheduledJob(id: id)) {
            case .ok(let message): print(message ?? "started job \(id)")
            case .error(let message): throw VantageError(.unavailable, message)
            default: throw VantageError(.io, "the daemon gave an answer this version does not expect")
            }
        }
    }
}
