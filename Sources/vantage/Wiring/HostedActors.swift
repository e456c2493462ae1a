import Foundation
import Synchronization
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageFormats
import VantageDocker
import VantageFormats
import VantageKnowledge
import VantageOrchestrator
import VantageProbes
import VantageStore
import VantageTUI

/// Every actor of Vantage, wired to one bus: the /proc monitor, the store recorder and its history
/// reader, the knowledge graph, the error-pattern miner, the analyzer, the troubleshooter, the
/// council, fixes, the Docker watcher, the compose launcher, the supervisor and the scheduler. One
/// set, hosted by `vantage daemon` (headless) or by a console when no daemon runs; consoles attach
/// to it through the control socket (`AttachHub`), which keeps the state a console shows
/// (`ConsoleStateKeeper`). Each actor subscribes before anything is published, so no early event
/// is missed.
final class HostedActors: Sendable {
    private let bus: Bus
    /// The one clock of every actor here: the bus's, chosen where the bus is made.
    private let clock: any VantageClock
    private let monitor: Monitor
    private let recorder: StoreRecorder
    private let graph: GraphLayoutActor
    private let analyzer: AnalyzerActor
    private let memory: MemoryRecorder
    private let troubleshooter: TroubleshooterActor
    private let council: CouncilActor
    private let fixes: FixActor
    private let history: StoredHistory
    private let store: Store
    private let errors = ErrorPatternTracker()
    private let docker: DockerWatcher?
    private let compose: ComposeLauncher
    private let engines: [DockerEndpoint]
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let paths: VantagePaths
    private let projects: [Project]
    /// The workspace's projects now (live discovery replaces them).
    private let current: Mutex<[Project]>
    private let discovery = Mutex<WorkspaceWatcher?>(nil)
    private let supervisor: HostedSupervisor
    /// What attaching consoles are sent: the state a console would show, then every event.
    let hub: AttachHub
    private let hubEvents: AsyncStream<[Event]>
    /// Where the supervisor's secrets come from; the notifications' URLs too (`@notify`).
    private let secrets: (any SecretsSource)?

    /// Takes the supervisor lock of `$VANTAGE_HOME` (one supervisor per home: fails when a daemon
    /// or another console holds it) and builds every actor; `start()` runs them.
    static func make(bus: Bus, store: Store, paths: VantagePaths, projects: [Project], engines: [DockerEndpoint], interval: Duration,
                     supervisorOptions: SupervisorOptions, secrets: (any SecretsSource)?) async throws(VantageError) -> HostedActors {
        // The hub subscribes first: a console that attaches later sees everything from the start.
        let hub = AttachHub(keeper: ConsoleStateKeeper(now: bus.clock.now))
        let hubEvents = bus.eventBatches(capacity: 1 << 16)
        let supervisor = try await HostedSupervisor.start(paths: paths, bus: bus, workspace: projects, options: supervisorOptions, secrets: secrets)
        supervisor.server.serve(hub)
        return HostedActors(bus: bus, store: store, paths: paths, projects: projects, engines: engines, interval: interval,
                            supervisor: supervisor, hub: hub, hubEvents: hubEvents, secrets: secrets)
    }

    private init(bus: Bus, store: Store, paths: VantagePaths, projects: [Project], engines: [DockerEndpoint], interval: Duration,
                 supervisor: HostedSupervisor, hub: AttachHub, hubEvents: AsyncStream<[Event]>, secrets: (any SecretsSource)?) {
        self.secrets = secrets
        self.supervisor = supervisor
        self.hub = hub
        self.hubEvents = hubEvents
        self.bus = bus
        let clock = bus.clock
        self.clock = clock
        self.paths = paths
        self.projects = projects
        current = Mutex(projects)
        monitor = Monitor(bus: bus, clock: clock, projects: projects, interval: interval)
        recorder = StoreRecorder(store: store, bus: bus, clock: clock)
        graph = GraphLayoutActor(bus: bus)
        analyzer = AnalyzerActor(bus: bus, clock: clock, store: store)
        memory = MemoryRecorder(store: store)
        // Problems are read from the projects' logs with their manifests as they are now, the way
        // `vantage troubleshoot` reads them (ProjectProblems).
        troubleshooter = TroubleshooterActor(bus: bus, logs: paths.logs, current: TroubleshootingSources.current)
        council = CouncilActor(bus: bus, store: store, clock: clock)
        fixes = FixActor(bus: bus, clock: clock, store: store, applier: FixApplier(paths: paths), troubleshooter: troubleshooter)
        history = StoredHistory(store: store, bus: bus, clock: clock)
        self.store = store
        var dockerOptions = DockerWatcher.Options()
        dockerOptions.interval = interval
        docker = engines.isEmpty ? nil : DockerWatcher(bus: bus, clock: clock, endpoints: engines, options: dockerOptions)
        // Always there: without an engine it answers each compose command with why it cannot run.
        compose = ComposeLauncher(bus: bus, clock: clock, endpoints: engines, projects: projects)
        self.engines = engines
    }

    /// `started`: when this run began; the timeline entries before it are read back from the store.
    /// `alerts`: the rules of the workspace's `vantage.toml`, evaluated here at every sample.
    /// `notify`: its `[[notify]]` entries, which alerts, crashes and new vulnerabilities are sent to.
    func start(started: Date, alerts: [AlertWatch.Rule] = [], notify: [NotifyTarget] = []) {
        // Each actor subscribes to the kinds it reads, so a log line wakes only the log readers.
        let graphEvents = bus.events(GraphLayoutActor.eventKinds)
        let logEvents = bus.eventBatches([.log], capacity: 4096)
        let (analyzerEvents, analyzerCommands) = (bus.events(AnalyzerActor.eventKinds), bus.commands(AnalyzerActor.commandKinds))
        let (troubleshootEvents, councilEvents, councilCommands) = (bus.events(TroubleshooterActor.eventKinds, capacity: 4096),
                                                                    bus.events(CouncilActor.eventKinds), bus.commands(CouncilActor.commandKinds))
        let (monitor, recorder, graph, errors, bus) = (self.monitor, self.recorder, self.graph, self.errors, self.bus)
        add(Task { await monitor.run() })
        // What earlier runs saw: the timeline and the sparklines' history (and each window asked for).
        let (history, historyCommands) = (self.history, bus.commands(StoredHistory.commandKinds))
        add(Task {
            await history.publishPast(started: started)
            await history.run(commands: historyCommands)
        })
        // Decisions (port reassignments, environment switches, fixes, council votes) are remembered.
        let (memory, store, scanned) = (self.memory, self.store, self.projects)
        add(Task { await memory.start(bus: bus) })
        // The workspace's knowledge graph is kept in the store for `vantage graph` and later runs.
        add(Task.detached(priority: .background) {
            var knowledge = (try? await store.loadKnowledgeGraph()) ?? KnowledgeGraph()
            knowledge.apply(projects: scanned)
            try? await store.saveGraph(knowledge)
        })
        let (recorded, recorderCommands) = (bus.events(StoreRecorder.eventKinds, capacity: 4096), bus.commands(StoreRecorder.commandKinds))
        add(Task { await recorder.run(events: recorded, commands: recorderCommands) })
        add(Task { await graph.run(events: graphEvents) })
        // Quality, debt and dependencies per project, after each scan and when files change (background priority).
        let analyzer = self.analyzer
        add(Task { await analyzer.run(events: analyzerEvents) })
        add(Task { await analyzer.run(commands: analyzerCommands) })
        // Once the first analysis pass is over and the process has gone quiet (the graph has settled,
        // the first checks are done), the code only start-up ran is given back (StartupPages).
        add(Task.detached(priority: .background) {
            while !Task.isCancelled, !(await analyzer.isIdleAfterFirstPass) { try? await Task.sleep(for: .seconds(1)) }
            await StartupPages.waitUntilQuiet()
            guard !Task.isCancelled else { return }
            store.releaseMemory()
            StartupPages.release()
        })
        // Suggestions for errors (Troubleshooting pane) and the council's proposals (`c`).
        let (troubleshooter, council) = (self.troubleshooter, self.council)
        add(Task {
            // Learned fixes move the knowledge base's confidence and give the screen their history.
            await troubleshooter.learn((try? await store.learnedFixes()) ?? [])
            await troubleshooter.run(events: troubleshootEvents)
        })
        // Fixes confirmed on screen (`F`), applied as `vantage troubleshoot fix` applies them.
        let (fixes, fixCommands) = (self.fixes, bus.commands([.applyFix]))
        add(Task { await fixes.run(commands: fixCommands) })
        add(Task {
            if let stored = try? await store.loadCouncil() { await council.adopt(stored) }
            await council.run(events: councilEvents, commands: councilCommands)
        })
        if let docker { add(Task { await docker.run() }) }
        if !alerts.isEmpty {
            let supervisor = self.supervisor.supervisor
            let watch = AlertWatch(bus: bus, clock: clock, rules: alerts) { await supervisor.status(of: $0)?.health }
            let alertEvents = bus.eventBatches(AlertWatch.eventKinds(for: alerts), capacity: 4096)
            add(Task { await watch.run(events: alertEvents) })
        }
        if !notify.isEmpty {
            let secrets = self.secrets
            let notifier = Notifier(bus: bus, clock: clock, targets: notify) { name throws(VantageError) in
                guard let secrets else { throw VantageError(.notFound, "the secret store could not be opened") }
                guard let url = try secrets.values(project: NotifyTarget.secretScope, environment: EnvironmentLayers.defaultEnvironment)[name] else {
                    throw VantageError(.notFound, "no secret \(name) in \(NotifyTarget.secretScope)")
                }
                return url
            }
            let notifyEvents = bus.eventBatches(NotificationSource.eventKinds, capacity: 4096)
            add(Task { await notifier.run(events: notifyEvents) })
        }
        let compose = self.compose
        add(Task { await compose.run() })
        let (hub, hubEvents) = (self.hub, self.hubEvents)
        add(Task.detached { await hub.run(batches: hubEvents) })
        startScheduler(serving: supervisor.server)
        serveUnsupervised(on: supervisor.server)
        if !supervisor.adopted.isEmpty {
            bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .state, text: "adopted from the last supervisor: \(supervisor.adopted.joined(separator: ", "))")))
        }
        if !supervisor.lost.isEmpty {
            bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .warning, source: "supervisor",
                                               message: "no longer running since the last supervisor stopped: \(supervisor.lost.joined(separator: ", "))")))
        }
        // New error templates in project output become troubleshooting entries.
        add(Task {
            for await batch in logEvents {
                let lines = batch.compactMap { event -> LogLine? in if case .log(let line) = event { return line } else { return nil } }
                let found = await errors.consume(lines)
                if !found.isEmpty { bus.publish(contentsOf: found.map { .diagnostic($0) }) }
            }
        })
    }

    /// Scheduled jobs run where the supervisor runs: here when no daemon does (the daemon's otherwise).
    private func startScheduler(serving server: ControlServer) {
        let scheduler = ScheduledActionContext(bus: bus, paths: paths, projects: { [self] in self.current.withLock { $0 } }).scheduler(store: store)
        server.serve(scheduler)
        let commands = bus.commands(Scheduler.commandKinds)
        add(Task { await scheduler.run() })
        add(Task { await scheduler.run(commands: commands) })
    }

    /// `ps` lists what the grid lists: beside the supervisor's projects, the compose projects (the
    /// compose launcher's), with the state the screen shows and, when no Docker engine answers, why
    /// they cannot run.
    private func serveUnsupervised(on server: ControlServer) {
        let (hub, engines) = (self.hub, self.engines)
        server.serve(unsupervised: { [self] in
            let screen = hub.inspect { ($0 as? ConsoleStateKeeper)?.state }
            let reachable = screen?.engines.values.contains { $0.reachable } ?? false
            return current.withLock { $0 }.filter { $0.primaryKind == .compose }.map { p in
                .unsupervised(p, state: screen?.runStates[p.id] ?? .stopped,
                              reason: reachable ? nil : ComposeLauncher.noEngine(p, tried: engines).message)
            }
        })
    }

    /// Live discovery: a project folder created, renamed or deleted under a root, or a manifest
    /// edited, is scanned again (`WorkspaceWatcher`: inotify, polling without it) and the new
    /// projects reach every actor: the supervisor registers them and forgets (stopping first) those
    /// whose folder is gone, the compose launcher takes the compose ones, the others follow `.scanned`.
    func watch(roots: [String], initial: ScanResult) {
        let (bus, supervisor, composeLauncher) = (self.bus, self.supervisor.supervisor, self.compose)
        let scanner = ProjectScanner(lastGood: LastGoodConfigStore(paths: paths))
        let watcher = WorkspaceWatcher(roots: roots, scan: { try? scanner.scan(roots: roots) }) { [self] result in
            let before = self.current.withLock { list in
                defer { list = result.projects }
                return list
            }
            let compose = result.projects.filter { $0.primaryKind == .compose }
            let kept = Set(result.projects.filter { $0.primaryKind != .compose }.map(\.id))
            let gone = before.map(\.id).filter { !kept.contains($0) }
            Task {
                await supervisor.unregister(gone)
                await supervisor.register(result.projects.filter { $0.primaryKind != .compose })
                await composeLauncher.update(result.projects)
                await supervisor.declarePorts(of: compose)
                Workspace.publish(change: result, from: before, roots: roots, on: bus)
            }
        }
        watcher.start(initial: initial)
        if let problem = watcher.problem {
            bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .warning, source: "vantage",
                                               message: "new project folders are found by looking every 2 s: \(problem)")))
        }
        discovery.withLock { $0 = watcher }
    }

    /// Keeps a task the session owns, cancelled when it stops.
    private func add(_ task: Task<Void, Never>) { tasks.withLock { $0.append(task) } }

    /// The projects the hosted supervisor runs now (what quitting would stop).
    func runningProjects() async -> [String] { await supervisor.runningProjects() }

    /// The control socket's request handler, which the HTTP API calls too.
    var control: ControlServer { supervisor.server }

    /// What the supervisor adopted and lost when it started.
    var adoption: (adopted: [String], lost: [String]) { (supervisor.adopted, supervisor.lost) }

    /// Asks every actor to finish (the recorder writes what is pending) and waits a little for it.
    /// `.keep` leaves the supervised projects running for a daemon to adopt (`DaemonHandover`).
    func stop(_ onExit: OnExit = .stop) async {
        discovery.withLock { $0 }?.stop()
        await memory.stop()
        await supervisor.stop(onExit)
        bus.send(.shutdown)
        await recorder.flush()
        bus.close()
        tasks.withLock { all in all.forEach { $0.cancel() }; all = [] }
    }
}

/// What a finished scan tells the rest of Vantage.
enum Workspace {
    static func publish(scan: ScanResult, roots: [String], duration: Duration, on bus: Bus) {
        let now = bus.clock.now
        bus.publish(.scanned(roots: roots, projects: scan.projects))
        let ms = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        bus.publish(.timeline(TimelineEntry(time: now, kind: .scan,
                                            text: "scanned \(roots.count == 1 ? roots[0] : WorkText.count(roots.count, "root")): \(WorkText.count(scan.projects.count, "project")) in \(String(format: "%.0f", ms)) ms")))
        for p in scan.projects {
            let ports = p.ports.isEmpty ? "" : " on port \(p.ports.map(String.init).joined(separator: ", "))"
            bus.publish(.timeline(TimelineEntry(time: now, kind: .detection, project: p.id,
                                                text: p.kinds.map(\.rawValue).joined(separator: ", ") + ports)))
        }
        for d in scan.diagnostics(at: now) { bus.publish(.diagnostic(d)) }
    }

    /// A scan after a change on disk: the new list, and a timeline entry per project found, gone
    /// or changed (its kinds or ports), not one per unchanged project.
    static func publish(change scan: ScanResult, from before: [Project], roots: [String], on bus: Bus) {
        let now = bus.clock.now
        bus.publish(.scanned(roots: roots, projects: scan.projects))
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Set(scan.projects.map(\.id))
        var touched = Set<ProjectID>()
        for p in scan.projects {
            let ports = p.ports.isEmpty ? "" : " on port \(p.ports.map(String.init).joined(separator: ", "))"
            let what = p.kinds.map(\.rawValue).joined(separator: ", ") + ports
            guard let was = old[p.id] else {
                touched.insert(p.id)
                bus.publish(.timeline(TimelineEntry(time: now, kind: .detection, project: p.id, text: "found: " + what)))
                continue
            }
            if was != p { touched.insert(p.id); bus.publish(.timeline(TimelineEntry(time: now, kind: .detection, project: p.id, text: "changed: " + what))) }
        }
        for p in before where !new.contains(p.id) {
            bus.publish(.timeline(TimelineEntry(time: now, kind: .detection, project: p.id, text: "gone: \(p.name) (its folder or manifest was removed)")))
        }
        // The problems of what changed (a manifest that no longer reads), not again those of the rest;
        // a scan warning names its file, not its project: it counts when the file is in a changed project's folder.
        let changedFolders = scan.projects.filter { touched.contains($0.id) }.map { $0.path + "/" }
        for d in scan.diagnostics(at: now)
        where d.project.map(touched.contains) ?? changedFolders.contains(where: d.source.hasPrefix) { bus.publish(.diagnostic(d)) }
    }
}
