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

    /// The Metrics pane's history for `window` up to `now`: every series averaged into the window's
    /// buckets (raw samples for the last hour, minute averages before), each project's CPU and RSS
    /// included. Memory is shown in percent of `memoryTotal` bytes (empty without it).
    public func metricHistory(window: MetricWindow, now: Date, memoryTotal: UInt64?) async throws -> MetricHistory {
        try await read("read the metric history of the last \(window.label)") { db in
            try MetricRows.history(db, window: window, now: now, memoryTotal: memoryTotal)
        }
    }

    /// Every stored sample since `since`, oldest first (raw samples and minute averages), for export.
    public func metricRows(since: Date) async throws -> [StoredMetricRow] {
        try await read("read the stored metrics") { db in try MetricRows.rows(db, since: since) }
    }

    /// Folds raw samples older than `retention.raw` into one-minute averages and deletes them, and
    /// deletes minute averages older than `retention.minutes`. One transaction: the averages are
    /// written before (and committed with) the deletion of what they replace, so a failure (a full
    /// disk) loses nothing.
    @discardableResult
    public func compact(now: Date, retention: Retention = .standard) async throws -> CompactionReport {
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

    /// Bucket averages of one metric since `since`, per project ('' for machine-wide metrics).
    static func buckets(_ db: Database, metric: Metric, since: Date, bucketSeconds: Double) throws -> [String: [(index: Int64, value: Double)]] {
        let t = since.timeIntervalSince1970
        let rows = try Row.fetchCursor(db, sql: """
            SELECT project, CAST(t / ? AS INTEGER) AS bucket, AVG(value) AS value FROM (
                SELECT minute AS t, project, value FROM metric_minute WHERE metric = ? AND minute >= ?
                UNION ALL
                SELECT time AS t, project, value FROM metric_raw WHERE metric = ? AND time >= ?
            ) GROUP BY project, bucket ORDER BY project, bucket
            """, arguments: [bucketSeconds, metric.rawValue, floor(t / 60) * 60, metric.rawValue, t])
        var out: [String: [(index: Int64, value: Double)]] = [:]
        while let row = try rows.next() {
            let project: String = row["project"]
            out[project, default: []].append((row["bucket"], row["value"]))
        }
        return out
    }

    static func history(_ db: Database, window: MetricWindow, now: Date, memoryTotal: UInt64?) throws -> MetricHistory {
        let since = now.addingTimeInterval(-window.seconds)
        func machine(_ metric: Metric, scale: Double = 1) throws -> [(index: Int64, value: Double)] {
            try buckets(db, metric: metric, since: since, bucketSeconds: window.bucketSeconds)[""].map { $0.map { ($0.index, $0.value * scale) } } ?? []
        }
        func sum(_ a: [(index: Int64, value: Double)], _ b: [(index: Int64, value: Double)]) -> [(index: Int64, value: Double)] {
            var total: [Int64: Double] = [:]
            for p in a + b { total[p.index, default: 0] += p.value }
            return total.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        var system = MetricHistory.SystemHistory(window: window)
        system.cpu = BucketSeries(window: window, buckets: try machine(.systemCPU))
        if let memoryTotal, memoryTotal > 0 {
            system.memory = BucketSeries(window: window, buckets: try machine(.systemMemoryUsed, scale: 100 / Double(memoryTotal)))
        }
        system.load = BucketSeries(window: window, buckets: try machine(.systemLoad1))
        system.network = BucketSeries(window: window, buckets: sum(try machine(.networkReceive), try machine(.networkTransmit)))
        system.disk = BucketSeries(window: window, buckets: sum(try machine(.diskRead), try machine(.diskWrite)))
        let cpu = try buckets(db, metric: .projectCPU, since: since, bucketSeconds: window.bucketSeconds)
        let rss = try buckets(db, metric: .projectRSS, since: since, bucketSeconds: window.bucketSeconds)
        var projects: [ProjectID: MetricHistory.ProjectHistory] = [:]
        for key in Set(cpu.keys).union(rss.keys) where !key.isEmpty {
            projects[ProjectID(key)] = MetricHistory.ProjectHistory(cpu: BucketSeries(window: window, buckets: cpu[key] ?? []),
                                                                    rss: BucketSeries(window: window, buckets: rss[key] ?? []))
        }
        return MetricHistory(window: window, system: system, projects: projects)
    }

    static func rows(_ db: Database, since: Date) throws -> [StoredMetricRow] {
        let t = since.timeIntervalSince1970
        return try Row.fetchAll(db, sql: """
            SELECT minute AS t, metric, project, value, count, 'minute' AS resolution FROM metric_minute WHERE minute >= ?
            UNION ALL
            SELECT time AS t, metric, project, value, 1 AS count, 'raw' AS resolution FROM metric_raw WHERE time >= ?
            ORDER BY t, metric, project
            """, arguments: [floor(t / 60) * 60, t]).compactMap { row in
            guard let metric = Metric(rawValue: row["metric"]) else { return nil }
            let project: String = row["project"]
            return StoredMetricRow(time: Date(timeIntervalSince1970: row["t"]), metric: metric,
                                   project: project.isEmpty ? nil : ProjectID(project), value: row["value"],
                                   samples: row["count"], isMinuteAverage: (row["resolution"] as String) == "minute")
        }
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
