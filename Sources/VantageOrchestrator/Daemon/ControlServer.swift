import Foundation
import Synchronization
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Serves the supervisor on `$VANTAGE_HOME/vantage.sock` (mode 0600): one thread accepts, one
/// thread per client reads newline-delimited JSON requests and writes JSON responses.
public final class ControlServer: @unchecked Sendable {
    let supervisor: Supervisor
    let bus: Bus
    let path: String
    /// Longest request line accepted; a longer one closes the connection.
    let maxRequestBytes: Int
    private var listenFD: Int32 = -1
    private let scheduler = Mutex<Scheduler?>(nil)
    private let hub = Mutex<AttachHub?>(nil)
    private let unsupervised = Mutex<(@Sendable () -> [ProjectStatus])?>(nil)
    /// Connections open now, ended by `stop()`.
    private let clients = Mutex<Set<Int32>>([])

    /// Log lines a `subscribe` or `logs --follow` client may fall behind by before it loses the
    /// oldest (it is told how many); its other events are never dropped.
    static let subscriberLogCapacity = 1 << 14

    /// The longest request line a client may send (1 MB).
    public static let defaultMaxRequestBytes = 1 << 20

    public init(supervisor: Supervisor, bus: Bus, socketPath: String, maxRequestBytes: Int = ControlServer.defaultMaxRequestBytes) {
        self.supervisor = supervisor
        self.bus = bus
        self.path = socketPath
        self.maxRequestBytes = maxRequestBytes
    }

    public func start() throws(VantageError) {
        listenFD = try UnixSocket.listen(path)
        let fd = listenFD
        let thread = Thread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                clients.withLock { _ = $0.insert(client) }
                let t = Thread { [self] in self.serve(client) }
                t.name = "vantage-control"
                t.start()
            }
        }
        thread.name = "vantage-accept"
        thread.start()
    }

    /// Answers `runScheduledJob` with this scheduler (the process that runs the supervisor runs the jobs).
    public func serve(_ scheduler: Scheduler) { self.scheduler.withLock { $0 = scheduler } }

    /// Answers `attach` from this hub (the process that hosts the actors keeps their state for consoles).
    public func serve(_ hub: AttachHub) { self.hub.withLock { $0 = hub } }

    /// Answers `ps` with these rows too: the projects this host knows that the supervisor does not
    /// run (compose projects), so `ps` lists what the grid lists.
    public func serve(unsupervised rows: @escaping @Sendable () -> [ProjectStatus]) { unsupervised.withLock { $0 = rows } }

    /// Stops accepting and ends every open connection (attached consoles see the end at once).
    public func stop() {
        if listenFD >= 0 { shutdown(listenFD, Int32(SHUT_RDWR)); close(listenFD) }
        unlink(path)
        for fd in clients.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func serve(_ fd: Int32) {
        defer {
            clients.withLock { _ = $0.remove(fd) }
            close(fd)
        }
        let reader = LineReader(fd: fd, maxLineBytes: maxRequestBytes)
        let out = ResponseWriter(fd: fd)
        while true {
            let line: Data
            switch reader.next() {
            case .line(let data): line = data
            case .end, .timedOut: return
            case .tooLong:
                _ = out.send(.error(message: "the request is longer than \(maxRequestBytes) bytes; closing the connection"))
                return
            }
            let request: ControlRequest
            do {
                request = try JSONDecoder().decode(ControlRequest.self, from: line)
                try request.validate()
            } catch let error as VantageError {
                guard out.send(.error(message: error.message)) else { return }
                continue
            } catch {
                guard out.send(.error(message: "the request is not valid JSON for this version of Vantage")) else { return }
                continue
            }
            switch request {
            case .attach:
                guard let hub = hub.withLock({ $0 }) else {
                    guard out.send(.error(message: "this Vantage keeps no state for consoles to attach to (it was started without one); restart it with `vantage daemon`")) else { return }
                    continue
                }
                attached(out, reader: reader, hub: hub)
                return
            case .subscribe:
                // Subscribed before the answer, so a client that fetches a backlog after the `ok`
                // misses nothing in between.
                let batches = bus.eventBatches(capacity: Self.subscriberLogCapacity)
                guard out.send(.ok(message: nil)) else { return }
                stream(out, reader: reader, batches: batches, filter: { _ in true })
                return
            case .logs(let name, let count, let follow):
                let batches = follow ? bus.eventBatches([.log], capacity: Self.subscriberLogCapacity) : nil
                let first = blocking { await self.logs(name: name, count: count) }
                guard out.send(first) else { return }
                if follow, case .logTail = first, let batches {
                    let id = blocking { try? await self.supervisor.resolve(name) }
                    stream(out, reader: reader, batches: batches) { e in
                        if case .log(let l) = e { return l.project == id }
                        return false
                    }
                    return
                }
            case .launch, .stop, .restart, .deploy, .rollback:
                // These wait on processes; a heartbeat from the cooperative pool says the daemon
                // is at work (a stopped or starved daemon sends none, and the client gives up).
                let response = blocking(heartbeat: out) { await self.handle(request) }
                guard out.send(response) else { return }
            default:
                let response = blocking { await self.handle(request) }
                guard out.send(response) else { return }
            }
        }
    }

    /// An attached console: the snapshot, then the hub's batches from a thread of their own, while
    /// this thread answers the console's requests (its commands) in order until it hangs up.
    private func attached(_ out: ResponseWriter, reader: LineReader, hub: AttachHub) {
        let subscription = hub.attach()
        // Each batch is one frame (`events`): one write here, one line to decode on the console.
        guard out.send([.ok(message: nil), .events(subscription.snapshot)]) else { subscription.cancel(); return }
        let pump = Thread {
            while let batch = subscription.next() {
                let delivered: Bool
                switch batch {
                case .events(let events): delivered = out.send(.events(events))
                case .resync(let events): delivered = out.send([.resync, .events(events)])
                }
                if !delivered { subscription.cancel(); return }
            }
        }
        pump.name = "vantage-attach"
        pump.start()
        defer { subscription.cancel() }
        while true {
            guard case .line(let line) = reader.next() else { return }
            let response: ControlResponse
            do {
                let request = try JSONDecoder().decode(ControlRequest.self, from: line)
                try request.validate()
                switch request {
                case .attach, .subscribe, .logs:
                    response = .error(message: "this connection is attached already; open another one for that request")
                default:
                    response = blocking { await self.handle(request) }
                }
            } catch let error as VantageError {
                response = .error(message: error.message)
            } catch {
                response = .error(message: "the request is not valid JSON for this version of Vantage")
            }
            guard out.send(response) else { return }
        }
    }

    /// Writes events until the client hangs up: each batch waiting is one write, from a thread of
    /// its own (a client that stops reading blocks that write, never a thread of the cooperative
    /// pool the supervisor and every answer need).
    private func stream(_ out: ResponseWriter, reader: LineReader, batches: AsyncStream<[Event]>, filter: @escaping @Sendable (Event) -> Bool) {
        let source = BatchSource(batches)
        let pump = Thread {
            while let batch = blocking({ await source.next() }) {
                let events = batch.filter(filter)
                if !events.isEmpty, !out.send(events.map { .event($0) }) { break }
            }
            source.cancel()
        }
        pump.name = "vantage-subscriber"
        pump.start()
        while case .line = reader.next() {} // until the client closes (or sends too much)
        source.cancel()
    }

    private func logs(name: String, count: Int) async -> ControlResponse {
        do {
            let id = try await supervisor.resolve(name)
            guard let log = await supervisor.log(of: id) else { return .logTail(lines: [], earlier: false) }
            let tail = ProjectLog.tail(of: log.path, lines: count, rotated: log.keptFiles)
            return .logTail(lines: tail.lines, earlier: tail.earlier)
        } catch { return .error(message: "\(error)") }
    }

    /// The answer to one request: what this socket sends its clients, and what the daemon's HTTP
    /// API (VantageAPI) turns into its responses, so both run the same code. `subscribe`, `logs`
    /// and `attach` are streams served on the socket only.
    public func handle(_ request: ControlRequest) async -> ControlResponse {
        do throws(VantageError) {
            switch request {
            case .command(let command):
                // Routed as the console's own bus routes it: to the project's owner (supervisor,
                // Docker watcher, compose launcher) or the kind's listeners (analyzer, council,
                // fixes, history). One that reaches nobody is answered with why, never dropped.
                switch bus.send(command, announce: false) {
                case .delivered: return .ok(message: nil)
                case .unowned(let why): return .error(message: why)
                }
            case .launch(let names, let all, let environment, let overrides):
                let ids = try await targets(names, all: all)
                // Concurrently: each project has its own lock, and dependencies wait for each other.
                let failures = await withTaskGroup(of: String?.self) { group in
                    for id in ids {
                        group.addTask {
                            do throws(VantageError) {
                                try await self.supervisor.launch(id, environment: environment, overrides: overrides.isEmpty ? nil : overrides)
                                return nil
                            } catch { return "\(error)" }
                        }
                    }
                    var out: [String] = []
                    for await f in group { if let f { out.append(f) } }
                    return out.sorted()
                }
                if !failures.isEmpty { return .error(message: failures.joined(separator: "\n")) }
                return .status(await supervisor.snapshot().filter { row in ids.contains { $0.rawValue == row.path } })
            case .stop(let names, let all):
                let ids = try await targets(names, all: all)
                await withTaskGroup(of: Void.self) { group in
                    for id in ids { group.addTask { try? await self.supervisor.stop(id) } }
                }
                return .status(await supervisor.snapshot().filter { row in ids.contains { $0.rawValue == row.path } })
            case .restart(let name, let environment):
                let id = try await supervisor.resolve(name)
                try await supervisor.restart(id, environment: environment)
                return .status(await supervisor.status(of: id).map { [$0] } ?? [])
            case .ps:
                let supervised = await supervisor.snapshot()
                let paths = Set(supervised.map(\.path))
                let others = (unsupervised.withLock { $0 }?() ?? []).filter { !paths.contains($0.path) }
                return .status((supervised + others).sorted { $0.name < $1.name })
            case .envShow(let name, let environment):
                let id = try await supervisor.resolve(name)
                let vars = try await supervisor.resolvedEnvironment(id, environment: environment)
                return .environment(vars.map { v in var m = v; if m.isSecret { m.value = m.displayValue }; return m })
            case .envUse(let name, let environment):
                let id = try await supervisor.resolve(name)
                try await supervisor.useEnvironment(id, environment)
                return .ok(message: "\(name) now uses \(environment)")
            case .envSet(let name, let environment, let variables):
                let id = try await supervisor.resolve(name)
                let done = try await supervisor.setVariables(id, environment: environment, variables)
                let restarted = done.restarted ? "; restarted to take them" : "; taken at the next start"
                return .ok(message: "set \(done.keys.joined(separator: ", ")) for \(name) (\(done.environment)) in \(done.file)\(restarted)")
            case .limit(let name, let limits):
                let id = try await supervisor.resolve(name)
                try await supervisor.setLimits(id, limits)
                return .status(await supervisor.status(of: id).map { [$0] } ?? [])
            case .predict(let name):
                let id = try await supervisor.resolve(name)
                return .prediction(try await supervisor.prediction(id))
            case .projects:
                return .projects(await supervisor.knownProjects)
            case .backlog(let count):
                var lines: [LogLine] = []
                for project in await supervisor.knownProjects {
                    if let log = await supervisor.log(of: project.id) { lines += log.backlog(max(0, min(count, 5000))) }
                }
                return .logLines(lines)
            case .runScheduledJob(let id):
                guard let scheduler = scheduler.withLock({ $0 }) else {
                    return .error(message: "this Vantage runs no scheduler (its database could not be opened when it started)")
                }
                let job = try await scheduler.runNow(id)
                return .ok(message: "started job \(id), \(job.title); its outcome goes on the timeline and into `vantage schedule list`")
            case .deploy(let name, let environment, let ref):
                return .deployment(try await supervisor.deploy(try await supervisor.resolve(name), environment: environment, ref: ref))
            case .rollback(let name, let release):
                return .deployment(try await supervisor.rollbackDeploy(try await supervisor.resolve(name), to: release))
            case .releases(let name):
                return .releases(try await supervisor.releases(try await supervisor.resolve(name)))
            case .subscribe, .logs, .attach:
                return .error(message: "not handled here")
            }
        } catch {
            return .error(message: "\(error)")
        }
    }

    private func targets(_ names: [String], all: Bool) async throws(VantageError) -> [ProjectID] {
        if all { return await supervisor.knownProjects.map(\.id) }
        guard !names.isEmpty else { throw VantageError(.usage, "name at least one project, or use --all") }
        var ids: [ProjectID] = []
        for n in names { ids.append(try await supervisor.resolve(n)) }
        return ids
    }
}

/// What answers control requests: the control socket's server (`ControlServer.handle`), which the
/// HTTP API calls instead of a second implementation.
public protocol ControlHandling: Sendable {
    func handle(_ request: ControlRequest) async -> ControlResponse
}

extension ControlServer: ControlHandling {}

/// Runs async work from a plain thread and waits for it. With `heartbeat`, a task on the
/// cooperative pool sends `working` every second until the work is done.
func blocking<T: Sendable>(heartbeat: ResponseWriter? = nil, _ body: @escaping @Sendable () async -> T) -> T {
    let semaphore = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    let beat = heartbeat.map { out in
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                if Task.isCancelled || !out.send(.working) { return }
            }
        }
    }
    Task {
        box.value = await body()
        semaphore.signal()
    }
    semaphore.wait()
    beat?.cancel()
    return box.value!
}

/// One connection's answers, one whole line at a time (the heartbeat and the answer come from
/// different threads).
final class ResponseWriter: Sendable {
    let fd: Int32
    private let lock = Mutex(())

    init(fd: Int32) { self.fd = fd }

    /// False when the client has gone.
    func send(_ response: ControlResponse) -> Bool { send([response]) }

    /// Several answers in one write (a batch of events), each on its own line.
    func send(_ responses: [ControlResponse]) -> Bool {
        var data = Data()
        for r in responses { data.append(ControlCoding.encode(r)) }
        return lock.withLock { _ in UnixSocket.writeAll(fd, data) }
    }
}

/// A batch stream read from one plain thread (`blocking`) and ended from another: each read runs
/// in a task that `cancel` cancels, which ends the stream's queue.
final class BatchSource: @unchecked Sendable {
    private var iterator: AsyncStream<[Event]>.Iterator
    private let reading = Mutex<(task: Task<[Event]?, Never>?, ended: Bool)>((nil, false))

    init(_ batches: AsyncStream<[Event]>) { iterator = batches.makeAsyncIterator() }

    /// The next batch; nil once ended. One caller at a time.
    func next() async -> [Event]? {
        let task = Task { [self] in await self.iterator.next() }
        let ended = reading.withLock { r in
            r.task = task
            return r.ended
        }
        if ended { task.cancel() }
        return await task.value
    }

    func cancel() {
        let task = reading.withLock { r in
            r.ended = true
            return r.task
        }
        task?.cancel()
    }
}

final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
