import Foundation
import VantageCore
import VantageStore

/// Convenes the council from what the bus tells: restarts and crashes (state changes), CPU and
/// memory samples against the machine, and the analyzer's vulnerabilities, debt and hotspots.
/// Every `interval` (and on `Command.refresh`) it publishes the voted proposals as
/// `Event.council`. When the user accepts or rejects one (`Command.decide`) it publishes the
/// decision as a timeline entry and learns from it: advisors who backed an accepted proposal
/// count more, those who backed a rejected one count less (weights saved when a store is given).
public actor CouncilActor {
    /// Restarts older than this no longer count.
    public static let restartWindow: TimeInterval = 3600

    private let bus: Bus
    private let store: Store?
    private let interval: Duration
    public private(set) var council: Council
    private var names: [ProjectID: String] = [:]
    private var states: [ProjectID: RunState] = [:]
    private var restarts: [ProjectID: [Date]] = [:]
    private var samples: [ProjectID: ProjectSample] = [:]
    private var memTotal: UInt64 = 0
    private var cpuCount = 1
    private var insights: [ProjectID: ProjectInsight] = [:]
    /// The deliberations last published, to learn from when the user decides.
    private var last: [Deliberation] = []

    public init(bus: Bus, council: Council = Council(), store: Store? = nil, interval: Duration = .seconds(60)) {
        self.bus = bus
        self.council = council
        self.store = store
        self.interval = interval
    }

    /// Replaces the council (with weights loaded from the store).
    public func adopt(_ council: Council) { self.council = council }

    /// Handles events and commands until both streams end (subscribe to both before publishing).
    public func run(events: AsyncStream<Event>, commands: AsyncStream<Command>) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await e in events { await self.handle(e) } }
            group.addTask {
                for await c in commands {
                    if case .shutdown = c { return }
                    await self.handle(c)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: self.interval)
                    if Task.isCancelled { return }
                    await self.publish()
                }
            }
            await group.next()
            await group.next()
            group.cancelAll()
        }
    }

    /// Folds what the council needs from one event.
    public func handle(_ event: Event, at time: Date = Date()) {
        switch event {
        case .scanned(_, let list), .discovered(_, let list):
            for p in list { names[p.id] = p.name }
        case let .stateChanged(project, from, to):
            states[project] = to
            if Self.isRestart(from: from, to: to) {
                restarts[project, default: []].append(time)
                restarts[project] = restarts[project]!.filter { time.timeIntervalSince($0) <= Self.restartWindow }
            }
        case .systemSampled(let s):
            memTotal = s.memTotalBytes
            cpuCount = max(1, s.cpuCount)
        case .projectsSampled(let list):
            for s in list { samples[s.project] = s }
        case .insight(let i):
            insights[i.project] = i
        default: break
        }
    }

    /// A crash, a failure, a lost process or a restart of a running project.
    static func isRestart(from: RunState, to: RunState) -> Bool {
        switch to {
        case .backoff, .failed, .lost: return true
        case .starting: return from == .running || from == .ready
        default: return false
        }
    }

    public func handle(_ command: Command, at time: Date = Date()) async {
        switch command {
        case .refresh: publish(at: time)
        case let .decide(proposal, accepted): await decide(proposal, accepted: accepted, at: time)
        default: break
        }
    }

    /// What the council reads about every project it has heard of.
    public func health(at time: Date = Date()) -> [ProjectHealth] {
        let ids = Set(names.keys).union(restarts.keys).union(samples.keys).union(insights.keys)
        return ids.sorted().map { id in
            let recent = (restarts[id] ?? []).filter { time.timeIntervalSince($0) <= Self.restartWindow }.count
            let sample = samples[id]
            let memory = memTotal > 0 ? Double(sample?.rssBytes ?? 0) / Double(memTotal) : 0
            let cpu = (sample?.cpuPercent ?? 0) / 100 / Double(cpuCount)
            var h = ProjectHealth(project: id, name: names[id] ?? String(id.rawValue.split(separator: "/").last ?? ""), restarts: recent,
                                  memoryPressure: memory, cpuPressure: cpu)
            if let i = insights[id] {
                h.vulnerabilities = i.dependencies.vulnerablePackages.map {
                    ProjectHealth.Vulnerability(package: $0.name, severity: Self.severity($0.severity), fixedIn: $0.fixedIn)
                }
                h.debt = Self.debt(rating: i.debt.rating)
                h.hotspots = i.debt.hotspots.map { String($0.split(separator: " (").first ?? Substring($0)) }
            }
            return h
        }
    }

    static func severity(_ s: String) -> ProjectHealth.Vulnerability.Severity {
        ProjectHealth.Vulnerability.Severity(rawValue: s.lowercased()) ?? .medium
    }

    /// The debt rating as the council's 0...100 scale (A is little, E is much).
    static func debt(rating: String) -> Double {
        ["A": 10, "B": 30, "C": 50, "D": 70, "E": 90][rating.uppercased()] ?? 0
    }

    /// Deliberates now and returns the proposals as the screen shows them.
    public func proposals(at time: Date = Date()) -> [CouncilProposal] {
        last = council.deliberate(health(at: time))
        return last.map(Self.proposal)
    }

    /// Deliberates and publishes `Event.council`.
    public func publish(at time: Date = Date()) {
        bus.publish(.council(proposals(at: time)))
    }

    static func proposal(_ d: Deliberation) -> CouncilProposal {
        CouncilProposal(advisor: d.proposal.advisor.rawValue, project: d.proposal.project, projectName: d.proposal.projectName,
                        action: d.proposal.action.summary, rationale: d.proposal.rationale, score: d.score, passed: d.passed,
                        votes: d.votes.map { .init(advisor: $0.advisor.rawValue, value: $0.value, weight: $0.weight) })
    }

    /// Records the user's answer: a decision on the timeline, and the advisors' weights moved.
    func decide(_ p: CouncilProposal, accepted: Bool, at time: Date) async {
        let verdict = accepted ? "accepted" : "rejected"
        bus.publish(.timeline(TimelineEntry(time: time, kind: .decision, project: p.project,
                                            text: "user: council: \(p.action) for \(p.projectName) \(verdict) by user because \(p.rationale)")))
        guard let d = last.first(where: { Self.proposal($0).project == p.project && $0.proposal.advisor.rawValue == p.advisor
            && $0.proposal.action.summary == p.action }) else { return }
        council.learn(from: d, succeeded: accepted)
        if let store { try? await store.saveCouncil(council) }
        publish(at: time)
    }
}
