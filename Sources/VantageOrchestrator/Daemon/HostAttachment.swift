import Foundation
import Synchronization
import VantageCore

/// A console attached to the Vantage daemon that hosts the actors (`HostedActors`): the daemon's
/// snapshot and then its live events are published on the console's bus, so the screen equals the
/// daemon's state; the screen's commands go to the daemon on the same connection and each is
/// answered (ok, or an error the screen shows), none dropped. When the daemon goes away the screen
/// says so at once ("disconnected, retrying") and the console attaches again when it is back.
public final class HostAttachment: Sendable {
    /// Commands carried out in the console itself: quitting, and reading the local store's history.
    public static let localKinds: Set<Command.Kind> = [.shutdown, .loadHistory]
    /// Seconds between attempts while the daemon cannot be reached (a local socket; a remote
    /// host, which costs an ssh session an attempt, is given a longer one).
    public static let localRetryInterval = 0.5
    public let retryInterval: Double

    private struct Connection {
        var client: ControlClient?
        /// Commands sent and not answered yet, oldest first (answers come in order).
        var unanswered: [Command] = []
        var connectedOnce = false
        var stopped = false
    }

    public let name: String
    public let address: String
    /// The name this host's ids are qualified with (`@web1:/srv/app`); nil for this machine's daemon.
    public let qualifier: String?
    private let connect: @Sendable () throws(VantageError) -> ControlClient
    private let bus: Bus
    private let clock: any VantageClock
    private let inbox: CommandInbox
    private let state = Mutex(Connection())
    private let known = Mutex<Set<ProjectID>>([])

    public init(name: String, address: String, qualifier: String? = nil, retryInterval: Double = localRetryInterval, bus: Bus, clock: any VantageClock,
                connect: @escaping @Sendable () throws(VantageError) -> ControlClient) {
        self.name = name
        self.address = address
        self.qualifier = qualifier
        self.retryInterval = retryInterval
        self.bus = bus
        self.clock = clock
        self.connect = connect
        inbox = bus.commandInbox(owner: "the Vantage daemon (\(name))",
                                 kinds: Set(Command.Kind.allCases).subtracting(Self.localKinds))
    }

    /// Attaches on a thread of its own (the socket calls block) and forwards the screen's commands.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "vantage-attached"
        thread.start()
        let commands = inbox.commands
        Task.detached { [self] in
            for await command in commands { forward(command) }
        }
    }

    public func stop() {
        let client = state.withLock { s -> ControlClient? in
            s.stopped = true
            return s.client
        }
        inbox.close()
        client?.hangUp()
    }

    private func run() {
        var reported = false
        while !state.withLock({ $0.stopped }) {
            let client: ControlClient
            do {
                client = try connect()
            } catch {
                if !reported { dropped(because: error.message) }
                reported = true
                Thread.sleep(forTimeInterval: retryInterval)
                continue
            }
            let answer: ControlResponse
            do {
                answer = try client.send(.attach)
            } catch {
                if !reported { dropped(because: client.transportProblem ?? error.message) }
                reported = true
                Thread.sleep(forTimeInterval: retryInterval)
                continue
            }
            guard answer == .ok(message: nil) else {
                if !reported { dropped(because: "the daemon refused to attach this console (an older version?)") }
                reported = true
                Thread.sleep(forTimeInterval: retryInterval)
                continue
            }
            reported = false
            state.withLock { s in
                s.client = client
                s.connectedOnce = true
            }
            bus.publish(.host(HostStatus(name: name, address: address, connected: true, since: clock.now)))
            read(client)
            guard !state.withLock({ $0.stopped }) else { return }
            dropped(because: client.transportProblem ?? "the daemon closed the connection")
            reported = true
        }
    }

    /// Events and answers until the daemon hangs up.
    private func read(_ client: ControlClient) {
        while let response = try? client.next() {
            switch response {
            case .event(let event):
                received([event])
            case .events(let events):
                received(events)
            case .ok:
                _ = takeOldest()
            case .error(let message):
                let command = takeOldest()
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "daemon", project: command?.project, message: message)))
            case .resync, .working:
                break // a resync's snapshot folds over what the screen has, as a first attach's does
            default:
                break
            }
        }
    }

    /// Publishes a frame of the daemon's events on the console's bus as one delivery (the screen
    /// folds it in one step), after taking the projects they list.
    private func received(_ frame: [Event]) {
        let events = qualifier.map { host in frame.map { Self.sourced($0, host: host) } } ?? frame
        for event in events {
            switch event {
            case .scanned(_, let projects), .discovered(_, let projects):
                let all = known.withLock { $0.formUnion(projects.map(\.id)); return $0 }
                inbox.own(all)
            default: break
            }
        }
        bus.publish(contentsOf: events)
    }

    /// Another host's folder scan and discoveries replace only that host's projects on the
    /// screen: a scan arrives as the discovery `@HOST:folders`, a discovery's source gets `@HOST:`.
    static func sourced(_ event: Event, host: String) -> Event {
        switch event {
        case .scanned(_, let projects): return .discovered(source: "@\(host):folders", projects: projects)
        case .discovered(let source, let projects): return .discovered(source: "@\(host):" + source, projects: projects)
        default: return event
        }
    }

    private func takeOldest() -> Command? {
        state.withLock { s in s.unanswered.isEmpty ? nil : s.unanswered.removeFirst() }
    }

    /// The daemon went away: the screen says so, and each command it had not answered is an error.
    private func dropped(because why: String) {
        let lost = state.withLock { s -> [Command] in
            s.client = nil
            defer { s.unanswered = [] }
            return s.unanswered
        }
        let now = clock.now
        bus.publish(.host(HostStatus(name: name, address: address, connected: false, since: now, problem: why)))
        for command in lost {
            bus.publish(.diagnostic(Diagnostic(time: now, severity: .error, source: "daemon", project: command.project,
                                               message: "\(Self.describe(command)): the connection to the Vantage daemon dropped before it answered; check with `vantage ps` once it is back")))
        }
    }

    private func forward(_ command: Command) {
        // Attached to several hosts, each gets the commands about its own projects (and those
        // about none); the bus hands a running project's lifecycle only to its owner already.
        guard command.belongs(toHost: qualifier) else { return }
        let sent = state.withLock { s -> Bool in
            guard let client = s.client else { return false }
            s.unanswered.append(command)
            // Written under the lock so the answers' order is the order of `unanswered`.
            guard client.post(.command(command)) else {
                s.unanswered.removeLast()
                return false
            }
            return true
        }
        guard !sent else { return }
        bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "daemon", project: command.project,
                                           message: "\(Self.describe(command)): the Vantage daemon (\(address)) is not connected; the console is retrying, try again once it says connected")))
    }

    static func describe(_ command: Command) -> String {
        "cannot \(command.kind.verb)" + (command.project.map { " " + $0.displayName } ?? "")
    }
}
