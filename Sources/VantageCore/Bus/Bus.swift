import Synchronization

/// The in-process message bus: actors publish `Event`s to every subscriber and the app sends
/// `Command`s to every command listener. Every queue is bounded: a slow subscriber loses its
/// oldest undelivered messages (counted in `dropped`), never memory.
public final class Bus: Sendable {
    public static let defaultCapacity = 1024

    private struct State {
        var eventSinks: [Int: AsyncStream<Event>.Continuation] = [:]
        var commandSinks: [Int: AsyncStream<Command>.Continuation] = [:]
        var nextID = 0
        var dropped = 0
        var closed = false
    }
    private let state = Mutex(State())

    public init() {}

    /// Messages dropped so far because a subscriber's buffer was full.
    public var dropped: Int { state.withLock { $0.dropped } }

    public func publish(_ event: Event) {
        let sinks = state.withLock { $0.eventSinks.values.map { $0 } }
        var lost = 0
        for sink in sinks {
            if case .dropped = sink.yield(event) { lost += 1 }
        }
        if lost > 0 { state.withLock { $0.dropped += lost } }
    }

    public func send(_ command: Command) {
        let sinks = state.withLock { $0.commandSinks.values.map { $0 } }
        var lost = 0
        for sink in sinks {
            if case .dropped = sink.yield(command) { lost += 1 }
        }
        if lost > 0 { state.withLock { $0.dropped += lost } }
    }

    /// A new stream of every event published from now on, holding at most `capacity` undelivered.
    public func events(capacity: Int = Bus.defaultCapacity) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self,
                                                           bufferingPolicy: .bufferingNewest(capacity))
        register(continuation, into: \.eventSinks)
        return stream
    }

    /// A new stream of every command sent from now on, holding at most `capacity` undelivered.
    public func commands(capacity: Int = Bus.defaultCapacity) -> AsyncStream<Command> {
        let (stream, continuation) = AsyncStream.makeStream(of: Command.self,
                                                           bufferingPolicy: .bufferingNewest(capacity))
        register(continuation, into: \.commandSinks)
        return stream
    }

    /// Ends every stream. Subscribers' `for await` loops finish.
    public func close() {
        let (events, commands) = state.withLock { s -> ([AsyncStream<Event>.Continuation], [AsyncStream<Command>.Continuation]) in
            s.closed = true
            defer { s.eventSinks = [:]; s.commandSinks = [:] }
            return (Array(s.eventSinks.values), Array(s.commandSinks.values))
        }
        events.forEach { $0.finish() }
        commands.forEach { $0.finish() }
    }

    private func register(_ continuation: AsyncStream<Event>.Continuation, into _: KeyPath<State, [Int: AsyncStream<Event>.Continuation]>) {
        let id: Int? = state.withLock { s in
            if s.closed { return nil }
            defer { s.nextID += 1 }
            s.eventSinks[s.nextID] = continuation
            return s.nextID
        }
        guard let id else { continuation.finish(); return }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { s in _ = s.eventSinks.removeValue(forKey: id) }
        }
    }

    private func register(_ continuation: AsyncStream<Command>.Continuation, into _: KeyPath<State, [Int: AsyncStream<Command>.Continuation]>) {
        let id: Int? = state.withLock { s in
            if s.closed { return nil }
            defer { s.nextID += 1 }
            s.commandSinks[s.nextID] = continuation
            return s.nextID
        }
        guard let id else { continuation.finish(); return }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { s in _ = s.commandSinks.removeValue(forKey: id) }
        }
    }
}
