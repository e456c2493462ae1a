import Foundation
import Testing
@testable import VantageStore
import VantageCore

/// What a console that starts or attaches reads back: the sparklines' history per window and the
/// export's rows, from raw samples and minute averages alike.
@Suite struct MetricHistoryStoreTests {
    /// A whole hour, so buckets of every window start at it.
    let now = Date(timeIntervalSince1970: 1_800_003_600)

    func system(_ t: Date, cpu: Double, used: UInt64) -> SystemSample {
        SystemSample(time: t, cpuPercent: cpu, cpuCount: 2, memTotalBytes: 1000, memAvailableBytes: 1000 - used, load1: 0.5,
                     load5: 0, load15: 0, netRxBytesPerSec: 10, netTxBytesPerSec: 5, diskReadBytesPerSec: 1, diskWriteBytesPerSec: 2)
    }

    func project(_ t: Date, _ path: String, cpu: Double, rss: UInt64, state: RunState = .ready) -> ProjectSample {
        ProjectSample(time: t, project: ProjectID(path), state: state, cpuPercent: cpu, rssBytes: rss,
                      ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 1, pids: [1])
    }

    @Test func fiveMinuteWindowKeepsOnePointPerSecondWithGapsWhereNothingWasSampled() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        // Samples 4, 3 and 1 s before now (2 s before: nothing), and one 10 minutes ago (outside).
        for (ago, cpu) in [(600.0, 99.0), (4, 10), (3, 20), (1, 40)] {
            let t = now.addingTimeInterval(-ago)
            try await store.record(system: system(t, cpu: cpu, used: 250))
            try await store.record(projects: [project(t, "/w/api", cpu: cpu / 10, rss: 1 << 20),
                                              project(t, "/w/idle", cpu: 0, rss: 0, state: .stopped)])
        }
        let history = try await store.metricHistory(window: .fiveMinutes, now: now, memoryTotal: 1000)
        #expect(history.window == .fiveMinutes)
        #expect(history.system.cpu.values == [10, 20, nil, 40])
        #expect(history.system.cpu.first == Int64(now.timeIntervalSince1970) - 4)
        #expect(history.system.memory.values == [25, 25, nil, 25])
        #expect(history.system.network.values == [15, 15, nil, 15])
        #expect(history.system.disk.values == [3, 3, nil, 3])
        #expect(history.system.load.values == [0.5, 0.5, nil, 0.5])
        #expect(history.projects[ProjectID("/w/api")]?.cpu.values == [1, 2, nil, 4])
        #expect(history.projects[ProjectID("/w/api")]?.rss.values == [1_048_576, 1_048_576, nil, 1_048_576])
        // A project that never ran has no history at all (not a line of zeros).
        #expect(history.projects[ProjectID("/w/idle")] == nil)
        // Without the machine's memory size there is no percentage to draw.
        #expect(try await store.metricHistory(window: .fiveMinutes, now: now, memoryTotal: nil).system.memory.isEmpty)
    }

    @Test func longWindowsAverageRawSamplesAndMinuteAveragesIntoTheirBuckets() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let hourAgo = now.timeIntervalSince1970 - 3600
        try await store.pool.write { db in
            // Two days ago, two minutes that fall into one 15-minute bucket of the week window.
            let old = floor((now.timeIntervalSince1970 - 2 * 86_400) / 900) * 900
            try db.execute(sql: "INSERT INTO metric_minute (minute, metric, project, value, count) VALUES (?, 'system.cpu', '', 30, 60), (?, 'system.cpu', '', 50, 60)",
                           arguments: [old, old + 60])
            // Within the hour: raw samples 10 s apart.
            for (i, v) in [1.0, 3, 5, 7].enumerated() {
                try db.execute(sql: MetricRows.insertSQL, arguments: [hourAgo + 600 + Double(i) * 5, Metric.systemCPU.rawValue, "", v])
            }
        }
        let week = try await store.metricHistory(window: .week, now: now, memoryTotal: nil)
        #expect(week.system.cpu.values.first == 40)
        // The four raw samples span 15 s inside one 15-minute bucket: their mean.
        #expect(week.system.cpu.last == 4)
        let hour = try await store.metricHistory(window: .hour, now: now, memoryTotal: nil)
        // The minute averages are older than the hour; the raw samples fall in two 10-s buckets.
        #expect(hour.system.cpu.values == [2, 6])
        #expect(hour.system.cpu.bucketSeconds == 10)
    }

    @Test func exportRowsAndTimelineSinceATimeComeOldestFirst() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO metric_minute (minute, metric, project, value, count) VALUES (?, 'project.cpu', '/w/api', 12.5, 58)",
                           arguments: [now.timeIntervalSince1970 - 7200])
        }
        try await store.record(system: system(now.addingTimeInterval(-5), cpu: 33, used: 500))
        try await store.append(timeline: TimelineEntry(time: now.addingTimeInterval(-9000), kind: .scan, text: "too old"))
        let entry = TimelineEntry(time: now.addingTimeInterval(-60), kind: .decision, project: ProjectID("/w/api"), text: "api: port 3000 → 3001")
        try await store.append(timeline: entry)

        let rows = try await store.metricRows(since: now.addingTimeInterval(-8000))
        #expect(rows.first == StoredMetricRow(time: now.addingTimeInterval(-7200), metric: .projectCPU, project: ProjectID("/w/api"),
                                              value: 12.5, samples: 58, isMinuteAverage: true))
        #expect(rows.dropFirst().map(\.metric) == [.systemCPU, .diskRead, .diskWrite, .systemLoad1, .systemMemoryUsed, .networkReceive, .networkTransmit])
        #expect(rows.dropFirst().allSatisfy { $0.project == nil && !$0.isMinuteAverage && $0.samples == 1 })
        #expect(try await store.timeline(since: now.addingTimeInterval(-8000)) == [entry])
    }
}
