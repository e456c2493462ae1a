import Foundation
import GRDB
import VantageCore

extension Store {
    /// Stores one machine reading as raw samples (one row per `Metric.system*`).
    public func record(system: SystemSample) async throws {
        try await write("record a system sample") { db in try MetricRows.insert(db, system: system) }
    }

    /// Stores the CPU and RSS of every project that is up (stopped projects leave a gap).
    public func record(projects: [ProjectSample]) async throws {
        try await write("record project samples") { db in try MetricRows.insert(db, projects: projects) }
    }

    /// A metric's history since `since`, oldest first: minute averages where the raw samples were
    /// compacted, raw samples after that. `project` is ignored for machine-wide metrics.
    public func history(metric: Metric, project: ProjectID? = nil, since: Date) async throws -> [MetricPoint] {
        try await read("read metric history") { db in
            try MetricRows.history(db, metric: metric, project: project, since: since)
        }
    }

    /// Folds raw samples older than `retention.raw` into one-minute averages and deletes them, and
    /// deletes minute averages older than `retention.minutes`. One transaction: the averages are
    /// written before (and committed with) the deletion of what they replace, so a failure (a full
    /// disk) loses nothing.
    @discardableResult
    public func compact(now: Date = Date(), retention: Retention = .standard) async throws -> CompactionReport {
        try await write("compact metric history") { db in try MetricRows.compact(db, now: now, retention: retention) }
    }

    /// Row counts of the two metric tables (raw, minute), for tests and `vantage status`.
    public func metricRowCounts() async throws -> (raw: Int, minutes: Int) {
        try await read("count metric rows") { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metric_raw") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metric_minute") ?? 0)
        }
    }
}

/// SQL for the metric tables, usable inside any transaction.
enum MetricRows {
    static let insertSQL = "INSERT INTO metric_raw (time, metric, project, value) VALUES (?, ?, ?, ?)"

    static func insert(_ db: Database, system s: SystemSample) throws {
        let statement = try db.cachedStatement(sql: insertSQL)
        let t = s.time.timeIntervalSince1970
        let values: [(Metric, Double)] = [
            (.systemCPU, s.cpuPercent),
            (.systemMemoryUsed, Double(s.memUsedBytes)),
            (.systemLoad1, s.load1),
            (.networkReceive, s.netRxBytesPerSec),
            (.networkTransmit, s.netTxBytesPerSec),
            (.diskRead, s.diskReadBytesPerSec),
            (.diskWrite, s.diskWriteBytesPerSec),
        ]
        for (metric, value) in values where value.isFinite {
            try statement.execute(arguments: [t, metric.rawValue, "", value])
        }
    }

    static func insert(_ db: Database, projects: [ProjectSample]) throws {
        let statement = try db.cachedStatement(sql: insertSQL)
        for p in projects where p.state.isUp {
            let t = p.time.timeIntervalSince1970
            if p.cpuPercent.isFinite {
                try statement.execute(arguments: [t, Metric.projectCPU.rawValue, p.project.rawValue, p.cpuPercent])
            }
            try statement.execute(arguments: [t, Metric.projectRSS.rawValue, p.project.rawValue, Double(p.rssBytes)])
        }
    }

    static func history(_ db: Database, metric: Metric, project: ProjectID?, since: Date) throws -> [MetricPoint] {
        let key = metric.isPerProject ? (project?.rawValue ?? "") : ""
        let t = since.timeIntervalSince1970
        let rows = try Row.fetchAll(db, sql: """
            SELECT minute AS t, value FROM metric_minute WHERE metric = ? AND project = ? AND minute >= ?
            UNION ALL
            SELECT time AS t, value FROM metric_raw WHERE metric = ? AND project = ? AND time >= ?
            ORDER BY t
            """, arguments: [metric.rawValue, key, floor(t / 60) * 60, metric.rawValue, key, t])
        return rows.map { MetricPoint(time: Date(timeIntervalSince1970: $0["t"]), value: $0["value"]) }
    }

    static func compact(_ db: Database, now: Date, retention: Retention) throws -> CompactionReport {
        // Only whole minutes are folded, so one minute is never split between two compactions
        // (a late sample for an already-folded minute is merged in, weighted by count).
        let cutoff = floor((now.timeIntervalSince1970 - retention.raw.seconds) / 60) * 60
        let folded = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metric_raw WHERE time < ?", arguments: [cutoff]) ?? 0
        var written = 0
        if folded > 0 {
            try db.execute(sql: """
                INSERT INTO metric_minute (minute, metric, project, value, count)
                SELECT CAST(time / 60 AS INTEGER) * 60, metric, project, AVG(value), COUNT(*)
                FROM metric_raw WHERE time < ?
                GROUP BY 1, 2, 3
                ON CONFLICT (metric, project, minute) DO UPDATE SET
                    value = (metric_minute.value * metric_minute.count + excluded.value * excluded.count)
                            / (metric_minute.count + excluded.count),
                    count = metric_minute.count + excluded.count
                """, arguments: [cutoff])
            written = db.changesCount
            try db.execute(sql: "DELETE FROM metric_raw WHERE time < ?", arguments: [cutoff])
        }
        let oldest = floor(now.timeIntervalSince1970 - retention.minutes.seconds)
        try db.execute(sql: "DELETE FROM metric_minute WHERE minute < ?", arguments: [oldest])
        let expired = db.changesCount
        return CompactionReport(rawSamplesFolded: folded, minutesWritten: written, minutesExpired: expired)
    }
}
