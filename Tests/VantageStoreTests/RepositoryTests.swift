import Foundation
import Testing
@testable import VantageStore
import VantageCore

@Suite struct RepositoryTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func scansUpsertProjectsAndKeepTheOnesNotFoundAgain() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let api = Project(name: "api", path: "/w/api", kinds: [.node, .docker], command: "npm start", ports: [3000, 3001],
                          dependencies: [Dependency(ecosystem: "npm", name: "express", version: "^4.18.0")])
        let worker = Project(name: "worker", path: "/w/worker", kinds: [.python])
        let first = try await store.saveScan(roots: ["/w"], projects: [api, worker], duration: .milliseconds(120), at: t0)
        #expect(first.projectCount == 2)
        #expect(try await store.projects() == [api, worker])

        var renamed = api
        renamed.name = "api-server"
        renamed.ports = [8080]
        let later = t0.addingTimeInterval(60)
        try await store.saveScan(roots: ["/w", "/x"], projects: [renamed], duration: nil, at: later)
        let stored = try await store.storedProjects()
        #expect(stored.map(\.project) == [renamed, worker])
        #expect(stored.map(\.lastSeen) == [later, t0])

        let scans = try await store.recentScans()
        #expect(scans.map(\.roots) == [["/w", "/x"], ["/w"]])
        #expect(scans.map(\.duration) == [nil, .milliseconds(120)])
        #expect(scans.map(\.time) == [later, t0])
    }

    @Test func timelineAndDiagnosticsComeBackNewestLastWithinTheLimit() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let entries = (0..<5).map {
            TimelineEntry(time: t0.addingTimeInterval(Double($0)), kind: .detection,
                          project: $0 % 2 == 0 ? ProjectID("/w/api") : nil, text: "entry \($0)")
        }
        for e in entries.shuffled() { try await store.append(timeline: e) }
        #expect(try await store.recentTimeline(limit: 3) == Array(entries.suffix(3)))
        #expect(try await store.recentTimeline() == entries)

        let d1 = Diagnostic(time: t0, severity: .warning, source: "vantage", message: "theme file has an unknown role")
        let d2 = Diagnostic(time: t0.addingTimeInterval(1), severity: .error, source: "api",
                            project: ProjectID("/w/api"), message: "EADDRINUSE :3000")
        try await store.append(diagnostic: d1)
        try await store.append(diagnostic: d2)
        #expect(try await store.recentDiagnostics() == [d1, d2])
        #expect(try await store.recentDiagnostics(limit: 1) == [d2])
    }

    @Test func samplesRoundTripAsMetricHistory() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        for i in 0..<3 {
            let t = t0.addingTimeInterval(Double(i))
            try await store.record(system: SystemSample(time: t, cpuPercent: Double(10 * i), cpuCount: 2,
                                                         memTotalBytes: 1000, memAvailableBytes: 400, load1: 1.5,
                                                         load5: 1, load15: 1, netRxBytesPerSec: 100, netTxBytesPerSec: 50,
                                                         diskReadBytesPerSec: 7, diskWriteBytesPerSec: 9))
            try await store.record(projects: [
                ProjectSample(time: t, project: ProjectID("/w/api"), state: .external, cpuPercent: 50 + Double(i),
                              rssBytes: 1 << 20, ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 1, pids: [42]),
                ProjectSample(time: t, project: ProjectID("/w/worker"), state: .stopped, cpuPercent: 0, rssBytes: 0,
                              ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 0, pids: []),
            ])
        }
        let cpu = try await store.history(metric: .systemCPU, since: t0)
        #expect(cpu.map(\.value) == [0, 10, 20])
        #expect(cpu.map(\.time) == [t0, t0.addingTimeInterval(1), t0.addingTimeInterval(2)])
        #expect(try await store.history(metric: .systemMemoryUsed, since: t0).map(\.value) == [600, 600, 600])
        #expect(try await store.history(metric: .systemLoad1, since: t0.addingTimeInterval(2)).map(\.value) == [1.5])
        #expect(try await store.history(metric: .diskWrite, since: t0).map(\.value) == [9, 9, 9])
        let apiCPU = try await store.history(metric: .projectCPU, project: ProjectID("/w/api"), since: t0)
        #expect(apiCPU.map(\.value) == [50, 51, 52])
        #expect(try await store.history(metric: .projectRSS, project: ProjectID("/w/api"), since: t0).map(\.value)
                == [1048576, 1048576, 1048576])
        // A stopped project leaves a gap rather than zeros.
        #expect(try await store.history(metric: .projectCPU, project: ProjectID("/w/worker"), since: t0).isEmpty)
    }

    @Test func compactionKeepsMinuteAveragesAndDropsExpiredRows() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let now = Date(timeIntervalSince1970: 1_800_003_630)   // 30 s into a minute
        let minuteA = 1_800_000_000.0 - 60 * 10                  // 70 minutes before "now"'s minute: old
        let minuteB = minuteA + 60                                // the next minute: old too
        let recent = now.timeIntervalSince1970 - 600              // 10 minutes ago: stays raw
        try await store.pool.write { db in
            func raw(_ t: Double, _ v: Double, _ metric: Metric = .systemCPU, _ project: String = "") throws {
                try db.execute(sql: MetricRows.insertSQL, arguments: [t, metric.rawValue, project, v])
            }
            for (i, v) in [10.0, 20, 30, 40].enumerated() { try raw(minuteA + Double(i) * 15, v) }   // avg 25
            for (i, v) in [100.0, 0].enumerated() { try raw(minuteB + Double(i) * 30, v) }          // avg 50
            try raw(minuteA + 5, 1000, .projectRSS, "/w/api")
            try raw(minuteA + 35, 3000, .projectRSS, "/w/api")                                      // avg 2000
            try raw(recent, 77)
            // A minute average from 31 days ago, past retention, and one from 29 days ago.
            try db.execute(sql: "INSERT INTO metric_minute (minute, metric, project, value, count) VALUES (?, 'system.cpu', '', 5, 60), (?, 'system.cpu', '', 6, 60)",
                           arguments: [floor((now.timeIntervalSince1970 - 31 * 86400) / 60) * 60,
                                       floor((now.timeIntervalSince1970 - 29 * 86400) / 60) * 60])
        }
        let report = try await store.compact(now: now)
        #expect(report == CompactionReport(rawSamplesFolded: 8, minutesWritten: 3, minutesExpired: 1))
        let counts = try await store.metricRowCounts()
        #expect(counts.raw == 1 && counts.minutes == 4)

        let since = now.addingTimeInterval(-30 * 86400)
        let cpu = try await store.history(metric: .systemCPU, since: since)
        #expect(cpu.map(\.value) == [6, 25, 50, 77])
        try #require(cpu.count > 1)
        #expect(cpu[1].time == Date(timeIntervalSince1970: minuteA))
        try #require(cpu.count > 2)
        #expect(cpu[2].time == Date(timeIntervalSince1970: minuteB))
        #expect(try await store.history(metric: .projectRSS, project: ProjectID("/w/api"), since: since).map(\.value) == [2000])

        // A late raw sample for an already-folded minute is merged, weighted by count: (25*4 + 75)/5.
        try await store.pool.write { db in
            try db.execute(sql: MetricRows.insertSQL, arguments: [minuteA + 59, Metric.systemCPU.rawValue, "", 75.0])
        }
        let second = try await store.compact(now: now)
        #expect(second.rawSamplesFolded == 1)
        #expect(try await store.history(metric: .systemCPU, since: Date(timeIntervalSince1970: minuteA)).map(\.value)
                == [35, 50, 77])

        // Compacting again with nothing old is a no-op.
        #expect(try await store.compact(now: now) == CompactionReport(rawSamplesFolded: 0, minutesWritten: 0, minutesExpired: 0))
    }
}
