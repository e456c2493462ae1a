import VantageCore

/// Owns the workspace's knowledge graph and its layout, and keeps the Graph pane fed.
///
/// It re-applies projects on every `Event.scanned`, keeps the vulnerable packages of every
/// `Event.insight` as `vulnerability` nodes linked to the projects using them (`VulnerabilityLayer`),
/// ticks the layout while it is not settled (one tick per `tickInterval`), and publishes `Event.graph(snapshot)` at most once per
/// `publishInterval`, plus a final frame when the layout settles. Once settled it stops ticking
/// altogether, so an idle workspace costs no CPU; the next change warms it up again.
public actor GraphLayoutActor {
    private let bus: Bus
    private let tickInterval: Duration
    private let publishInterval: Duration
    public private(set) var graph = KnowledgeGraph()
    private var vulnerabilities = VulnerabilityLayer()
    private var layout: ForceLayout
    /// Each node's community (see `Communities`), recomputed when the graph changes.
    private var clusters: [String: Int] = [:]
    private var ticking: Task<Void, Never>?
    private let clock = ContinuousClock()

    /// Frames published so far (for tests and diagnostics).
    public private(set) var framesPublished = 0

    /// The projects of the last scan, with the ports they run on.
    private var projects: [Project] = []

    public init(bus: Bus, seed: UInt64 = 1, parameters: ForceLayoutParameters = ForceLayoutParameters(),
                tickInterval: Duration = .milliseconds(16), publishInterval: Duration = .milliseconds(100)) {
        self.bus = bus
        self.layout = ForceLayout(seed: seed, parameters: parameters)
        self.tickInterval = tickInterval
        self.publishInterval = publishInterval
    }

    /// The events `run` reads: subscribe with `bus.events(GraphLayoutActor.eventKinds)`.
    /// A case added to the event handler needs its kind here, or it never arrives.
    public static let eventKinds: Set<Event.Kind> = [.scanned, .insight, .portsInUse]

    /// Handles events until the stream ends. Subscribe before the first scan is published
    /// (`let events = bus.events(Self.eventKinds)`), then `Task { await actor.run(events: events) }`.
    public func run(events: AsyncStream<Event>) async {
        for await event in events {
            switch event {
            case .scanned(_, let projects): apply(projects: projects)
            case .insight(let insight): apply(vulnerablePackages: insight.dependencies.vulnerablePackages, of: insight.project)
            case let .portsInUse(project, ports): apply(ports: ports, of: project)
            default: break
            }
        }
        ticking?.cancel()
    }

    /// Brings the graph in line with the projects and starts the layout moving if anything changed.
    @discardableResult
    public func apply(projects: [Project]) -> GraphChange {
        self.projects = projects
        var change = graph.apply(projects: projects)
        vulnerabilities.keep(projects: Set(projects.map(\.id)))
        change.merge(vulnerabilities.apply(to: &graph))
        follow(change)
        return change
    }

    /// A project runs on other ports than it declares (the supervisor moved it off a busy one):
    /// its port nodes follow.
    @discardableResult
    public func apply(ports: [Int], of project: ProjectID) -> GraphChange {
        guard let i = projects.firstIndex(where: { $0.id == project }), projects[i].ports != ports else { return GraphChange() }
        var updated = projects
        updated[i].ports = ports
        return apply(projects: updated)
    }

    /// Replaces one project's vulnerable packages (from its latest analysis) and moves the layout if the graph changed.
    @discardableResult
    public func apply(vulnerablePackages: [ProjectInsight.VulnerablePackage], of project: ProjectID) -> GraphChange {
        vulnerabilities.set(vulnerablePackages, of: project)
        let change = vulnerabilities.apply(to: &graph)
        follow(change)
        return change
    }

    /// After the graph changed: the layout takes the new nodes and edges, clusters are found again
    /// and the simulation moves until it settles.
    private func follow(_ change: GraphChange) {
        guard !change.isEmpty else { return }
        layout.sync(with: graph)
        clusters = Communities.membership(graph)
        startTicking()
    }

    /// The current frame.
    public func snapshot() -> GraphSnapshot {
        var frame = layout.snapshot()
        for i in frame.nodes.indices { frame.nodes[i].cluster = clusters[frame.nodes[i].id] ?? 0 }
        return frame
    }

    public var isSettled: Bool { layout.isSettled }

    /// Whether the layout is currently being ticked (false when settled: idle costs nothing).
    public var isTicking: Bool { ticking != nil }

    private func startTicking() {
        guard ticking == nil else { return }
        ticking = Task { await self.tickUntilSettled() }
    }

    private func tickUntilSettled() async {
        var lastPublish: ContinuousClock.Instant?
        while !Task.isCancelled {
            layout.step()
            let now = clock.now
            if layout.isSettled {
                publish()
                break
            }
            if lastPublish.map({ now - $0 >= publishInterval }) ?? true {
                publish()
                lastPublish = now
            }
            try? await Task.sleep(for: tickInterval)
        }
        ticking = nil
    }

    private func publish() {
        bus.publish(.graph(snapshot()))
        framesPublished += 1
    }
}
