import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator
@testable import VantageTUI

/// The per-core, swap and temperature figures reach an attached console: in the snapshot a console
/// gets when it attaches, and live, both through the control socket's JSON coding.
@Suite struct AttachedHardwareSampleTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)
    static let sample = SystemSample(time: t0, cpuPercent: 40, cpuCount: 2, memTotalBytes: 4 << 30, memAvailableBytes: 1 << 30,
                                     load1: 1, load5: 1, load15: 1, netRxBytesPerSec: 0, netTxBytesPerSec: 0,
                                     diskReadBytesPerSec: 0, diskWriteBytesPerSec: 0, corePercents: [72.5, 7.5],
                                     swapTotalBytes: 2 << 30, swapFreeBytes: 1 << 30,
                                     temperatures: [Temperature(label: "coretemp Package id 0", celsius: 58.5)])

    /// What a console decodes of one frame the daemon writes.
    static func overTheWire(_ response: ControlResponse) throws -> ControlResponse {
        try JSONDecoder().decode(ControlResponse.self, from: ControlCoding.encode(response))
    }

    static func systemSamples(_ events: [Event]) -> [SystemSample] {
        events.compactMap { if case .systemSampled(let s) = $0 { s } else { nil } }
    }

    @Test func theSnapshotAndTheLiveEventsCarryThem() throws {
        let hub = AttachHub(keeper: ConsoleStateKeeper(now: Self.t0))
        hub.fold(.systemSampled(Self.sample))
        // A console attaching now: its snapshot, as decoded on its side.
        let subscription = hub.attach()
        defer { subscription.cancel() }
        guard case .events(let snapshot) = try Self.overTheWire(.events(subscription.snapshot)) else {
            Issue.record("not an events frame"); return
        }
        #expect(Self.systemSamples(snapshot) == [Self.sample])
        // Then a new tick, live.
        var next = Self.sample
        next.corePercents = [10, 90]
        next.temperatures = []
        hub.fold(.systemSampled(next))
        let batch = try #require(subscription.next())
        guard case .events(let events) = batch, case .events(let live) = try Self.overTheWire(.events(events)) else {
            Issue.record("a resync: \(batch)"); return
        }
        #expect(Self.systemSamples(live) == [next])
    }

    @Test func aSampleFromAnOlderDaemonWithoutTheFieldsStillDecodes() throws {
        var json = try #require(String(data: ControlCoding.encode(ControlResponse.event(.systemSampled(Self.sample))), encoding: .utf8))
        for key in ["corePercents", "swapTotalBytes", "swapFreeBytes", "temperatures"] {
            json = json.replacingOccurrences(of: "\"\(key)\"", with: "\"old_\(key)\"")
        }
        let decoded = try JSONDecoder().decode(ControlResponse.self, from: Data(json.utf8))
        guard case .event(.systemSampled(let s)) = decoded else { Issue.record("\(decoded)"); return }
        #expect(s.cpuPercent == 40 && s.corePercents.isEmpty && s.swapTotalBytes == 0 && s.temperatures.isEmpty)
    }
}
