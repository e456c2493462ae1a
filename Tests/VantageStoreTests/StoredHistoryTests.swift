import Foundation
import GRDB
import Testing
@testable import VantageStore
import VantageCore

/// A console that starts again shows what earlier runs saw: the newest 500 timeline entries with
/// their original times, the sparklines' stored history, and the history of each window asked for.
@Suite struct StoredHistoryTests {
    let started = Date(timeIntervalSince1970: 1_800_003_600)

    func next(_ iterator: inout AsyncStream<Event>.Iterator) async -> Event? {
        await iterator.next()
    }

    @Test func startPublishesTheNewest500EntriesBeforeTheStartWithTheirTimesThenTheFiveMinuteHistory() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let api = ProjectID("/w/api")
        // 600 entries of earlier runs, one a minute, then one written by this run (after the start).
        let past = (0..<600).map { i in
            TimelineEntry(time: started.addingTimeInterval(Double(i - 600) * 60), kind: i % 2 == 0 ? .decision : .state,
                          project: api, text: "entry \(i)")
        }
        for e in past { try await store.append(timeline: e) }
        try await store.append(timeline: TimelineEntry(time: started.addingTimeInterval(1), kind: .scan, text: "this run"))
        try await store.record(system: SystemSample(time: started.addingTimeInterval(-3), cpuPercent: 42, cpuCount: 2, memTotalBytes: 1000,
                                                    memAvailableBytes: 750, load1: 1, load5: 0, load15: 0, netRxBytesPerSec: 0,
                                                    netTxBytesPerSec: 0, diskReadBytesPerSec: 0, diskWriteBytesPerSec: 0))

        let bus = Bus()
        var events = bus.events([.pastTimeline, .metricHistory, .diagnostic]).makeAsyncIterator()
        let history = StoredHistory(store: store, bus: bus, clock: ManualClock(start: started), memoryTotal: 1000)
        await history.publishPast(started: started)

        guard case .pastTimeline(let entries)? = await next(&events) else { Issue.record("no past timeline"); return }
        #expect(entries.count == 500)
        #expect(entries == Array(past.suffix(500)))
        #expect(entries.first?.time == started.addingTimeInterval(-500 * 60))
        guard case .metricHistory(let metrics)? = await next(&events) else { Issue.record("no metric history"); return }
        #expect(metrics.window == .fiveMinutes)
        #expect(metrics.system.cpu.last == 42)
        #expect(metrics.system.memory.last == 25)
    }

    @Test func eachWindowAskedForIsAnsweredWithItsHistoryAndAFailedReadIsAnError() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let bus = Bus()
        var events = bus.events([.metricHistory, .diagnostic]).makeAsyncIterator()
        let history = StoredHistory(store: store, bus: bus, clock: ManualClock(start: started), memoryTotal: 1000)
        let commands = bus.commands(StoredHistory.commandKinds)
        let task = Task { await history.run(commands: commands) }
        defer { task.cancel() }
        // The command reaches the history reader (the bus would answer an unowned one with an error).
        #expect(bus.send(.loadHistory(.day)) == .delivered(to: 1))
        guard case .metricHistory(let day)? = await next(&events) else { Issue.record("no answer for 24 h"); return }
        #expect(day.window == .day)
        #expect(day.system.cpu.bucketSeconds == 180)

        try await store.pool.write { db in try db.execute(sql: "DROP TABLE metric_minute") }
        bus.send(.loadHistory(.week))
        guard case .diagnostic(let d)? = await next(&events) else { Issue.record("no error for a failed read"); return }
        #expect(d.severity == .error)
        #expect(d.message.hasPrefix("cannot read the stored metrics of the last 7 days from \(tmp.path):"))
        #expect(d.message.hasSuffix("the sparklines show live samples only"))
    }
}
