import Foundation
import VantageCore
import VantageDependencies
import VantageStore

/// The dashboard's analyzer: after each scan it analyses every folder project in the background,
/// one at a time at the lowest priority, and publishes `Event.insight`. It polls the projects'
/// source files every few seconds and analyses a project again once its files have changed and
/// then stayed unchanged for the debounce time. Vulnerable dependencies become `.diagnostic`s
/// (each message once per project). With a store, the last run's insights are shown at once
/// while the new analyses run, and each coverage report read is added to the project's coverage
/// history, which the insight carries as `coverageTrend` for the sparkline.
///
/// Nothing here runs before the scan is published, and the heavy work runs in detached
/// background tasks, so it never delays the first frame or the UI.
public actor AnalyzerActor {
    public struct Options: Sendable {
        public var builder = InsightBuilder.Options()
        /// How often source files are checked for changes.
        public var pollInterval: Duration = .seconds(3)
        /// How long files must stay unchanged before a new analysis starts.
        public var debounce: Duration = .seconds(2)
        /// Wait before the first analysis, so the first frames are drawn with the machine to themselves.
        public var startDelay: Duration = .seconds(1)
        /// The advisory database; nil means `AdvisoryDatabase.defaultPath()`. Used only if the file exists.
        public var advisoryDatabasePath: String?
        public init() {}
    }

    let bus: Bus
    private let options: Options
    private let store: Store?
    private var restored = false
    let clock: any VantageClock
    var projects: [ProjectID: Project] = [:]
    private var queue: [ProjectID] = []
    private var inProgress: ProjectID?
    private var analysed: [ProjectID: SourceFingerprint] = [:]
    private var pending: [ProjectID: (fingerprint: SourceFingerprint, since: Date)] = [:]
    private var reported: [ProjectID: Set<String>] = [:]
    private var database: AdvisoryDatabase?
    /// The last insight published per project, and the newer versions last asked for (kept across analyses).
    var lastInsights: [ProjectID: ProjectInsight] = [:]
    var outdated: [ProjectID: (rows: [DependencyDetails.Outdated], summary: String)] = [:]
    private var worker: Task<Void, Never>?
    private var poller: Task<Void, Never>?
    private var waitedToStart = false

    /// Analyses finished so far (for tests and diagnostics).
    public private(set) var analysesDone = 0

    /// True once the first projects have been analysed and nothing is queued or running.
    public var isIdleAfterFirstPass: Bool { analysesDone > 0 && queue.isEmpty && worker == nil }

    public init(bus: Bus, clock: any VantageClock, store: Store? = nil, options: Options = Options()) {
        self.bus = bus
        self.clock = clock
        self.store = store
        self.options = options
    }

    /// What the analyzer reads and answers: subscribe with `bus.events(AnalyzerActor.eventKinds)`
    /// and `bus.commands(AnalyzerActor.commandKinds)`.
    /// A case added to the event handler needs its kind here, or it never arrives.
    public static let eventKinds: Set<Event.Kind> = [.scanned]
    public static let commandKinds: Set<Command.Kind> = [.checkOutdated]

    /// Handles events until the stream ends. Subscribe before the first scan is published
    /// (`let events = bus.events(Self.eventKinds)`), then `Task { await analyzer.run(events: events) }`.
    public func run(events: AsyncStream<Event>) async {
        for await event in events {
            if case .scanned(_, let projects) = event { apply(projects: projects) }
        }
        worker?.cancel()
        poller?.cancel()
    }

    /// Takes the projects of a scan: containers are left out; every folder project is queued.
    public func apply(projects list: [Project]) {
        let folders = list.filter { $0.engine == nil }
        projects = Dictionary(folders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        analysed = analysed.filter { projects[$0.key] != nil }
        pending = pending.filter { projects[$0.key] != nil }
        queue = queue.filter { projects[$0] != nil }
        for p in folders.sorted(by: { $0.name < $1.name }) where !queue.contains(p.id) { queue.append(p.id) }
        if !restored, let store {
            restored = true
            let (bus, ids) = (self.bus, Set(projects.keys))
            Task {
                // The last run's figures, until the new ones arrive; a failed read only means none are shown.
                guard let stored = try? await store.latestInsights() else { return }
                for (id, var insight) in stored.sorted(by: { $0.key < $1.key }) where ids.contains(id) {
                    guard self.analysed[id] == nil else { continue }
                    insight.status = "from the last run (\(insight.status)); analysing again"
                    bus.publish(.insight(insight))
                }
            }
        }
        startWorker()
        if poller == nil {
            let (interval, clock) = (options.pollInterval, clock)
            poller = Task { [weak self] in
                while !Task.isCancelled {
                    try? await clock.sleep(for: interval)
                    guard let self else { return }
                    await self.poll()
                }
            }
        }
    }

    private func startWorker() {
        guard worker == nil, !queue.isEmpty else { return }
        worker = Task { [weak self] in
            await self?.drain()
        }
    }

    private func drain() async {
        if !waitedToStart {
            waitedToStart = true
            try? await clock.sleep(for: options.startDelay)
        }
        while !Task.isCancelled, !queue.isEmpty {
            let id = queue.removeFirst()
            guard let project = projects[id] else { continue }
            inProgress = id
            let (builder, clock) = (InsightBuilder(options: options.builder, database: openDatabase()), clock)
            // The fingerprint is taken first, so a change made during the analysis is seen by the next poll.
            let result = await Task.detached(priority: .background) {
                (SourceFingerprint.of(project.path, options: builder.options.quality), builder.analyze(project, now: { clock.now }))
            }.value
            inProgress = nil
            guard projects[id] != nil else { continue }
            analysed[id] = result.0
            analysesDone += 1
            var insight = result.1.insight
            if let store { insight.coverageTrend = await Self.recordCoverage(result.1.coverage, of: id, in: store, at: clock.now) }
            publish(insight)
            if let scan = result.1.vulnerabilities { publishVulnerabilities(scan, of: project) }
        }
        worker = nil
    }

    /// Adds the coverage report just read to the project's history and returns the history's line
    /// coverage, oldest first (nil when there is none). A store that fails only costs the sparkline.
    static func recordCoverage(_ located: LocatedCoverage?, of project: ProjectID, in store: Store, at time: Date) async -> [Double]? {
        if let located { _ = try? await store.record(coverage: located.sample(project: project, recorded: time)) }
        guard let history = try? await store.coverageHistory(of: project), !history.isEmpty else { return nil }
        return history.compactMap(\.linePercent)
    }

    /// Publishes an insight, with the newer versions last looked up for its project.
    func publish(_ insight: ProjectInsight) {
        var insight = insight
        if let o = outdated[insight.project] {
            insight.dependencies.details?.outdated = o.rows
            insight.dependencies.outdated = o.summary
        }
        lastInsights[insight.project] = insight
        bus.publish(.insight(insight))
    }

    /// Vulnerable packages as diagnostics, each message once per project.
    private func publishVulnerabilities(_ scan: VulnerabilityScan, of project: Project) {
        let all = VulnerabilityGraph.diagnostics(scan, at: clock.now)
        for var d in all.prefix(scan.findings.count) {
            guard reported[project.id, default: []].insert(d.message).inserted else { continue }
            d.project = project.id
            bus.publish(.diagnostic(d))
        }
    }

    /// The database at the configured or default path, if one was imported there.
    private func openDatabase() -> AdvisoryDatabase? {
        if let database { return database }
        let path = options.advisoryDatabasePath ?? AdvisoryDatabase.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        database = try? AdvisoryDatabase(path: path)
        return database
    }

    /// Queues the projects whose files changed and have since been quiet for the debounce time.
    private func poll() async {
        let candidates = projects.values.filter { analysed[$0.id] != nil && $0.id != inProgress && !queue.contains($0.id) }
        guard !candidates.isEmpty else { return }
        let quality = options.builder.quality
        let fingerprints = await Task.detached(priority: .background) {
            candidates.map { ($0.id, SourceFingerprint.of($0.path, options: quality)) }
        }.value
        let now = clock.now
        for (id, fp) in fingerprints {
            guard let last = analysed[id] else { continue }
            if fp == last {
                pending[id] = nil
            } else if let p = pending[id], p.fingerprint == fp {
                if now.timeIntervalSince(p.since) >= options.debounce.seconds {
                    pending[id] = nil
                    queue.append(id)
                }
            } else {
                pending[id] = (fp, now)
            }
        }
        startWorker()
    }
}
