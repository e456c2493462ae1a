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
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        // Time never moves: only explicit flushes and shutdown write.
        let recorder = StoreRecorder(store: store, bus: bus, clock: clock, flushInterval: .seconds(3600))
        let done = Task { await recorder.run() }
        #expect(await clock.waitForSleepers())   // subscribed, and waiting for its first flush

        let now = clock.now
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
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        let recorder = StoreRecorder(store: store, bus: bus, clock: clock, flushInterval: .milliseconds(250))
        let done = Task { await recorder.run() }
        #expect(await clock.waitForSleepers())
        // The clock starts on a whole second: times are stored as seconds since 1970 in a REAL.
        let d = Diagnostic(time: clock.now, severity: .warning, source: "vantage", message: "slow scan")
        bus.publish(.diagnostic(d))
        #expect(await eventually { await recorder.pendingCount == 1 })
        // Nothing is written before the interval has passed on the recorder's clock…
        // (Steps of 1/8 s: exact in binary, so no rounding puts the deadline just out of reach.)
        clock.advance(by: .milliseconds(125))
        #expect(try await store.recentDiagnostics().isEmpty)
        // …and the batch is written when it has, without a flush asked for.
        clock.advance(by: .milliseconds(125))
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
        let clock = ManualClock()
        // 120 raw samples two hours old (raw samples are kept for an hour), from `minute` on.
        func writeOldSamples() async throws {
            let twoHoursAgo = clock.now.addingTimeInterval(-7200).timeIntervalSince1970
            try await store.pool.write { db in
                for i in 0..<120 {
                    try db.execute(sql: MetricRows.insertSQL, arguments: [twoHoursAgo + Double(i), Metric.systemCPU.rawValue, "", 50.0])
                }
            }
        }
        try await writeOldSamples()
        let bus = Bus(clock: clock)
        let recorder = StoreRecorder(store: store, bus: bus, clock: clock, flushInterval: .milliseconds(100), compactEvery: .seconds(600))
        let done = Task { await recorder.run() }
        #expect(await clock.waitForSleepers())
        clock.advance(by: .milliseconds(100))   // the first flush compacts
        #expect(await eventually { (try? await store.metricRowCounts())?.raw == 0 })
        let counts = try await store.metricRowCounts()
        // Two minutes of samples, which start at a whole minute of the clock: two minute rows.
        #expect(counts.minutes == 2)

        // Flushes before `compactEvery` has passed leave new old samples alone…
        #expect(await clock.waitForSleepers())
        try await writeOldSamples()
        for _ in 0..<5 {
            #expect(await clock.waitForSleepers())
            clock.advance(by: .milliseconds(100))
        }
        #expect(await clock.waitForSleepers())
        #expect(try await store.metricRowCounts().raw == 120)
        // …and the flush after it compacts them.
        clock.advance(by: .seconds(600))
        #expect(await eventually { (try? await store.metricRowCounts())?.raw == 0 })
        bus.send(.shutdown)
        await done.value
    }

    @Test func aFailingWriteIsReportedOnceAndItsEventsAreKeptForTheNextTry() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        let diagnostics = bus.events()
        let recorder = StoreRecorder(store: store, bus: bus, clock: clock, flushInterval: .seconds(3600))
        let done = Task { await recorder.run() }
        #expect(await clock.waitForSleepers())
        await recorder.flush()   // the first compaction, out of the way
        // The database may not grow any more: a full disk.
        try await store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let entry = { (i: Int) in TimelineEntry(time: clock.now, kind: .analysis, text: String(repeating: "x", count: 3000) + "\(i)") }
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
