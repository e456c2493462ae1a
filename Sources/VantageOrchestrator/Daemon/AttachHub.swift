import Dispatch
import Foundation
import Synchronization
import VantageCore

/// Hands the bus to attached consoles without losing or repeating anything: every event is folded
/// into the keeper and queued for every attached console under one lock, so a console that
/// attaches gets a snapshot and then exactly the events after it. A console that falls more than
/// `maxPending` events behind (a slow SSH link under a flood of output) is not cut off and does not
/// fill the memory: its queue is dropped and it gets a fresh snapshot instead, so its state is
/// still the host's.
public final class AttachHub: Sendable {
    private struct Client {
        var pending: [Event] = []
        var resync = false
        let wake: DispatchSemaphore
    }

    private struct State {
        var keeper: any AttachKeeper
        var clients: [Int: Client] = [:]
        var nextID = 0
        var resyncs = 0
        /// The bus closed: consoles get what is queued, then the end.
        var closed = false
    }

    private let state: Mutex<State>
    public let maxPending: Int
    /// The most output lines of one project a console is sent in one batch; a console that fell
    /// behind gets the newest ones and a note saying how many it was not shown.
    public let logLinesPerBatch: Int

    /// The default `logLinesPerBatch`: more than a log viewer shows at once on any screen, fewer
    /// than a console that fell behind a flood could fold before the next frame.
    public static let defaultLogLinesPerBatch = 200

    public init(keeper: some AttachKeeper, maxPending: Int = 50_000, logLinesPerBatch: Int = AttachHub.defaultLogLinesPerBatch) {
        state = Mutex(State(keeper: keeper))
        self.maxPending = maxPending
        self.logLinesPerBatch = max(1, logLinesPerBatch)
    }

    /// Folds events until the stream ends (subscribe it before anything is published).
    public func run(events: AsyncStream<Event>) async {
        for await event in events { fold(event) }
        end()
    }

    /// Folds batches until the stream ends (`Bus.eventBatches`, subscribed before anything is
    /// published): a burst of log lines is one lock and one wake-up per console.
    public func run(batches: AsyncStream<[Event]>) async {
        for await batch in batches { fold(contentsOf: batch) }
        end()
    }

    private func end() {
        let clients = state.withLock { s in
            s.closed = true
            return s.clients.values.map(\.wake)
        }
        for w in clients { w.signal() }
    }

    /// Folds one event and queues it for every attached console.
    public func fold(_ event: Event) { fold(contentsOf: [event]) }

    /// Folds events in order and queues them for every attached console.
    public func fold(contentsOf events: [Event]) {
        guard !events.isEmpty else { return }
        let wake = state.withLock { s -> [DispatchSemaphore] in
            for event in events { s.keeper.fold(event) }
            var woken: [DispatchSemaphore] = []
            for (id, var c) in s.clients {
                if c.resync { continue }
                let wasEmpty = c.pending.isEmpty
                c.pending.append(contentsOf: events)
                if c.pending.count > maxPending {
                    c.pending = []
                    c.resync = true
                    s.resyncs += 1
                }
                if wasEmpty || c.resync { woken.append(c.wake) }
                s.clients[id] = c
            }
            return woken
        }
        for w in wake { w.signal() }
    }

    /// A new console: its snapshot, and from then on every event.
    public func attach() -> AttachSubscription {
        state.withLock { s in
            let id = s.nextID
            s.nextID += 1
            let client = Client(wake: DispatchSemaphore(value: 0))
            s.clients[id] = client
            return AttachSubscription(hub: self, id: id, snapshot: s.keeper.snapshot(), wake: client.wake)
        }
    }

    /// Times a console fell behind and was sent a fresh snapshot.
    public var resyncCount: Int { state.withLock { $0.resyncs } }

    /// Consoles attached now.
    public var attachedCount: Int { state.withLock { $0.clients.count } }

    /// Reads the keeper's state now (what an attached console's screen shows).
    public func inspect<T: Sendable>(_ body: (any AttachKeeper) -> T) -> T { state.withLock { body($0.keeper) } }

    /// The keeper's snapshot now (for a console hosted in this process that starts late).
    public func snapshot() -> [Event] { state.withLock { $0.keeper.snapshot() } }

    fileprivate func take(_ id: Int) -> AttachBatch? {
        state.withLock { s in
            guard var c = s.clients[id] else { return nil }
            if c.resync {
                c.resync = false
                c.pending = []
                s.clients[id] = c
                return .resync(s.keeper.snapshot())
            }
            if c.pending.isEmpty && s.closed { return nil }
            let batch = c.pending
            c.pending = []
            s.clients[id] = c
            return .events(Self.framed(batch, logLinesPerProject: logLinesPerBatch))
        }
    }

    /// What a console is sent of `events`: every event that is not an output line first, in
    /// order (a state change, a problem or a decision never waits behind a flood of output), then
    /// the output lines, of each project the newest `logLinesPerProject` and every error or
    /// warning line, with a note in that project's log saying how many lines it was not shown.
    static func framed(_ events: [Event], logLinesPerProject: Int) -> [Event] {
        var others: [Event] = []
        var lines: [LogLine] = []
        var perProject: [ProjectID: Int] = [:]
        for event in events {
            if case .log(let line) = event {
                lines.append(line)
                perProject[line.project, default: 0] += 1
            } else {
                others.append(event)
            }
        }
        guard perProject.values.contains(where: { $0 > logLinesPerProject }) else {
            return lines.isEmpty ? others : others + lines.map { .log($0) }
        }
        // Lines to skip before a project's newest `logLinesPerProject` (problem lines are kept).
        var skip = perProject.mapValues { max(0, $0 - logLinesPerProject) }
        var skipped: [ProjectID: (count: Int, last: Date)] = [:]
        var kept: [Event] = []
        for line in lines {
            if let left = skip[line.project], left > 0 {
                skip[line.project] = left - 1
                if LogSeverity.of(line.text) == nil {
                    skipped[line.project] = ((skipped[line.project]?.count ?? 0) + 1, line.time)
                    continue
                }
            }
            kept.append(.log(line))
        }
        let notes = skipped.sorted { $0.key < $1.key }.map { Bus.skippedLinesNote($0.value.count, project: $0.key, at: $0.value.last) }
        return others + notes + kept
    }

    fileprivate func detach(_ id: Int) {
        let client = state.withLock { $0.clients.removeValue(forKey: id) }
        client?.wake.signal()
    }
}

/// What an attached console is sent next.
public enum AttachBatch: Sendable, Equatable {
    /// Events since the last batch, oldest first.
    case events([Event])
    /// The console fell behind: the state now, to fold into an emptied console.
    case resync([Event])
}

/// One attached console's place in the hub. `next()` blocks (call it from a thread of its own,
/// never the cooperative pool).
public final class AttachSubscription: Sendable {
    public let snapshot: [Event]
    private let hub: AttachHub
    private let id: Int
    private let wake: DispatchSemaphore
    private let ended = Mutex(false)

    fileprivate init(hub: AttachHub, id: Int, snapshot: [Event], wake: DispatchSemaphore) {
        self.hub = hub
        self.id = id
        self.snapshot = snapshot
        self.wake = wake
    }

    /// Waits for the next batch; nil once cancelled. An empty batch can come after a wake-up that
    /// found nothing new.
    public func next() -> AttachBatch? {
        while true {
            if ended.withLock({ $0 }) { return nil }
            guard let batch = hub.take(id) else { return nil }
            if case .events(let e) = batch, e.isEmpty {
                wake.wait()
                continue
            }
            return batch
        }
    }

    /// Stops the subscription; a `next()` waiting returns nil.
    public func cancel() {
        ended.withLock { $0 = true }
        hub.detach(id)
        wake.signal()
    }

    deinit { hub.detach(id) }
}
