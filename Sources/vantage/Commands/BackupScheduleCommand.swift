import ArgumentParser
import Foundation
import VantageCore
import VantageStore

/// `vantage backup schedule NAME`: the scheduler's job for `[backup] schedule`.
struct BackupScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Make [backup] schedule the project's scheduled backup job (replacing the one it had); the daemon runs it.",
        discussion: "The job is an ordinary scheduled job (action backup): `vantage schedule list` shows it, a run missed while Vantage was down runs once when it starts, and a failed run is a Troubleshooting problem.")
    @OptionGroup var target: BackupTarget

    func run() async throws {
        let settings = try target.settings()
        guard let cron = settings.backup.schedule else {
            throw VantageError(.config, "\(target.name)'s [backup] has no schedule",
                               at: SourceLocation(file: settings.path + "/.vantage.toml", line: settings.backup.line, field: "backup.schedule"),
                               hint: "add schedule = \"30 3 * * *\" (cron) to [backup]")
        }
        let store = try Store.open()
        let replaced = try await store.scheduledJobs().filter { $0.action == "backup" && $0.target == .project(target.name) }
        for job in replaced { _ = try await store.removeScheduledJob(id: job.id) }
        // Date(): a CLI command is a composition root of its own (the time it runs at).
        let job = try await store.addScheduledJob(cron: cron.text, target: .project(target.name), action: "backup", created: Date())
        let next = cron.next(after: job.created).map { ClockZone.system.minuteStamp($0) } ?? "never"
        print("scheduled job \(job.id): back up \(target.name) at '\(cron.text)', next run \(next)"
              + (replaced.isEmpty ? "" : " (replaces job \(replaced.map { String($0.id) }.joined(separator: ", ")))"))
    }
}
