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
    /// Where the council reads the time and waits between deliberations.
    private let clock: any VantageClock
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
    /// What the troubleshooter diagnosed per project (cleared when the project is ready again).
    private var diagnoses: [ProjectID: [ProjectHealth.Diagnosis]] = [:]
    /// Each proposal's place in its life once the user answered: a vote counts once.
    private var lifecycle: [Key: (status: CouncilProposal.Status, outcome: String?)] = [:]
    /// Accepted proposals carried out and waiting for their outcome, by project.
    private var awaiting: [ProjectID: (key: Key, deliberation: Deliberation, since: Date)] = [:]

    /// A proposal's identity across deliberations: project, advisor and action.
    struct Key: Hashable, Sendable {
        var project: ProjectID
        var advisor: String
        var action: String
        init(_ p: CouncilProposal) { (project, advisor, action) = (p.project, p.advisor, p.action) }
        init(_ d: Deliberation) { (project, advisor, action) = (d.proposal.project, d.proposal.advisor.rawValue, d.proposal.action.summary) }
    }

    public init(bus: Bus, council: Council = Council(), store: Store? = nil, interval: Duration = .seconds(60),
                clock: any VantageClock) {
        self.clock = clock
        self.bus = bus
        self.council = council
        self.store = store
        self.interval = interval
    }

    /// Replaces the council (with weights loaded from the store).
    public func adopt(_ council: Council) { self.council = council }

    /// What `handle` reads and answers: subscribe with `bus.events(CouncilActor.eventKinds)` and
    /// `bus.commands(CouncilActor.commandKinds)`.
    /// A case added to `handle(_ event:)` needs its kind here, or it never arrives.
    public static let eventKinds: Set<Event.Kind> = [.scanned, .discovered, .stateChanged, .suggestions, .systemSampled, .projectsSampled, .insight]
    public static let commandKinds: Set<Command.Kind> = [.refresh, .decide, .shutdown]

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
                    try? await self.clock.sleep(for: self.interval)
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
    public func handle(_ event: Event, at moment: Date? = nil) {
        let time = moment ?? clock.now
        switch event {
        case .scanned(_, let list), .discovered(_, let list):
            for p in list { names[p.id] = p.name }
        case let .stateChanged(project, from, to):
            states[project] = to
            if Self.isRestart(from: from, to: to) {
                restarts[project, default: []].append(time)
                restarts[project] = restarts[project]!.filter { time.timeIntervalSince($0) <= Self.restartWindow }
            }
            if to == .ready { diagnoses[project] = nil }
            judgeOutcome(project, reached: to, at: time)
        case let .suggestions(project?, items):
            let found = items.compactMap { a in a.kind.flatMap(ProblemKind.init(rawValue:)).map { ProjectHealth.Diagnosis(kind: $0, title: a.title) } }
            let known = diagnoses[project] ?? []
            diagnoses[project] = known + found.filter { !known.contains($0) }
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

    public func handle(_ command: Command, at moment: Date? = nil) async {
        let time = moment ?? clock.now
        switch command {
        case .refresh: publish(at: time)
        case let .decide(proposal, accepted): await decide(proposal, accepted: accepted, at: time)
        default: break
        }
    }

    /// What the council reads about every project it has heard of.
    public func health(at moment: Date? = nil) -> [ProjectHealth] {
        let time = moment ?? clock.now
        let ids = Set(names.keys).union(restarts.keys).union(samples.keys).union(insights.keys)
        return ids.sorted().map { id in
            let recent = (restarts[id] ?? []).filter { time.timeIntervalSince($0) <= Self.restartWindow }.count
            let sample = samples[id]
            let memory = memTotal > 0 ? Double(sample?.rssBytes ?? 0) / Double(memTotal) : 0
            let cpu = (sample?.cpuPercent ?? 0) / 100 / Double(cpuCount)
            var h = ProjectHealth(project: id, name: names[id] ?? String(id.rawValue.split(separator: "/").last ?? ""), restarts: recent,
                                  memoryPressure: memory, cpuPressure: cpu)
            h.diagnoses = diagnoses[id] ?? []
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

    /// Deliberates now and returns the proposals as the screen shows them, each with its place in
    /// its life. Answered proposals stay listed (with their status) until the council stops
    /// proposing them.
    public func proposals(at moment: Date? = nil) -> [CouncilProposal] {
        let time = moment ?? clock.now
        last = council.deliberate(health(at: time))
        return last.map { d in
            var p = Self.proposal(d)
            if let known = lifecycle[Key(d)] { (p.status, p.outcome) = known }
            return p
        }
    }

    /// Deliberates and publishes `Event.council`.
    public func publish(at moment: Date? = nil) {
        let time = moment ?? clock.now
        bus.publish(.council(proposals(at: time)))
    }

    static func proposal(_ d: Deliberation) -> CouncilProposal {
        CouncilProposal(advisor: d.proposal.advisor.rawValue, project: d.proposal.project, projectName: d.proposal.projectName,
                        action: d.proposal.action.summary, rationale: d.proposal.rationale, score: d.score, passed: d.passed,
                        votes: d.votes.map { .init(advisor: $0.advisor.rawValue, value: $0.value, weight: $0.weight) })
    }

    /// Records the user's answer, once per proposal: a decision on the timeline; a rejection
    /// moves the advisors' weights at once, an acceptance carries the action out (through the same
    /// command as its key: `R` for a restart) and the weights move when its outcome is known.
    func decide(_ p: CouncilProposal, accepted: Bool, at time: Date) async {
        let key = Key(p)
        if let known = lifecycle[key] {
            bus.publish(.timeline(TimelineEntry(time: time, kind: .decision, project: p.project,
                                                text: "council: \(p.action) for \(p.projectName) is already \(known.status.rawValue); a vote counts once")))
            return
        }
        let verdict = accepted ? "accepted" : "rejected"
        bus.publish(.timeline(TimelineEntry(time: time, kind: .decision, project: p.project,
                                            text: "user: council: \(p.action) for \(p.projectName) \(verdict) by user because \(p.rationale)")))
        let deliberation = last.first { Key($0) == key }
        guard accepted else {
            lifecycle[key] = (.rejected, nil)
            if let deliberation { council.learn(from: deliberation, succeeded: false) }
            if let store { try? await store.saveCouncil(council) }
            publish(at: time)
            return
        }
        switch deliberation?.proposal.action {
        case .restartWithBackoff?:
            lifecycle[key] = (.carriedOut, "restart sent; waiting for \(p.projectName) to be ready")
            if let deliberation { awaiting[p.project] = (key, deliberation, time) }
            bus.send(.restart(p.project))
        case let action?:
            lifecycle[key] = (.accepted, "to do by hand: " + Self.byHand(action, p.projectName))
        case nil:
            lifecycle[key] = (.accepted, "to do by hand: \(p.action)")
        }
        publish(at: time)
    }

    /// What the user does for an action Vantage does not carry out itself.
    static func byHand(_ action: ProposedAction, _ name: String) -> String {
        switch action {
        case .upgradeDependency(let package, let to): "upgrade \(package)\(to.map { " to \($0)" } ?? "") in \(name)'s manifest and reinstall (D lists its dependencies)"
        case .raiseMemoryLimit: "raise \(name)'s memory limit (vantage limit \(name) --memory SIZE)"
        case .investigateCrashes: "read \(name)'s output (L) and the Troubleshooting pane for the cause"
        case .refactorHotspot(let file): "refactor \(file)"
        case .restartWithBackoff: "restart \(name) (R)"
        }
    }

    /// An accepted restart worked when the project reaches `ready`, and failed when it fails,
    /// backs off or is lost again; either way the advisors learn from it once.
    func judgeOutcome(_ project: ProjectID, reached state: RunState, at time: Date) {
        guard let pending = awaiting[project] else { return }
        let worked: Bool
        switch state {
        case .ready: worked = true
        case .failed, .backoff, .lost: worked = false
        default: return
        }
        awaiting[project] = nil
        let seconds = Int(time.timeIntervalSince(pending.since).rounded())
        lifecycle[pending.key] = worked ? (.worked, "restarted; ready after \(seconds) s") : (.failed, "restarted, but it is \(state.rawValue) again")
        council.learn(from: pending.deliberation, succeeded: worked)
        let store = self.store, council = self.council
        if let store { Task { try? await store.saveCouncil(council) } }
        bus.publish(.timeline(TimelineEntry(time: time, kind: .decision, project: project,
                                            text: "council: \(pending.key.action) for \(names[project] ?? project.rawValue) \(worked ? "worked" : "did not help")")))
        publish(at: time)
    }
}
