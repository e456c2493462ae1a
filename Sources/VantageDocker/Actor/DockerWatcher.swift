import AsyncHTTPClient
import Foundation
import NIOCore
import VantageCore

/// Watches every configured Docker engine and shows its containers as projects.
///
/// Cheap by design: the container list is read once and then kept current from the engine's
/// event stream (re-read every `relistInterval` as a safety net); CPU, memory and IO come from
/// the containers' cgroup files, so a refresh costs the engine nothing. `stats` is asked only
/// for containers whose cgroup cannot be read. Every engine call has a deadline; an engine that
/// dies or freezes is shown as "unreachable since …" and retried with backoff, never blocking.
public actor DockerWatcher {
    public struct Options: Sendable {
        public var interval: Duration = .seconds(1)
        public var timeout: TimeAmount = .seconds(2)
        public var relistInterval: Duration = .seconds(30)
        public var maxBackoff: Duration = .seconds(30)
        public var followLogs = true
        public init() {}
    }

    private final class Engine {
        let endpoint: DockerEndpoint
        var client: DockerClient?
        var reachable = false
        var since: Date
        var lastError: String?
        var failures = 0
        var nextAttempt = ContinuousClock.now
        var dirty = true
        var lastList = ContinuousClock.now - .seconds(3600)
        var containers: [String: ContainerSummary] = [:]          // by id
        var details: [String: ContainerDetails] = [:]
        var cgroups: [String: ContainerCgroup] = [:]
        var previous: [String: (reading: ContainerCgroup.Reading, at: ContinuousClock.Instant)] = [:]
        var states: [String: RunState] = [:]
        var eventsTask: Task<Void, Never>?
        var logTasks: [String: Task<Void, Never>] = [:]
        init(_ e: DockerEndpoint, since: Date) { endpoint = e; self.since = since }
    }

    private let bus: Bus
    private let clock: any VantageClock
    private let options: Options
    private var engines: [Engine]
    private let procRoot: String

    public init(bus: Bus, clock: any VantageClock, endpoints: [DockerEndpoint], options: Options = Options(), procRoot: String = "/proc") {
        self.bus = bus
        self.clock = clock
        self.options = options
        self.engines = endpoints.map { Engine($0, since: clock.now) }
        self.procRoot = procRoot
    }

    /// Polls until cancelled or until `Command.shutdown`. Commands `.launch/.stop/.restart` on
    /// container ids (`docker://engine/name`) are carried out.
    public func run() async {
        let inbox = bus.commandInbox(owner: "the Docker watcher", kinds: Self.commandKinds)
        self.inbox = inbox
        claimContainers()
        let commandTask = Task { [weak self] in
            for await command in inbox.commands {
                guard let self else { return }
                if case .shutdown = command { await self.stopAll(); return }
                await self.handle(command)
            }
        }
        defer { commandTask.cancel() }
        while !Task.isCancelled {
            await tick()
            try? await clock.sleep(for: options.interval)
        }
        stopAll()
    }

    private func stopAll() {
        for e in engines {
            e.eventsTask?.cancel()
            e.logTasks.values.forEach { $0.cancel() }
            e.logTasks = [:]
        }
    }

    /// One refresh of every engine, in parallel so one dead engine cannot delay the others.
    public func tick() async {
        await withTaskGroup(of: Void.self) { group in
            for index in engines.indices { group.addTask { await self.refresh(index) } }
        }
    }

    private func refresh(_ index: Int) async {
        let e = engines[index]
        let now = ContinuousClock.now
        if e.client == nil {
            guard now >= e.nextAttempt else { return }
            do {
                let client = try await DockerClient.connect(e.endpoint, timeout: options.timeout)
                e.client = client
                e.failures = 0
                e.dirty = true
                setReachable(e, true, message: nil, client: client)
                startEvents(index, client: client)
            } catch {
                markUnreachable(e, error.description)
                return
            }
        }
        guard let client = e.client else { return }
        if e.dirty || now - e.lastList >= options.relistInterval {
            do {
                try await relist(e, client: client)
            } catch {
                // A slow answer from an engine that still answers a ping is a busy engine, not a
                // dead one: keep what is known and try again at the next tick.
                if error.category == .unavailable, await client.ping() {
                    e.dirty = true
                } else {
                    markUnreachable(e, error.description)
                    return
                }
            }
        }
        publishSamples(index, client: client)
    }

    private func relist(_ e: Engine, client: DockerClient) async throws(VantageError) {
        e.dirty = false
        e.lastList = .now
        let list = try await client.listContainers(all: true)
        var seen = Set<String>()
        for c in list {
            seen.insert(c.Id)
            let old = e.containers[c.Id]
            e.containers[c.Id] = c
            if old?.State != c.State || old?.Status != c.Status || e.details[c.Id] == nil {
                if let d = try? await client.inspect(c.Id) {
                    e.details[c.Id] = d
                    e.cgroups[c.Id] = d.State.Running ? ContainerCgroup.locate(pid: d.State.Pid, procRoot: procRoot) : nil
                }
            }
            let state = ContainerProjects.state(summaryState: c.State, details: e.details[c.Id])
            let pid = ContainerProjects.id(engine: e.endpoint.name, container: c.name)
            if let before = e.states[c.Id], before != state {
                bus.publish(.stateChanged(project: pid, from: before, to: state))
            }
            e.states[c.Id] = state
            if c.isAlive { followLogs(e, client: client, container: c) } else { e.logTasks.removeValue(forKey: c.Id)?.cancel() }
        }
        for gone in Set(e.containers.keys).subtracting(seen) {
            e.containers[gone] = nil
            e.details[gone] = nil
            e.cgroups[gone] = nil
            e.previous[gone] = nil
            e.states[gone] = nil
            e.logTasks.removeValue(forKey: gone)?.cancel()
        }
        let projects = e.containers.values.sorted { $0.name < $1.name }.map { ContainerProjects.project(engine: e.endpoint.name, summary: $0) }
        bus.publish(.discovered(source: "docker:" + e.endpoint.name, projects: projects))
        claimContainers()
        setReachable(e, true, message: nil, client: client)
    }

    /// The commands the watcher carries out: the lifecycle of the containers it lists, a refresh, shutdown.
    static let commandKinds: Set<Command.Kind> = [.launch, .stop, .restart, .pause, .resume, .kill, .remove, .refresh, .shutdown]
    private var inbox: CommandInbox?

    /// Tells the bus which containers' commands are the watcher's: every container listed on a reachable engine.
    private func claimContainers() {
        inbox?.own(engines.flatMap { e in e.containers.values.map { ContainerProjects.id(engine: e.endpoint.name, container: $0.name) } })
    }

    private func publishSamples(_ index: Int, client: DockerClient) {
        let e = engines[index]
        let now = ContinuousClock.now   // monotonic: the cgroup counters' rates divide by it
        let wall = clock.now
        var samples: [ProjectSample] = []
        for (id, c) in e.containers {
            let pid = ContainerProjects.id(engine: e.endpoint.name, container: c.name)
            let state = e.states[id] ?? .stopped
            var sample = ProjectSample(time: wall, project: pid, state: state, cpuPercent: 0, rssBytes: 0,
                                       ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 0,
                                       pids: e.details[id].map { [Int32($0.State.Pid)] } ?? [],
                                       listeningPorts: (c.Ports ?? []).compactMap(\.PublicPort))
            // A paused container still holds its memory: it is read too (its CPU is simply zero).
            if c.isAlive, let cg = e.cgroups[id], let r = cg.read() {
                if let prev = e.previous[id] {
                    let dt = (now - prev.at).seconds
                    if dt > 0 {
                        sample.cpuPercent = Double(r.cpuNanoseconds &- prev.reading.cpuNanoseconds) / 1e9 / dt * 100
                        sample.ioReadBytesPerSec = Double(r.ioReadBytes &- prev.reading.ioReadBytes) / dt
                        sample.ioWriteBytesPerSec = Double(r.ioWriteBytes &- prev.reading.ioWriteBytes) / dt
                    }
                    if r.oomKills > prev.reading.oomKills { reportOOM(e, container: c) }
                }
                sample.rssBytes = r.memoryBytes
                sample.processCount = r.pids
                e.previous[id] = (r, now)
            } else if c.isAlive {
                e.cgroups[id] = nil
                fallbackStats(index, client: client, id: id)
            }
            samples.append(sample)
        }
        if !samples.isEmpty { bus.publish(.projectsSampled(samples.sorted { $0.project < $1.project })) }
    }

    /// Only where the cgroup files cannot be read: ask the engine, in the background.
    private func fallbackStats(_ index: Int, client: DockerClient, id: String) {
        Task {
            guard let s = try? await client.statsOnce(id) else { return }
            let inactive = s.memory_stats.stats?["total_inactive_file"] ?? s.memory_stats.stats?["inactive_file"] ?? 0
            let usage = s.memory_stats.usage ?? 0
            self.noteFallback(index, id: id, memory: usage > inactive ? usage - inactive : usage, cpuNanos: s.cpu_stats.cpu_usage.total_usage)
        }
    }

    private func noteFallback(_ index: Int, id: String, memory: UInt64, cpuNanos: UInt64) {
        engines[index].previous[id] = (ContainerCgroup.Reading(cpuNanoseconds: cpuNanos, memoryBytes: memory, memoryLimitBytes: nil,
                                                  ioReadBytes: 0, ioWriteBytes: 0, oomKills: 0, pids: 0), .now)
    }

    private func startEvents(_ index: Int, client: DockerClient) {
        let e = engines[index]
        e.eventsTask?.cancel()
        e.eventsTask = Task { [weak self] in
            do {
                // Wall time on purpose: the engine compares it with its own clock.
                let stream = try await client.events(since: Date())
                for try await event in stream {
                    await self?.handleEngineEvent(index, event)
                }
            } catch {}
            // The stream ended: the engine went away or restarted. Re-check it at the next tick.
            if !Task.isCancelled { await self?.streamEnded(index) }
        }
    }

    private func streamEnded(_ index: Int) {
        let e = engines[index]
        e.client = nil
        e.nextAttempt = .now
        e.dirty = true
    }

    private func handleEngineEvent(_ index: Int, _ event: DockerEvent) {
        let e = engines[index]
        guard (event.Type ?? "container") == "container" else { return }
        e.dirty = true
        let name = event.Actor.Attributes?["name"] ?? String(event.Actor.ID.prefix(12))
        let pid = ContainerProjects.id(engine: e.endpoint.name, container: name)
        switch event.Action {
        case "oom":
            if let c = e.containers[event.Actor.ID] { reportOOM(e, container: c) }
            else { reportOOM(e, name: name, project: pid) }
        case let a where a.hasPrefix("health_status: unhealthy"):
            bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .warning, source: name, project: pid,
                                               message: "container \(name) on \(e.endpoint.name) is unhealthy (its HEALTHCHECK fails)")))
        case "die":
            let code = event.Actor.Attributes?["exitCode"] ?? "?"
            bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .state, project: pid,
                                                text: "container \(name) on \(e.endpoint.name) exited with status \(code)")))
        default:
            break
        }
    }

    private var reportedOOM: Set<String> = []

    private func reportOOM(_ e: Engine, container c: ContainerSummary) {
        reportOOM(e, name: c.name, project: ContainerProjects.id(engine: e.endpoint.name, container: c.name))
    }

    private func reportOOM(_ e: Engine, name: String, project: ProjectID) {
        // The event and the cgroup counter both see one kill: report it once per second at most.
        let key = project.rawValue + "@" + String(Int(clock.now.timeIntervalSince1970))
        guard reportedOOM.insert(key).inserted else { return }
        if reportedOOM.count > 256 { reportedOOM.removeAll() }
        let text = "container \(name) on \(e.endpoint.name) was killed: out of memory (raise its memory limit with `vantage limit \(name) --memory …`)"
        bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: name, project: project, message: text)))
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .error, project: project, text: "\(name): OOM kill")))
    }

    private func followLogs(_ e: Engine, client: DockerClient, container c: ContainerSummary) {
        guard options.followLogs, e.logTasks[c.Id] == nil else { return }
        let (bus, clock) = (self.bus, self.clock)
        let pid = ContainerProjects.id(engine: e.endpoint.name, container: c.name)
        e.logTasks[c.Id] = Task {
            guard let stream = try? await client.logs(c.Id, follow: true, tail: 0) else { return }
            do {
                for try await frame in stream {
                    bus.publish(.log(LogLine(time: clock.now, project: pid, stream: frame.stream == .stderr ? .stderr : .stdout, text: frame.text)))
                }
            } catch {}
        }
    }

    private func markUnreachable(_ e: Engine, _ message: String) {
        e.client = nil
        e.eventsTask?.cancel()
        e.eventsTask = nil
        e.logTasks.values.forEach { $0.cancel() }
        e.logTasks = [:]
        e.failures += 1
        let backoff = min(options.maxBackoff, .seconds(1) * Int(pow(2.0, Double(min(e.failures - 1, 5)))))
        e.nextAttempt = .now + backoff
        setReachable(e, false, message: message, client: nil)
    }

    private func setReachable(_ e: Engine, _ reachable: Bool, message: String?, client: DockerClient?) {
        let changed = reachable != e.reachable || (!reachable && e.lastError == nil)
        if changed { e.since = clock.now }
        e.reachable = reachable
        e.lastError = message
        guard changed else { return }
        let status = EngineStatus(name: e.endpoint.name, host: e.endpoint.host, reachable: reachable, since: e.since,
                                  apiVersion: client?.apiVersion, engineVersion: client?.engineVersion,
                                  message: message, containers: e.containers.count)
        bus.publish(.engine(status))
        let text = reachable ? "Docker engine \(e.endpoint.name) reachable (API \(client?.apiVersion ?? "?"))"
                             : "Docker engine \(e.endpoint.name) unreachable: \(message ?? "")"
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: reachable ? .detection : .error, text: text)))
        if !reachable {
            bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "docker:" + e.endpoint.name,
                                               message: text + " — retrying with backoff")))
        }
    }

    // MARK: commands

    private func handle(_ command: Command) async {
        switch command {
        case .launch(let id), .stop(let id), .restart(let id), .pause(let id), .resume(let id), .kill(let id), .remove(let id):
            guard let (engineName, name) = ContainerProjects.parse(id),
                  let e = engines.first(where: { $0.endpoint.name == engineName }),
                  let c = e.containers.values.first(where: { $0.name == name }) else {
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: id.displayName, project: id,
                                                   message: "cannot \(command.kind.verb) \(id.displayName): no such container is listed any more (it was removed); press r to refresh")))
                return
            }
            guard let client = e.client else {
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: name, project: id,
                                                   message: "cannot \(command.kind.verb) \(name): the Docker engine \(engineName) does not answer (\(e.lastError ?? "unreachable")); Vantage retries it on its own")))
                return
            }
            do {
                try await ContainerAction(command)?.perform(on: c, with: client)
                e.dirty = true
                if case .remove = command {
                    bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .state, project: id, text: "\(name) removed from \(engineName)")))
                }
            } catch {
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: name, project: id, message: error.description)))
            }
        case .refresh:
            engines.forEach { $0.dirty = true }
            await tick()
        default:
            break
        }
    }

    /// Carries out one command now (what the bus delivers), for callers that hold the watcher.
    public func perform(_ command: Command) async { await handle(command) }

    /// The engines' current status (for tests and `ps`).
    public func statuses() -> [EngineStatus] {
        engines.map { e in
            EngineStatus(name: e.endpoint.name, host: e.endpoint.host, reachable: e.reachable, since: e.since,
                         apiVersion: e.client?.apiVersion, engineVersion: e.client?.engineVersion,
                         message: e.lastError, containers: e.containers.count)
        }
    }
}
