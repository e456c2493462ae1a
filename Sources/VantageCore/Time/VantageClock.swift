import Foundation
import Synchronization

/// Where actors read the time and wait: `SystemClock` in the program, `ManualClock` in tests, so a
/// test of an actor's logic (a tick, a timeout, a restart window) moves time instead of sleeping.
/// Named `VantageClock` because Swift's own `Clock` protocol is about instants, not dates.
public protocol VantageClock: Sendable {
    /// The current wall-clock time, for timestamps.
    var now: Date { get }
    /// Waits `duration` of this clock's time. Throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

extension VantageClock {
    /// The time elapsed on this clock since `start` (a value of `now`).
    public func since(_ start: Date) -> Duration { .seconds(now.timeIntervalSince(start)) }
}

/// The real time: `Date()` and `Task.sleep`.
public struct SystemClock: VantageClock {
    public init() {}
    public var now: Date { Date() }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

/// Time that moves only when a test says so (`advance(by:)`). Sleepers wake, in deadline order,
/// when time reaches their deadline; `waitForSleepers` lets a test wait until an actor sleeps.
public final class ManualClock: VantageClock {
    private struct Sleeper {
        let id: Int
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }
    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var nextID = 0
    }
    private let state: Mutex<State>

    /// Starts at `start` (by default 2026-01-01 00:00:00 UTC, so tests read fixed times).
    public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        state = Mutex(State(now: start))
    }

    public var now: Date { state.withLock { $0.now } }

    /// How many tasks are sleeping on this clock now.
    public var sleeping: Int { state.withLock { $0.sleepers.count } }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { try Task.checkCancellation(); return }
        let id = state.withLock { s in defer { s.nextID += 1 }; return s.nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { s -> Bool in
                    if Task.isCancelled { return true }
                    s.sleepers.append(Sleeper(id: id, deadline: s.now.addingTimeInterval(duration.seconds), continuation: c))
                    return false
                }
                if cancelled { c.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { s -> Sleeper? in
                guard let i = s.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return s.sleepers.remove(at: i)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come, earliest first.
    public func advance(by duration: Duration) {
        let woken = state.withLock { s -> [Sleeper] in
            s.now = s.now.addingTimeInterval(duration.seconds)
            let now = s.now
            let due = s.sleepers.filter { $0.deadline <= now }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            s.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        woken.forEach { $0.continuation.resume() }
    }

    /// Waits (on real time, at most `timeout`) until at least `count` tasks sleep on this clock:
    /// the actor under test has reached its wait. Returns false on timeout. The timeout is a deadlock
    /// guard, not a speed bound: on a loaded machine (CI ran every suite in parallel) an actor took more
    /// than 10 s to reach its first wait.
    @discardableResult
    public func waitForSleepers(_ count: Int = 1, timeout: Duration = .seconds(60)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while sleeping < count {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }
}
