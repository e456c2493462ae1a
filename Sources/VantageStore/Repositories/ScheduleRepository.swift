import Foundation
import GRDB
import VantageCore

extension Store {
    /// Adds a job; its id is given by the database.
    public func addScheduledJob(cron: String, target: ScheduledJob.Target, action: String, source: String? = nil,
                                created: Date) async throws -> ScheduledJob {
        try await write("add a scheduled job") { db in
            try db.execute(sql: "INSERT INTO scheduled_jobs (cron, target, action, source, created) VALUES (?, ?, ?, ?, ?)",
                           arguments: [cron, target.description, action, source, created.timeIntervalSince1970])
            return ScheduledJob(id: db.lastInsertedRowID, cron: cron, target: target, action: action, source: source, created: created)
        }
    }

    /// Every job, oldest first.
    public func scheduledJobs() async throws -> [ScheduledJob] {
        try await read("read the scheduled jobs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scheduled_jobs ORDER BY id").map(ScheduleRows.job)
        }
    }

    /// Removes a job; false when there is none with that id.
    @discardableResult
    public func removeScheduledJob(id: Int64) async throws -> Bool {
        try await write("remove a scheduled job") { db in
            try db.execute(sql: "DELETE FROM scheduled_jobs WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// Records a finished run (started at `time`) and the next run the scheduler computed.
    public func recordScheduledRun(id: Int64, time: Date, outcome: ScheduledJob.Outcome, nextRun: Date?) async throws {
        try await write("record a scheduled run") { db in
            try db.execute(sql: """
                UPDATE scheduled_jobs SET last_run = ?, last_succeeded = ?, last_message = ?, next_run = ? WHERE id = ?
                """, arguments: [time.timeIntervalSince1970, outcome.succeeded, outcome.message,
                                 nextRun?.timeIntervalSince1970, id])
        }
    }

    /// Records when a job runs next.
    public func setNextScheduledRun(id: Int64, _ nextRun: Date?) async throws {
        try await write("record a scheduled job's next run") { db in
            try db.execute(sql: "UPDATE scheduled_jobs SET next_run = ? WHERE id = ?", arguments: [nextRun?.timeIntervalSince1970, id])
        }
    }
}

/// Rows of the scheduled_jobs table.
enum ScheduleRows {
    static func job(_ row: Row) -> ScheduledJob {
        let lastRun: Double? = row["last_run"], nextRun: Double? = row["next_run"]
        let succeeded: Bool? = row["last_succeeded"], message: String? = row["last_message"]
        return ScheduledJob(id: row["id"], cron: row["cron"], target: ScheduledJob.Target(row["target"] as String),
                            action: row["action"], source: row["source"], created: Date(timeIntervalSince1970: row["created"]),
                            lastRun: lastRun.map(Date.init(timeIntervalSince1970:)),
                            lastOutcome: succeeded.map { ScheduledJob.Outcome(succeeded: $0, message: message ?? "") },
                            nextRun: nextRun.map(Date.init(timeIntervalSince1970:)))
    }
}
