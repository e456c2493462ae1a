import Foundation
import GRDB
import Testing
@testable import VantageStore
import VantageCore

@Suite struct StoreRecorderTests {
    private func system(_ t: Date, cpu: Double) -> SystemSample {
        SystemSample(time: t, cpuPercent: cpu, cpuCount: 2, memTotalBytes: 100, memAvailableBytes: 50, load1: 0,
                     load5: 0, load15: 0, netRxBytesPerSec: 0, netTxBytesPerSec: 0, diskReadBytesPerSec: 0,
                     diskWriteBytesPerSec: 0)
    }

    @Test func batchesBusEventsIntoOneWriteAndFlushesOnShutdown() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let bus = Bus()
        // A flush interval far away: only explicit flushes and shutdown write.
        let recorder = StoreRecorder(store: store, bus: bus, flushInterval: .seconds(3600))
        let done = Task { await recorder.run() }
        try await Task.sleep(for: .milliseconds(100))   // let it subscribe

        let now = Date()
        let project = ProjectID("/w/api")
        bus.publish(.scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node])]))
        bus.publish(.systemSampled(system(now, cpu: 10)))
        bus.publish(.systemSampled(system(now.addingTimeInterval(1), cpu: 20)))
        bus.publish(.projectsSampled([ProjectSample(time: now, project: project, state: .external, cpuPercent: 30,
                                                    rssBytes: 4096, ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0,
                                                    processCount: 1, pids: [1])]))
        bus.publish(.stateChanged(project: project, from: .stopped, to: .external))
        bus.publish(.log(LogLine(time: now, project: project, stream: .stdout, text: "listening")))
        #expect(await eventually { await recorder.pendingCount == 5 })   // the log line is not stored
        #expect(try await store.history(metric: .systemCPU, since: now.addingTimeInterval(-1)).isEmpty)

        await recorder.flush()
        #expect(await recorder.pendingCount == 0)
        #expect(try await store.history(metric: .systemCPU, since: now.addingTimeInterval(-1)).map(\.value) == [10, 20])
        #expect(try await store.history(metric: .projectCPU, project: project, since: now.addingTimeInterval(-1)).map(\.value) == [30])
        #expect(try await store.projects().map(\.name) == ["api"])
        let timeline = try await store.recentTimeline()
        #expect(timeline.map(\.text) == ["api: stopped → external"])
        #expect(timeline.first?.kind == .state && timeline.first?.project == project)

        // Pending events are written when the app shuts down.
        bus.publish(.timeline(TimelineEntry(time: now, kind: .scan, text: "late entry")))
        #expect(await eventually { await recorder.pendingCount == 1 })
        bus.send(.shutdown)
        await done.value
        #expect(try await store.recentTimeline().map(\.text).contains("late entry"))
        #expect(await recorder.lastError == nil)
    }

    @Test func flushesEveryIntervalOnItsOwn() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let bus = Bus()
        let recorder = StoreRecorder(store: store, bus: bus, flushInterval: .milliseconds(100))
        let done = Task { await recorder.run() }
        try await Task.sleep(for: .milliseconds(50))
        // Whole seconds: times are stored as seconds since 1970 in a REAL, exact to about a microsecond.
        let d = Diagnostic(time: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded()), severity: .warning, source: "vantage", message: "slow scan")
        bus.publish(.diagnostic(d))
        #expect(await eventually { (try? await store.recentDiagnostics()) == [d] })
        bus.close()
        await done.value
    }
}

extension StoreRecorderTests {
    @Test func compactsOldSamplesOnItsFirstFlushAndThenEveryInterval() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let twoHoursAgo = Date().addingTimeInterval(-7200).timeIntervalSince1970
        try await store.pool.write { db in
            for i in 0..<120 {
                try db.execute(sql: MetricRows.insertSQL, arguments: [twoHoursAgo + Double(i), Metric.systemCPU.rawValue, "", 50.0])
            }
        }
        let bus = Bus()
        let recorder = StoreRecorder(store: store, bus: bus, flushInterval: .milliseconds(100), compactEvery: .seconds(600))
        let done = Task { await recorder.run() }
        #expect(await eventually { (try? await store.metricRowCounts())?.raw == 0 })
        let counts = try await store.metricRowCounts()
        #expect(counts.minutes >= 2 && counts.minutes <= 3)
        bus.send(.shutdown)
        await done.value
    }

    @Test func aFailingWriteIsReportedOnceAndItsEventsAreKeptForTheNextTry() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let bus = Bus()
        let diagnostics = bus.events()
        let recorder = StoreRecorder(store: store, bus: bus, flushInterval: .seconds(3600))
        let done = Task { await recorder.run() }
        try await Task.sleep(for: .milliseconds(100))
        await recorder.flush()   // the first compaction, out of the way
        // The database may not grow any more: a full disk.
        try await store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let entry = { (i: Int) in TimelineEntry(time: Date(), kind: .analysis, text: String(repeating: "x", count: 3000) + "\(i)") }
        for i in 0..<20 { bus.publish(.timeline(entry(i))) }
        #expect(await eventually { await recorder.pendingCount == 20 })
        await recorder.flush()
        await recorder.flush()
        // Kept, not lost; the recorder's own diagnostic about the failure joins them.
        #expect(await eventually { await recorder.pendingCount == 21 })
        let error = try #require(await recorder.lastError)
        #expect(error.message.contains("disk is full") && error.location?.file == tmp.path)
        // Reported once on the bus, as an error diagnostic naming the file.
        var reported: [Diagnostic] = []
        for await event in diagnostics {
            if case .diagnostic(let d) = event { reported.append(d) }
            if reported.count == 1 { break }
        }
        #expect(reported.first?.severity == .error && reported.first?.message.contains(tmp.path) == true)
        // Space again: the kept events are written.
        try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        await recorder.flush()
        #expect(await recorder.pendingCount == 0)
        #expect(await recorder.lastError == nil)
        #expect(try await store.recentTimeline().count == 20)
        #expect(try await store.recentDiagnostics().count == 1)
        bus.send(.shutdown)
        await done.value
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes (a bound on a hang, not a speed
/// requirement: on a loaded 2-core CI machine a flush can take seconds).
func eventually(timeout: Duration = .seconds(20), _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now.advanced(by: timeout)
    while clock.now < end {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
