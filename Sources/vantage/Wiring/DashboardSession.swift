import Foundation
import Synchronization
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageDocker
import VantageKnowledge
import VantageOrchestrator
import VantageProbes
import VantageStore

/// The actors behind the dashboard, wired to one bus: the /proc monitor, the store recorder, the
/// knowledge-graph layout, the error-pattern miner and the background code analyzer. Each subscribes before anything is
/// published, so no early event is missed.
final class DashboardSession: Sendable {
    private let bus: Bus
    private let monitor: Monitor
    private let recorder: StoreRecorder
    private let graph: GraphLayoutActor
    private let analyzer: AnalyzerActor
    private let memory: MemoryRecorder
    private let troubleshooter: TroubleshooterActor
    private let council: CouncilActor
    private let fixes: FixActor
    private let store: Store
    private let errors = ErrorPatternTracker()
    private let docker: DockerWatcher?
    private let compose: ComposeLauncher
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let paths: VantagePaths
    private let projects: [Project]
    private let supervisor = Mutex<SupervisorBridge?>(nil)

    /// The hosted supervisor's settings (the governor is opt-in: `[resources] governor = true`).
    private let supervisorOptions: SupervisorOptions

    init(bus: Bus, store: Store, paths: VantagePaths, projects: [Project], engines: [DockerEndpoint], interval: Duration,
         supervisorOptions: SupervisorOptions = SupervisorOptions()) {
        self.supervisorOptions = supervisorOptions
        self.bus = bus
        self.paths = paths
        self.projects = projects
        monitor = Monitor(bus: bus, projects: projects, interval: interval)
        recorder = StoreRecorder(store: store, bus: bus)
        graph = GraphLayoutActor(bus: bus)
        analyzer = AnalyzerActor(bus: bus, store: store)
        memory = MemoryRecorder(store: store)
        // Problems are read from the projects' logs with their manifests as they are now, the way
        // `vantage troubleshoot` reads them (ProjectProblems).
        troubleshooter = TroubleshooterActor(bus: bus, logs: paths.logs, current: TroubleshootingSources.current)
        council = CouncilActor(bus: bus, store: store)
        fixes = FixActor(bus: bus, store: store, applier: FixApplier(paths: paths), troubleshooter: troubleshooter)
        self.store = store
        var dockerOptions = DockerWatcher.Options()
        dockerOptions.interval = interval
        docker = engines.isEmpty ? nil : DockerWatcher(bus: bus, endpoints: engines, options: dockerOptions)
        // Always there: without an engine it answers each compose command with why it cannot run.
        compose = ComposeLauncher(bus: bus, endpoints: engines, projects: projects)
    }

    func start() {
        // Each actor subscribes to the kinds it reads, so a log line wakes only the log readers.
        let graphEvents = bus.events(GraphLayoutActor.eventKinds)
        let logEvents = bus.events([.log], capacity: 4096)
        let (analyzerEvents, analyzerCommands) = (bus.events(AnalyzerActor.eventKinds), bus.commands(AnalyzerActor.commandKinds))
        let (troubleshootEvents, councilEvents, councilCommands) = (bus.events(TroubleshooterActor.eventKinds, capacity: 4096),
                                                                    bus.events(CouncilActor.eventKinds), bus.commands(CouncilActor.commandKinds))
        let (monitor, recorder, graph, errors, bus) = (self.monitor, self.recorder, self.graph, self.errors, self.bus)
        add(Task { await monitor.run() })
        // Decisions (port reassignments, environment switches, fixes, council votes) are remembered.
        let (memory, store, scanned) = (self.memory, self.store, self.projects)
        add(Task { await memory.start(bus: bus) })
        // The workspace's knowledge graph is kept in the store for `vantage graph` and later runs.
        add(Task.detached(priority: .background) {
            var knowledge = (try? await store.loadKnowledgeGraph()) ?? KnowledgeGraph()
            knowledge.apply(projects: scanned)
            try? await store.saveGraph(knowledge)
        })
        add(Task { await recorder.run() })
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
        let compose = self.compose
        add(Task { await compose.run() })
        // The supervisor: hosted here, or the daemon's when one runs. A failure is shown, not fatal:
        // the dashboard still watches and analyses.
        let (paths, projects, supervisorOptions) = (self.paths, self.projects, self.supervisorOptions)
        add(Task {
            do {
                let bridge = try await SupervisorBridge.connect(paths: paths, bus: bus, workspace: projects, options: supervisorOptions)
                self.supervisor.withLock { $0 = bridge }
                if let server = bridge.controlServer { self.startScheduler(serving: server) }
                bus.publish(.timeline(TimelineEntry(time: Date(), kind: .state,
                                                    text: bridge.isHosting ? "supervisor started in this console" : "attached to the Vantage daemon")))
            } catch {
                bus.publish(.diagnostic(Diagnostic(time: Date(), severity: .error, source: "vantage",
                                                   message: "cannot start the supervisor: \(error)")))
            }
        })
        // New error templates in project output become troubleshooting entries.
        add(Task {
            for await case .log(let line) in logEvents {
                if let diagnostic = await errors.consume(line) { bus.publish(.diagnostic(diagnostic)) }
            }
        })
    }

    /// Scheduled jobs run where the supervisor runs: here when no daemon does (the daemon's otherwise).
    private func startScheduler(serving server: ControlServer) {
        let projects = self.projects
        let scheduler = ScheduledActionContext(bus: bus, paths: paths, projects: { projects }).scheduler(store: store)
        server.serve(scheduler)
        add(Task { await scheduler.run() })
    }

    /// Keeps a task the session owns, cancelled when it stops.
    private func add(_ task: Task<Void, Never>) { tasks.withLock { $0.append(task) } }

    /// True when this console runs the supervisor (quitting then decides what happens to the
    /// projects); false while attached to a daemon or before the supervisor is connected.
    var isHosting: Bool { supervisor.withLock { $0 }?.isHosting ?? false }

    /// The projects the console's own supervisor runs now (what quitting would stop).
    func runningProjects() async -> [String] { await supervisor.withLock { $0 }?.runningProjects() ?? [] }

    /// Asks every actor to finish (the recorder writes what is pending) and waits a little for it.
    /// `.keep` leaves the supervised projects running for a daemon to adopt (`DaemonHandover`).
    func stop(_ onExit: OnExit = .stop) async {
        await memory.stop()
        await supervisor.withLock { $0 }?.stop(onExit)
        bus.send(.shutdown)
        await recorder.flush()
        bus.close()
        tasks.withLock { all in all.forEach { $0.cancel() }; all = [] }
    }
}

/// What a finished scan tells the rest of Vantage.
enum Workspace {
    static func publish(scan: ScanResult, roots: [String], duration: Duration, on bus: Bus) {
        let now = Date()
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
}
