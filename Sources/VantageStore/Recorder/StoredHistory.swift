import Foundation
import VantageCore

/// What happened before this process started, read back from the store for the screen: the last
/// `timelineEntries` timeline entries with their original times (`Event.pastTimeline`), and the
/// Metrics pane's history (`Event.metricHistory`) for the 5-minute window on start and for each
/// window the window key asks for (`Command.loadHistory`). A read that fails is an error on the
/// screen, not an empty chart without a word.
public actor StoredHistory {
    /// Timeline entries shown from earlier runs.
    public static let timelineEntries = 500
    public static let commandKinds: Set<Command.Kind> = [.loadHistory]

    private let store: Store
    private let bus: Bus
    private let clock: any VantageClock
    /// The machine's memory, to show stored memory use in percent as the live samples do.
    private let memoryTotal: UInt64

    public init(store: Store, bus: Bus, clock: any VantageClock, memoryTotal: UInt64 = ProcessInfo.processInfo.physicalMemory) {
        self.store = store
        self.bus = bus
        self.clock = clock
        self.memoryTotal = memoryTotal
    }

    /// Publishes the timeline entries older than `started` (the ones this run writes come live)
    /// and the 5-minute history up to it.
    public func publishPast(started: Date) async {
        do {
            let entries = try await store.recentTimeline(limit: Self.timelineEntries, before: started)
            if !entries.isEmpty { bus.publish(.pastTimeline(entries)) }
        } catch {
            report("cannot read the timeline of earlier runs", error, "the timeline starts with this run")
        }
        await publish(.fiveMinutes, now: started)
    }

    /// Answers each `loadHistory` with the stored history of its window.
    public func run(commands: AsyncStream<Command>) async {
        for await case .loadHistory(let window) in commands {
            await publish(window, now: clock.now)
        }
    }

    private func publish(_ window: MetricWindow, now: Date) async {
        do {
            bus.publish(.metricHistory(try await store.metricHistory(window: window, now: now, memoryTotal: memoryTotal)))
        } catch {
            report("cannot read the stored metrics of the last \(window.label)", error, "the sparklines show live samples only")
        }
    }

    private func report(_ what: String, _ error: any Error, _ consequence: String) {
        bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "store",
                                           message: "\(what) from \(store.path): \(error); \(consequence)")))
    }
}
