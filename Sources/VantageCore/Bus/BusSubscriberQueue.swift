import Foundation
import Synchronization

/// One subscriber's undelivered events (`Bus.events`, `Bus.eventBatches`), in the order they were
/// published, kept in two lanes:
/// - **log lines**, at most `logCapacity`: when a reader falls behind a flood of output the oldest
///   lines go, counted per project, and the reader is told how many with one note per project
///   (`Bus.skippedLinesNote`) where they would have been;
/// - **everything else** (state changes, problems, decisions, samples…), never dropped for the
///   log lines' sake: only a reader more than `otherCapacity` of them behind (a reader that
///   stopped reading) loses the oldest, so memory stays bounded.
///
/// A reader that finds events waiting takes them without suspending; one that waits is woken once
/// per publish, however many events it brought (`Bus.publish(contentsOf:)`).
final class BusSubscriberQueue: Sendable {
    /// A first-in first-out lane; `head` moves instead of shifting the array.
    private struct Lane {
        var items: [(sequence: Int, event: Event)] = []
        var head = 0
        var count: Int { items.count - head }
        var first: (sequence: Int, event: Event)? { head < items.count ? items[head] : nil }

        mutating func append(_ sequence: Int, _ event: Event) { items.append((sequence, event)) }

        mutating func removeFirst() -> Event {
            let event = items[head].event
            head += 1
            if head >= 1024, head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            return event
        }
    }

    private struct State {
        var logs = Lane()
        var others = Lane()
        var sequence = 0
        /// Log lines dropped per project and not yet announced to the reader.
        var skipped: [ProjectID: Int] = [:]
        var waiter: CheckedContinuation<Void, Never>?
        /// No more events come (the bus closed): the reader gets what is queued, then the end.
        var finished = false
        /// The reader stopped (its task was cancelled): nothing more is handed out.
        var cancelled = false

        var isEmpty: Bool { logs.count == 0 && others.count == 0 && skipped.isEmpty }

        /// The oldest event of both lanes; a note about skipped lines comes before the next line.
        mutating func pop(now: Date) -> Event? {
            if let (project, count) = skipped.min(by: { $0.key.rawValue < $1.key.rawValue }) {
                skipped[project] = nil
                return Bus.skippedLinesNote(count, project: project, at: now)
            }
            switch (logs.first, others.first) {
            case let (log?, other?): return log.sequence < other.sequence ? logs.removeFirst() : others.removeFirst()
            case (.some, nil): return logs.removeFirst()
            case (nil, .some): return others.removeFirst()
            case (nil, nil): return nil
            }
        }
    }

    let kinds: Set<Event.Kind>?
    let logCapacity: Int
    let otherCapacity: Int
    private let state = Mutex(State())

    init(kinds: Set<Event.Kind>?, logCapacity: Int, otherCapacity: Int) {
        self.kinds = kinds
        self.logCapacity = max(1, logCapacity)
        self.otherCapacity = max(1, otherCapacity)
    }

    /// Queues the events of `events` this reader asked for; returns how many it took and how many
    /// older ones it dropped to make room.
    func push(_ events: some Sequence<Event>) -> (taken: Int, dropped: Int) {
        var taken = 0, dropped = 0
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard !s.finished, !s.cancelled else { return nil }
            for event in events {
                let kind = event.kind
                guard kinds?.contains(kind) ?? true else { continue }
                taken += 1
                s.sequence += 1
                if kind == .log {
                    s.logs.append(s.sequence, event)
                    if s.logs.count > logCapacity, case .log(let old) = s.logs.removeFirst() {
                        s.skipped[old.project, default: 0] += 1
                        dropped += 1
                    }
                } else {
                    s.others.append(s.sequence, event)
                    if s.others.count > otherCapacity {
                        _ = s.others.removeFirst()
                        dropped += 1
                    }
                }
            }
            guard taken > 0 else { return nil }
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
        return (taken, dropped)
    }

    /// Ends the queue: `cancel` also drops what is waiting (the reader has gone).
    func finish(cancel: Bool = false) {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.finished = true
            if cancel { s.cancelled = true }
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    /// The next event, waiting for one; nil once the queue has ended and is empty, or was cancelled.
    func next(now: @Sendable () -> Date) async -> Event? {
        await nextBatch(max: 1, now: now)?.first
    }

    /// Every queued event (at most `max`), oldest first, waiting for at least one; nil once the
    /// queue has ended and is empty, or was cancelled.
    func nextBatch(max: Int = .max, now: @Sendable () -> Date) async -> [Event]? {
        while true {
            let taken = state.withLock { s -> [Event]?? in
                if s.cancelled { return .some(nil) }
                var batch: [Event] = []
                let time = now()
                while batch.count < max, let e = s.pop(now: time) { batch.append(e) }
                if !batch.isEmpty { return .some(batch) }
                return s.finished ? .some(nil) : nil
            }
            if let taken { return taken }
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { s -> Bool in
                    if !s.isEmpty || s.finished || s.cancelled { return true }
                    s.waiter = c
                    return false
                }
                if ready { c.resume() }
            }
        }
    }
}

/// Removes a subscriber from the bus when its stream is gone (the stream's closure holds it).
final class BusSubscription: Sendable {
    let queue: BusSubscriberQueue
    private let remove: @Sendable () -> Void

    init(queue: BusSubscriberQueue, remove: @escaping @Sendable () -> Void) {
        self.queue = queue
        self.remove = remove
    }

    deinit {
        remove()
        queue.finish(cancel: true)
    }
}
