import Foundation
import VantageCore
import VantageFormats
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

/// Launches and supervises projects: one process tree, session and cgroup per project, logs captured
/// to disk, ports checked and reassigned, readiness probed, crashes restarted with backoff, and every
/// change published on the bus as `Event`s. All operations on one project are serialised.
public actor Supervisor {
    public let paths: VantagePaths
    /// Each project's last good `.vantage.toml`, read instead of a file that breaks.
    var lastGoodConfigs: LastGoodConfigStore { LastGoodConfigStore(paths: paths) }
    public let bus: Bus
    let clock: any VantageClock
    let options: SupervisorOptions
    let secrets: (any SecretsSource)?

    var projects: [ProjectID: ManagedProject] = [:]
    var logs: [ProjectID: ProjectLog] = [:]
    var allocator = PortAllocator()
    var otherDeclaredPorts: [ProjectID: [Int]] = [:]
    var locks = ProjectLocks()
    var decisionLog: [TimelineEntry] = []
    var monitorTask: Task<Void, Never>?
    var commandTask: Task<Void, Never>?
    /// Where the bus hands this supervisor the commands for the projects it runs (after `start`).
    var inbox: CommandInbox?
    var pressure = PressureGovernor.State()
    var lastSystemCPU: CPUTimes?

    public init(paths: VantagePaths, bus: Bus, clock: any VantageClock, options: SupervisorOptions = SupervisorOptions(),
                secrets: (any SecretsSource)? = nil) {
        self.paths = paths
        self.bus = bus
        self.clock = clock
        self.options = options
        self.secrets = secrets
        if options.becomeSubreaper { LinuxCalls.becomeChildSubreaper() }
        try? paths.ensurePrivateHome("logs", "run")
    }

    // MARK: projects

    /// Adds or refreshes the projects this supervisor may run (from the scanner, or built by hand).
    public func register(_ list: [Project]) {
        for p in list {
            if var existing = projects[p.id] { existing.project = p; projects[p.id] = existing }
            else { projects[p.id] = ManagedProject(project: p) }
        }
        inbox?.own(projects.keys)
        applySavedSettings()
        publishEnvironments(list.map(\.id))
    }

    /// Forgets projects whose folder is gone (live discovery): each still running is stopped first,
    /// so nothing keeps running unseen; commands for them are then answered as unknown.
    public func unregister(_ ids: [ProjectID]) async {
        for id in ids where projects[id] != nil {
            if projects[id]?.state != .stopped || !(projects[id]?.processes.isEmpty ?? true) { try? await stop(id) }
            projects[id] = nil
            logs[id] = nil
        }
        for id in ids { otherDeclaredPorts[id] = nil }
        inbox?.own(projects.keys)
    }

    /// Projects of the workspace that another actor runs (compose stacks): their declared ports
    /// are kept free of reassignments, as those of registered projects are.
    public func declarePorts(of others: [Project]) {
        for p in others where projects[p.id] == nil { otherDeclaredPorts[p.id] = p.ports }
    }

    /// Ports every other project of the workspace declares (scan, `.vantage.toml` `ports`).
    func portsDeclared(byOthersThan id: ProjectID) -> Set<Int> {
        var ports = Set<Int>()
        for mp in projects.values where mp.id != id { ports.formUnion(mp.project.ports); ports.formUnion(mp.config.ports) }
        for (other, declared) in otherDeclaredPorts where other != id { ports.formUnion(declared) }
        return ports
    }

    /// The project called `name` (or with that path). An unknown name lists the known ones.
    public func resolve(_ name: String) throws(VantageError) -> ProjectID {
        if let hit = projects.values.first(where: { $0.name == name || $0.project.path == name }) { return hit.id }
        let known = projects.values.map(\.name).sorted()
        throw VantageError(.notFound, "no project called \"\(name)\"",
                           hint: known.isEmpty ? "no projects are known yet" : "known projects: \(known.joined(separator: ", "))")
    }

    public var knownProjects: [Project] { projects.values.map(\.project).sorted { $0.name < $1.name } }

    // MARK: public operations

    /// Starts a project (and what it depends on). Returns once its processes run; readiness follows
    /// in the background (watch the bus or `waitFor`). Launching a project that is up does nothing.
    public func launch(_ id: ProjectID, environment: String? = nil, overrides: [String: String]? = nil) async throws(VantageError) {
        try await launch(id, environment: environment, overrides: overrides, visiting: [])
    }

    /// Stops a project's whole tree: SIGTERM to its group and cgroup, SIGKILL after the timeout, then
    /// every process left in the cgroup. Returns once nothing is left and its ports are free.
    public func stop(_ id: ProjectID) async throws(VantageError) {
        guard projects[id] != nil else { throw unknown(id) }
        await acquire(id)
        defer { release(id) }
        await performStop(id)
    }

    public func restart(_ id: ProjectID, environment: String? = nil) async throws(VantageError) {
        try await stop(id)
        try await launch(id, environment: environment)
    }

    /// What `ps` shows, sorted by name.
    public func snapshot() -> [ProjectStatus] {
        projects.values.sorted { $0.name < $1.name }.map(status)
    }

    public func status(of id: ProjectID) -> ProjectStatus? { projects[id].map(status) }

    /// Every decision taken (port reassignments, throttling), oldest first.
    public var decisions: [TimelineEntry] { decisionLog }

    public func log(of id: ProjectID) -> ProjectLog? { logs[id] ?? projects[id].map { logFor($0) } }

    /// Waits until the project reaches one of the states, or the timeout passes; returns the state then.
    @discardableResult
    public func waitFor(_ id: ProjectID, _ states: Set<RunState>, timeout: Duration = .seconds(30)) async -> RunState? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let s = projects[id]?.state, states.contains(s) { return s }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return projects[id]?.state
    }

    /// Follows `Command`s from the bus (launch, stop, restart, shutdown) and starts the monitor.
    public func start() {
        if monitorTask == nil {
            monitorTask = Task { [weak self] in
                while !Task.isCancelled {
                    guard let self else { return }
                    try? await self.clock.sleep(for: self.options.monitorInterval)
                    await self.monitorTick()
                }
            }
        }
        if commandTask == nil {
            let inbox = bus.commandInbox(owner: "the supervisor", kinds: Self.commandKinds)
            inbox.own(projects.keys)
            self.inbox = inbox
            commandTask = Task { [weak self] in
                for await command in inbox.commands {
                    guard let self else { return }
                    await self.handle(command)
                }
            }
        }
    }

    /// Stops every project and the background tasks.
    public func shutdown(stopProjects: Bool = true) async {
        monitorTask?.cancel()
        commandTask?.cancel()
        monitorTask = nil
        commandTask = nil
        inbox?.close()
        inbox = nil
        if stopProjects { await stopAll() }
    }

    /// Stops supervising without stopping anything: the running projects are written to the
    /// records for the next supervisor (a `vantage daemon`) to adopt. Returns their names.
    @discardableResult
    public func handOver() async -> [String] {
        await shutdown(stopProjects: false)
        for mp in projects.values { mp.readinessTask?.cancel(); mp.backoffTask?.cancel() }
        saveRecords()
        return projects.values.filter { $0.state.isUp }.map(\.name).sorted()
    }

    /// Names of the projects that run now (starting, running, ready, paused…).
    public var runningProjects: [String] { projects.values.filter { $0.state.isUp }.map(\.name).sorted() }

    public func stopAll() async {
        await withTaskGroup(of: Void.self) { group in
            for id in projects.keys where projects[id]?.state != .stopped || !(projects[id]?.processes.isEmpty ?? true) {
                group.addTask { try? await self.stop(id) }
            }
        }
    }

    /// The commands a supervisor carries out (`handle`); `remove` is for containers only.
    public static let commandKinds: Set<Command.Kind> = [.launch, .stop, .restart, .useEnvironment, .pause, .resume, .kill, .signal, .shutdown]

    func handle(_ command: Command) async {
        // The bus also carries commands for projects other actors own (containers, compose
        // projects): only registered projects are this supervisor's business.
        switch command {
        case .launch(let id), .stop(let id), .restart(let id), .useEnvironment(let id, _), .pause(let id), .resume(let id), .kill(let id),
             .signal(let id, _, _):
            guard projects[id] != nil else { return }
        default: break
        }
        switch command {
        case .launch(let id): do { try await launch(id) } catch { report(error, project: id) }
        case .stop(let id): do { try await stop(id) } catch { report(error, project: id) }
        case .restart(let id): do { try await restart(id) } catch { report(error, project: id) }
        case .useEnvironment(let id, let env): do { try await useEnvironment(id, env) } catch { report(error, project: id) }
        case .pause(let id), .resume(let id):
            do { try await setPaused(id, command == .pause(id)) } catch { report(error, project: id) }
        case .kill(let id): do { try await killNow(id) } catch { report(error, project: id) }
        case let .signal(id, pid, signal): sendSignal(signal, to: pid, of: id)
        // The app is quitting: stop following commands. Whether the projects stop or are handed to
        // a daemon is the owner's choice (`shutdown(stopProjects:)`, `handOver()`), never the bus's.
        case .shutdown: await shutdown(stopProjects: false)
        default: break
        }
    }

    // MARK: helpers shared by the extensions

    func acquire(_ id: ProjectID) async {
        if locks.tryAcquire(id) { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in locks.enqueue(id, c) }
    }

    func release(_ id: ProjectID) { locks.release(id) }

    func unknown(_ id: ProjectID) -> VantageError {
        let known = projects.values.map(\.name).sorted()
        return VantageError(.notFound, "no project at \(id.rawValue)", hint: "known projects: \(known.joined(separator: ", "))")
    }

    func setState(_ id: ProjectID, _ new: RunState) {
        guard var mp = projects[id], mp.state != new else { return }
        let old = mp.state
        mp.state = new
        projects[id] = mp
        bus.publish(.stateChanged(project: id, from: old, to: new))
        logFor(mp).note("state \(old.rawValue) → \(new.rawValue)")
    }

    func logFor(_ mp: ManagedProject) -> ProjectLog {
        if let l = logs[mp.id] { return l }
        let l = ProjectLog(directory: paths.logs, name: ProjectFileName.of(mp.project), project: mp.id, bus: bus, clock: clock)
        logs[mp.id] = l
        return l
    }

    func recordDecision(_ id: ProjectID, _ text: String) {
        let entry = TimelineEntry(time: clock.now, kind: .decision, project: id, text: text)
        decisionLog.append(entry)
        if decisionLog.count > 1000 { decisionLog.removeFirst(decisionLog.count - 1000) }
        projects[id]?.decisions.append(text)
        if let n = projects[id]?.decisions.count, n > 50 { projects[id]?.decisions.removeFirst(n - 50) }
        bus.publish(.timeline(entry))
    }

    func diagnose(_ id: ProjectID?, _ severity: Diagnostic.Severity, _ message: String) {
        let source = id.flatMap { projects[$0]?.name } ?? "vantage"
        bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: severity, source: source, project: id, message: message)))
        if severity == .error { bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .error, project: id, text: "\(source): \(message)"))) }
    }

    func report(_ error: any Error, project id: ProjectID?) {
        diagnose(id, .error, "\(error)")
    }

    func status(_ mp: ManagedProject) -> ProjectStatus {
        ProjectStatus(name: mp.name, path: mp.project.path, kind: mp.project.primaryKind.rawValue, state: mp.state,
                      pid: mp.state.isUp ? mp.mainPid : nil, ports: mp.state.isUp ? mp.ports : [],
                      cpu: mp.state.isUp ? (mp.cpuPercent * 10).rounded() / 10 : 0, rss: mp.state.isUp ? mp.rssBytes : 0, health: mp.health.value,
                      restarts: mp.restarts, env: mp.environment, decisions: mp.decisions, lastError: mp.lastError,
                      processes: mp.processes.filter { !$0.exited }.map { .init(name: $0.name, pid: $0.pid, port: $0.port) },
                      backoffDelays: mp.backoffDelays, limits: mp.effectiveLimits, priority: mp.config.priority,
                      throttled: mp.throttled, paused: mp.paused, healthReasons: mp.health.reasons,
                      ioRead: mp.ioReadBytesPerSec.rounded(), ioWrite: mp.ioWriteBytesPerSec.rounded())
    }
}
