import Foundation
import Synchronization

/// The in-process message bus. Actors publish `Event`s; the app and the control socket send
/// `Command`s.
///
/// - **Events** go to the subscribers of their kind (`events(_:)`), so a log line wakes only the
///   streams that read log lines. A subscriber's queue (`BusSubscriberQueue`) bounds only its log
///   lines: a reader behind a flood of output loses its oldest lines (counted in `dropped`, and
///   told per project with `skippedLinesNote`), never a state change, problem or decision behind
///   them. A burst of lines published together (`publish(contentsOf:)`) wakes a reader once.
/// - **Commands** are never dropped: their queues are unbounded (the user and the CLI send them,
///   a few a second at most). A lifecycle command (`Command.Kind.lifecycle`: launch, stop, kill…)
///   goes only to the owner of its project (`commandInbox`); any other command goes to whoever
///   listens to its kind (`commands(_:)`). A command that reaches nobody is answered with an error
///   diagnostic on the bus (the screen's Troubleshooting pane shows it) and returned by `send` as
///   `.unowned`, so the control socket can tell the CLI.
public final class Bus: Sendable {
    /// Log lines a subscriber holds undelivered by default.
    public static let defaultCapacity = 1024
    /// Other events a subscriber holds undelivered at most: only one that stopped reading reaches it.
    public static let otherEventsCapacity = 1 << 17

    /// Where `send` put a command.
    public enum CommandRoute: Sendable, Equatable {
        /// Handed to this many listeners (zero only for `.shutdown`, which needs no one).
        case delivered(to: Int)
        /// Nobody carries it out; the text says why and what to do. Also published as an error diagnostic.
        case unowned(String)
    }

    private struct CommandSink {
        let continuation: AsyncStream<Command>.Continuation
        let kinds: Set<Command.Kind>
        /// The owner's name for messages ("the supervisor"); nil for a listener by kind, which sees
        /// the lifecycle commands of its kinds for every project but owns none.
        let owner: String?
        var owned: Set<ProjectID> = []
    }

    private struct State {
        var eventSinks: [Int: BusSubscriberQueue] = [:]
        /// `eventSinks`' values, kept as a list for `publish`.
        var eventQueues: [BusSubscriberQueue] = []
        var commandSinks: [Int: CommandSink] = [:]
        var nextID = 0
        var dropped = 0
        var deliveries = 0
        var unowned = 0
        var closed = false
    }
    private let state = Mutex(State())
    /// The clock of every actor on this bus (the composition root gives each one this clock).
    public let clock: any VantageClock

    public init(clock: any VantageClock = SystemClock()) {
        self.clock = clock
    }

    /// Events dropped so far because a subscriber's buffer was full.
    public var dropped: Int { state.withLock { $0.dropped } }
    /// Events handed to subscribers so far: each one wakes a stream.
    public var deliveries: Int { state.withLock { $0.deliveries } }
    /// Commands that reached no owner so far.
    public var unownedCommands: Int { state.withLock { $0.unowned } }

    public func publish(_ event: Event) {
        publish(contentsOf: CollectionOfOne(event))
    }

    /// Publishes `events` in order as one delivery: each subscriber takes the ones of its kinds
    /// under one lock and is woken once (a burst of log lines read from one pipe).
    public func publish(contentsOf events: some Collection<Event>) {
        guard !events.isEmpty else { return }
        let queues = state.withLock { $0.eventQueues }
        var delivered = 0, lost = 0
        for queue in queues {
            let (taken, dropped) = queue.push(events)
            delivered += taken
            lost += dropped
        }
        guard delivered > 0 || lost > 0 else { return }
        state.withLock { s in
            s.deliveries += delivered
            s.dropped += lost
        }
    }

    /// What a reader that fell behind is told in place of the `count` lines of `project` it lost:
    /// a note of Vantage's own in that project's log.
    public static func skippedLinesNote(_ count: Int, project: ProjectID, at time: Date) -> Event {
        .log(LogLine(time: time, project: project, stream: .stderr,
                     text: LogSeverity.vantageNotePrefix + "\(count) line\(count == 1 ? "" : "s") not shown here: this reader fell behind the output (the log file has them all)"))
    }

    /// Hands `command` to its owner or listeners (see the type's description). Never drops it:
    /// either someone receives it, or the bus answers with an error.
    /// `announce: false` leaves the error diagnostic out: the caller answers the sender itself
    /// (the control socket answers an attached console, which shows it).
    @discardableResult
    public func send(_ command: Command, announce: Bool = true) -> CommandRoute {
        let (targets, route) = state.withLock { s in Self.route(command, in: s) }
        for target in targets { target.yield(command) }
        if case .unowned(let why) = route {
            state.withLock { $0.unowned += 1 }
            guard announce else { return route }
            publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "vantage", project: command.project, message: why)))
        }
        return route
    }

    private static func route(_ command: Command, in s: State) -> ([AsyncStream<Command>.Continuation], CommandRoute) {
        let kind = command.kind
        let listening = s.commandSinks.values.filter { $0.kinds.contains(kind) }
        guard let project = command.ownedProject else {
            let targets = listening.map(\.continuation)
            if targets.isEmpty, kind != .shutdown {
                return ([], .unowned("Cannot \(kind.verb)\(command.project.map { " \($0.displayName)" } ?? ""): nothing in this Vantage handles it (the part that does is not running). Restart Vantage; if it keeps happening, report it."))
            }
            return (targets, .delivered(to: targets.count))
        }
        let owners = listening.filter { $0.owner != nil && $0.owned.contains(project) }
        let observers = listening.filter { $0.owner == nil }
        guard owners.isEmpty else { return ((owners + observers).map(\.continuation), .delivered(to: owners.count + observers.count)) }
        let name = project.displayName
        let runners = s.commandSinks.values.filter { $0.owned.contains(project) }.compactMap(\.owner)
        if let runner = Set(runners).sorted().first {
            return ([], .unowned("Cannot \(kind.verb) \(name): \(runner) runs it and has no \(kind.rawValue) action for it."))
        }
        return ([], .unowned("Cannot \(kind.verb) \(name): nothing in this Vantage runs it (no supervisor, Docker engine or compose launcher has it). If it was moved or renamed, restart Vantage to scan again; `vantage ps` lists what the supervisor runs."))
    }

    /// A new stream of the events published from now on, of the given kinds (nil: all), holding at
    /// most `capacity` undelivered log lines (other events are not dropped for them).
    public func events(_ kinds: Set<Event.Kind>? = nil, capacity: Int = Bus.defaultCapacity) -> AsyncStream<Event> {
        let subscription = subscribe(kinds, capacity: capacity)
        let clock = self.clock
        return AsyncStream(unfolding: { await subscription.queue.next(now: { clock.now }) },
                           onCancel: { subscription.queue.finish(cancel: true) })
    }

    /// The same as `events`, in batches: each element is every event waiting (at most `maxBatch`),
    /// oldest first, for a reader that handles many at once (one socket write, one lock).
    public func eventBatches(_ kinds: Set<Event.Kind>? = nil, capacity: Int = Bus.defaultCapacity, maxBatch: Int = 4096) -> AsyncStream<[Event]> {
        let subscription = subscribe(kinds, capacity: capacity)
        let clock = self.clock
        return AsyncStream(unfolding: { await subscription.queue.nextBatch(max: maxBatch, now: { clock.now }) },
                           onCancel: { subscription.queue.finish(cancel: true) })
    }

    private func subscribe(_ kinds: Set<Event.Kind>?, capacity: Int) -> BusSubscription {
        let queue = BusSubscriberQueue(kinds: kinds, logCapacity: capacity, otherCapacity: Self.otherEventsCapacity)
        let id: Int? = state.withLock { s in
            if s.closed { return nil }
            defer { s.nextID += 1 }
            s.eventSinks[s.nextID] = queue
            s.eventQueues = Array(s.eventSinks.values)
            return s.nextID
        }
        guard let id else {
            queue.finish()
            return BusSubscription(queue: queue) {}
        }
        return BusSubscription(queue: queue) { [weak self] in
            self?.state.withLock { s in
                guard s.eventSinks.removeValue(forKey: id) != nil else { return }
                s.eventQueues = Array(s.eventSinks.values)
            }
        }
    }

    /// A new, unbounded stream of every command of these kinds sent from now on. For the lifecycle
    /// kinds it observes (sees every project's) but owns nothing: a command whose project has no
    /// owner is still answered with an error. Owners use `commandInbox`.
    public func commands(_ kinds: Set<Command.Kind>) -> AsyncStream<Command> {
        commandSink(kinds: kinds, owner: nil).0
    }

    /// An owner's inbox: the lifecycle commands of these kinds for the projects it `own`s, and the
    /// other commands of these kinds. `owner` names it in messages ("the supervisor").
    public func commandInbox(owner: String, kinds: Set<Command.Kind>) -> CommandInbox {
        let (stream, id) = commandSink(kinds: kinds, owner: owner)
        return CommandInbox(commands: stream, id: id, bus: self)
    }

    private func commandSink(kinds: Set<Command.Kind>, owner: String?) -> (AsyncStream<Command>, Int?) {
        let (stream, continuation) = AsyncStream.makeStream(of: Command.self, bufferingPolicy: .unbounded)
        let id: Int? = state.withLock { s in
            if s.closed { return nil }
            defer { s.nextID += 1 }
            s.commandSinks[s.nextID] = CommandSink(continuation: continuation, kinds: kinds, owner: owner)
            return s.nextID
        }
        guard let id else { continuation.finish(); return (stream, nil) }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { s in _ = s.commandSinks.removeValue(forKey: id) }
        }
        return (stream, id)
    }

    fileprivate func setOwned(_ projects: Set<ProjectID>, inbox id: Int) {
        state.withLock { s in s.commandSinks[id]?.owned = projects }
    }

    fileprivate func closeInbox(_ id: Int) {
        state.withLock { s in s.commandSinks.removeValue(forKey: id) }?.continuation.finish()
    }

    /// Ends every stream. Subscribers' `for await` loops finish.
    public func close() {
        let (events, commands) = state.withLock { s -> ([BusSubscriberQueue], [AsyncStream<Command>.Continuation]) in
            s.closed = true
            defer { s.eventSinks = [:]; s.eventQueues = []; s.commandSinks = [:] }
            return (s.eventQueues, s.commandSinks.values.map(\.continuation))
        }
        events.forEach { $0.finish() }
        commands.forEach { $0.finish() }
    }
}

/// The commands an owner carries out (`Bus.commandInbox`): it says which projects it runs with
/// `own`, and reads `commands`. When the stream ends (the owner stopped reading), it owns nothing.
public struct CommandInbox: Sendable {
    public let commands: AsyncStream<Command>
    let id: Int?
    let bus: Bus

    /// Replaces the set of projects this owner runs.
    public func own(_ projects: some Sequence<ProjectID>) {
        guard let id else { return }
        bus.setOwned(Set(projects), inbox: id)
    }

    /// Stops receiving: from now on the bus answers this owner's commands as unowned, and the
    /// stream ends once the commands already in it are read.
    public func close() {
        guard let id else { return }
        bus.closeInbox(id)
    }
}
