import Foundation
import VantageCore

/// Persists what happens on the bus: it buffers events and writes them in one transaction per
/// `flushInterval` (one per monitor tick at the default 1 s), and compacts the metric history
/// every `compactEvery`. A write that fails (full disk, locked file) keeps the batch for the next
/// try, up to `maxPending` events, and is reported once on the bus as a diagnostic.
public actor StoreRecorder {
    public let store: Store
    private let bus: Bus
    private let clock: any VantageClock
    private let flushInterval: Duration
    private let compactEvery: Duration
    private let retention: Retention
    private let maxPending: Int
    private var pending: [Event] = []
    private var lastCompaction: Date?
    private var reportedError: String?
    /// The last write error, until a write succeeds again.
    public private(set) var lastError: VantageError?
    /// Events dropped because writes kept failing and the buffer was full.
    public private(set) var droppedEvents = 0

    public init(store: Store, bus: Bus, clock: any VantageClock, flushInterval: Duration = .seconds(1), compactEvery: Duration = .seconds(300),
                retention: Retention = .standard, maxPending: Int = 10_000) {
        self.store = store
        self.bus = bus
        self.clock = clock
        self.flushInterval = flushInterval
        self.compactEvery = compactEvery
        self.retention = retention
        self.maxPending = maxPending
    }

    /// Runs until `.shutdown`, the bus closes or the task is cancelled; writes what is pending on the way out.
    public func run() async {
        await run(events: bus.events(Self.eventKinds, capacity: 4096), commands: bus.commands(Self.commandKinds))
    }

    /// The events the store keeps, and the command that ends the recorder: subscribe with these
    /// before anything is published (`run(events:commands:)`), so the first events are kept too.
    public static var eventKinds: Set<Event.Kind> { EventRows.storedKinds }
    public static let commandKinds: Set<Command.Kind> = [.shutdown]

    /// Runs on streams subscribed by the caller (see `eventKinds`, capacity 4096 recommended).
    public func run(events: AsyncStream<Event>, commands: AsyncStream<Command>) async {
        let (interval, clock) = (flushInterval, clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [weak self] in
                for await event in events { await self?.enqueue(event) }
            }
            group.addTask {
                for await command in commands where command == .shutdown { return }
            }
            group.addTask { [weak self] in
                while !Task.isCancelled {
                    do { try await clock.sleep(for: interval) } catch { return }
                    await self?.flush()
                }
            }
            await group.next()
            group.cancelAll()
        }
        await flush()
    }

    /// Adds one event to the next batch.
    public func enqueue(_ event: Event) {
        pending.append(event)
        trim()
    }

    /// Keeps the newest `maxPending` events.
    private func trim() {
        guard pending.count > maxPending else { return }
        let excess = pending.count - maxPending
        pending.removeFirst(excess)
        droppedEvents += excess
    }

    /// Writes the pending events now (one transaction), and compacts when it is time.
    public func flush() async {
        let batch = pending
        pending = []          // events that arrive during the write wait for the next batch
        if !batch.isEmpty {
            do {
                try await store.persist(batch, at: clock.now)
                succeeded()
            } catch {
                pending = batch + pending
                trim()
                failed(error)
                return
            }
        }
        let now = clock.now
        if lastCompaction.map({ clock.since($0) >= compactEvery }) ?? true {
            lastCompaction = now
            do {
                try await store.compact(now: now, retention: retention)
                succeeded()
            } catch {
                failed(error)
            }
        }
    }

    /// Events waiting for the next write.
    public var pendingCount: Int { pending.count }

    private func succeeded() {
        lastError = nil
        reportedError = nil
    }

    private func failed(_ error: any Error) {
        let vantageError = (error as? VantageError)
            ?? VantageError(.io, "could not save to the database: \(error)", at: SourceLocation(file: store.path))
        lastError = vantageError
        let text = vantageError.description
        guard text != reportedError else { return }
        reportedError = text
        bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "vantage", message: text)))
    }
}
