import Foundation
import GRDB
import Testing
@testable import VantageStore
import VantageCore

@Suite struct StoreOpeningTests {
    @Test func createsAPrivateFolderAndAWALDatabaseWithEveryMigration() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        #expect(FileManager.default.fileExists(atPath: tmp.path))
        let mode = try FileManager.default.attributesOfItem(atPath: tmp.folder + "/home")[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(try await store.journalMode() == "wal")
        #expect(try await store.appliedMigrations() == ["v1: projects, scans, timeline, diagnostics, metrics", "v2: insights",
                                                        "v3: knowledge graph, decisions, learned fixes", "v4: advisor weights",
                                                        "v5: coverage history", "v6: scheduled jobs"])
        let tables = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        #expect(tables == ["advisor_weights", "coverage_history", "decisions", "diagnostics", "graph_edges", "graph_nodes", "insights", "learned_fix_history",
                           "learned_fixes", "metric_minute", "metric_raw", "projects", "scans", "scheduled_jobs", "timeline"])
    }

    @Test func opensAtVantageHomeFromTheEnvironment() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let paths = VantagePaths.fromEnvironment(["VANTAGE_HOME": tmp.folder + "/home", "HOME": "/nonexistent"])
        let store = try Store.open(paths: paths)
        #expect(store.path == tmp.path)
        #expect(try await store.journalMode() == "wal")
    }

    @Test func aReopenedDatabaseKeepsCommittedRowsAndIsNotMigratedTwice() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let entry = TimelineEntry(time: Date(timeIntervalSince1970: 1_700_000_000), kind: .scan, text: "scanned 3 projects")
        do {
            let store = try Store.open(path: tmp.path)
            try await store.append(timeline: entry)
        }
        let again = try Store.open(path: tmp.path)
        #expect(try await again.recentTimeline() == [entry])
        #expect(try await again.appliedMigrations().count == StoreMigrations.migrator.migrations.count)
    }

    @Test func aCorruptFileIsReportedWithItsPathAndWhatToDo() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(atPath: tmp.folder + "/home", withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: tmp.path))
        let error = #expect(throws: VantageError.self) { try Store.open(path: tmp.path) }
        #expect(error?.location?.file == tmp.path)
        #expect(error?.message.contains("not a readable SQLite file") == true)
        #expect(error?.hint?.contains("mv '\(tmp.path)'") == true)
        // Nothing was overwritten.
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.path)) == Data(repeating: 0x5A, count: 8192))
    }

    @Test func anUnwritableLocationIsReportedWithWhatToDo() throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        // The folder that should hold the database is a file.
        _ = FileManager.default.createFile(atPath: tmp.folder + "/home", contents: Data("x".utf8))
        let error = #expect(throws: VantageError.self) { try Store.open(path: tmp.path) }
        #expect(error?.location?.file == tmp.path)
        #expect(error?.hint?.contains("VANTAGE_HOME") == true)
        // A database path that is a folder cannot be opened either.
        let folderPath = tmp.folder + "/dbdir"
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        let second = #expect(throws: VantageError.self) { try Store.open(path: folderPath) }
        #expect(second?.location?.file == folderPath)
    }

    @Test func aFullDatabaseLosesNothingCommittedAndCompactionRollsBackWhole() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let old = Date().addingTimeInterval(-3 * 86400)
        // 3000 old raw samples, one a minute (so compaction must write 3000 minute rows), committed.
        try await store.pool.write { db in
            for i in 0..<3000 {
                try db.execute(sql: MetricRows.insertSQL,
                               arguments: [old.timeIntervalSince1970 + Double(i * 60), Metric.systemCPU.rawValue, "", Double(i % 100)])
            }
        }
        // Now the "disk" is full: no page may be added to the file.
        try await store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var full: VantageError?
        do {
            for _ in 0..<200 { try await store.record(system: sample(at: Date())) }
        } catch let e as VantageError { full = e }
        #expect(full?.message.contains("disk is full") == true)
        #expect(full?.location?.file == tmp.path)
        // Compaction needs new pages for the minute rows: it fails, and deletes nothing.
        await #expect(throws: VantageError.self) { try await store.compact(now: Date()) }
        let counts = try await store.metricRowCounts()
        #expect(counts.raw >= 3000 && counts.minutes == 0)
        let history = try await store.history(metric: .systemCPU, since: old)
        #expect(history.count >= 3000)
    }

    private func sample(at time: Date) -> SystemSample {
        SystemSample(time: time, cpuPercent: 12, cpuCount: 2, memTotalBytes: 100, memAvailableBytes: 40,
                     load1: 0.5, load5: 0.4, load15: 0.3, netRxBytesPerSec: 1, netTxBytesPerSec: 2,
                     diskReadBytesPerSec: 3, diskWriteBytesPerSec: 4)
    }
}
