import Foundation
import VantageCore
import VantageFormats

/// Evaluates the alert rules of `vantage.toml` (`[[alerts]]`) where the projects run: on the
/// daemon, or in a console that hosts the actors. At every monitor sample it computes each rule's
/// value for each project it covers; a condition that has held for its `for` duration fires once
/// (a warning in the Troubleshooting pane and an `alert` entry on the timeline, which notifications
/// read), and when it stops holding the alert is resolved (said on the timeline and in the pane).
public actor AlertWatch {
    /// A rule as the watch applies it.
    public struct Rule: Sendable, Equatable {
        public var condition: AlertCondition
        /// The project's name; nil: every project.
        public var project: String?

        public init(condition: AlertCondition, project: String? = nil) {
            self.condition = condition
            self.project = project
        }
    }

    /// The event kinds `run(events:)` reads. Log lines only when a rule counts errors.
    public static func eventKinds(for rules: [Rule]) -> Set<Event.Kind> {
        var kinds: Set<Event.Kind> = [.projectsSampled, .systemSampled, .stateChanged, .scanned, .discovered]
        if rules.contains(where: { $0.condition.metric == .errors }) { kinds.insert(.log) }
        if rules.contains(where: { $0.condition.metric == .newVulnerability }) { kinds.insert(.insight) }
        return kinds
    }

    private struct Key: Hashable {
        var rule: Int
        var project: ProjectID
    }

    private struct Watch {
        /// Since when the condition has held without a break.
        var since: Date?
        var firing = false
    }

    private let bus: Bus
    private let clock: any VantageClock
    private let rules: [Rule]
    /// The health the grid and `vantage ps` show (the supervisor's), nil when it does not run.
    private let health: @Sendable (ProjectID) async -> Int?
    private var names: [ProjectID: String] = [:]
    private var watches: [Key: Watch] = [:]
    private var machineMemory: UInt64?
    /// When each project went into backoff (a crash the supervisor restarts), the last hour's.
    private var crashes: [ProjectID: [Date]] = [:]
    /// Error lines per project and second, the last minute's.
    private var errorSeconds: [ProjectID: [(second: Int, count: Int)]] = [:]
    /// Vulnerable dependencies each analysis adds or drops (`new vulnerability` rules).
    private var vulnerabilities = VulnerabilityChanges()
    /// The dependencies whose `new vulnerability` alert is firing, by rule and project.
    private var firingVulnerabilities: Set<String> = []

    public init(bus: Bus, clock: any VantageClock, rules: [Rule], health: @escaping @Sendable (ProjectID) async -> Int?) {
        self.bus = bus
        self.clock = clock
        self.rules = rules
        self.health = health
    }

    public func run(events: AsyncStream<[Event]>) async {
        for await batch in events { await handle(batch) }
    }

    /// One batch of the bus's events, in order; the rules are evaluated once per batch that holds samples.
    func handle(_ batch: [Event]) async {
        var samples: [ProjectSample] = []
        for event in batch {
            switch event {
            case .scanned(_, let projects), .discovered(_, let projects):
                for p in projects { names[p.id] = p.name }
            case .systemSampled(let sample):
                machineMemory = sample.memTotalBytes
            case .stateChanged(let project, _, let to) where to == .backoff:
                crashes[project, default: []].append(clock.now)
            case .log(let line) where LogSeverity.isError(line.text):
                countError(line)
            case .projectsSampled(let list):
                samples += list
            case .insight(let insight):
                vulnerabilityChanged(insight)
            default:
                break
            }
        }
        if !samples.isEmpty { await evaluate(samples) }
    }

    private func countError(_ line: LogLine) {
        let second = Int(line.time.timeIntervalSince1970.rounded(.down))
        var list = errorSeconds[line.project, default: []]
        if let last = list.last, last.second == second { list[list.count - 1].count += 1 } else { list.append((second, 1)) }
        errorSeconds[line.project] = list
    }

    /// Each rule against each sampled project it covers.
    private func evaluate(_ samples: [ProjectSample]) async {
        let now = clock.now
        prune(now: now)
        for (index, rule) in rules.enumerated() where rule.condition.metric != .newVulnerability {
            for sample in samples {
                let name = names[sample.project] ?? sample.project.displayName
                if let wanted = rule.project, wanted != name { continue }
                let value = await self.value(of: rule.condition, sample: sample)
                let holds = value.map { rule.condition.comparison.holds($0, rule.condition.threshold) } ?? false
                let key = Key(rule: index, project: sample.project)
                var watch = watches[key] ?? Watch()
                if holds {
                    let since = watch.since ?? now
                    watch.since = since
                    if !watch.firing, now.timeIntervalSince(since) >= rule.condition.sustained {
                        watch.firing = true
                        fire(rule, project: sample.project, name: name, value: value, since: since)
                    }
                } else {
                    watch.since = nil
                    if watch.firing {
                        watch.firing = false
                        resolve(rule, project: sample.project, name: name, value: value)
                    }
                }
                watches[key] = watch
            }
        }
    }

    /// The rule's metric for one project now; nil when it has none (cpu of a stopped project).
    private func value(of condition: AlertCondition, sample: ProjectSample) async -> Double? {
        switch condition.metric {
        case .cpu:
            return sample.state.isUp ? sample.cpuPercent : nil
        case .memory:
            guard sample.state.isUp else { return nil }
            guard condition.memoryUnit == .percentOfMachine else { return Double(sample.rssBytes) }
            guard let total = machineMemory, total > 0 else { return nil }
            return Double(sample.rssBytes) / Double(total) * 100
        case .restarts:
            return Double(crashes[sample.project]?.count ?? 0)
        case .errors:
            return Double(errorSeconds[sample.project]?.reduce(0) { $0 + $1.count } ?? 0)
        case .health:
            return await health(sample.project).map(Double.init)
        case .newVulnerability:
            return nil
        }
    }

    /// `new vulnerability` rules: each dependency an analysis adds fires, and is resolved when a
    /// later analysis drops it (one of the baseline, which never fired, resolves nothing).
    /// The warning names the dependency, so resolving one leaves the others' warnings in place.
    private func vulnerabilityChanged(_ insight: ProjectInsight) {
        guard let change = vulnerabilities.update(insight) else { return }
        let name = names[insight.project] ?? insight.project.displayName
        let now = clock.now
        var events: [Event] = []
        for (index, rule) in rules.enumerated() where rule.condition.metric == .newVulnerability && (rule.project == nil || rule.project == name) {
            func key(_ p: ProjectInsight.VulnerablePackage) -> String { "\(index) \(insight.project.rawValue) \(VulnerabilityChanges.key(p))" }
            for p in change.added where firingVulnerabilities.insert(key(p)).inserted {
                let what = "\(rule.condition.text) \(p.name) \(p.version)"
                events.append(.diagnostic(Diagnostic(time: now, severity: .warning, source: Diagnostic.alertSource, project: insight.project,
                                                     message: "\(what) (\(name): \(VulnerabilityChanges.describe(p)))")))
                events.append(.timeline(TimelineEntry(time: now, kind: .alert, project: insight.project, text: "fired: new vulnerability: \(VulnerabilityChanges.describe(p))")))
            }
            for p in change.removed where firingVulnerabilities.remove(key(p)) != nil {
                let what = "\(rule.condition.text) \(p.name) \(p.version)"
                events.append(.diagnostic(Diagnostic(time: now, severity: .info, source: Diagnostic.alertSource, project: insight.project,
                                                     message: "resolved: \(what) (\(name): no longer listed)")))
                events.append(.timeline(TimelineEntry(time: now, kind: .alert, project: insight.project, text: "resolved: new vulnerability: \(p.name) \(p.version) no longer listed")))
            }
        }
        bus.publish(contentsOf: events)
    }

    private func prune(now: Date) {
        let hourAgo = now.addingTimeInterval(-3600)
        for (project, times) in crashes { crashes[project] = times.filter { $0 > hourAgo } }
        let minuteAgo = Int(now.timeIntervalSince1970.rounded(.down)) - 60
        for (project, seconds) in errorSeconds { errorSeconds[project] = seconds.filter { $0.second > minuteAgo } }
    }

    private func fire(_ rule: Rule, project: ProjectID, name: String, value: Double?, since: Date) {
        let now = clock.now
        let shown = Self.format(value, rule.condition)
        let held = rule.condition.sustained > 0 ? ", held \(Int(now.timeIntervalSince(since).rounded())) s" : ""
        bus.publish(contentsOf: [
            .diagnostic(Diagnostic(time: now, severity: .warning, source: Diagnostic.alertSource, project: project,
                                   message: "\(rule.condition.text) (\(name) at \(shown)\(held))")),
            .timeline(TimelineEntry(time: now, kind: .alert, project: project, text: "fired: \(rule.condition.text) (\(shown))")),
        ])
    }

    private func resolve(_ rule: Rule, project: ProjectID, name: String, value: Double?) {
        let now = clock.now
        let shown = value.map { "now " + Self.format($0, rule.condition) } ?? "not running"
        bus.publish(contentsOf: [
            .diagnostic(Diagnostic(time: now, severity: .info, source: Diagnostic.alertSource, project: project,
                                   message: "resolved: \(rule.condition.text) (\(name) \(shown))")),
            .timeline(TimelineEntry(time: now, kind: .alert, project: project, text: "resolved: \(rule.condition.text) (\(shown))")),
        ])
    }

    /// "93%", "612M", "4 restarts", "12 errors", "health 41".
    static func format(_ value: Double?, _ condition: AlertCondition) -> String {
        guard let value else { return "n/a" }
        switch condition.metric {
        case .cpu: return String(format: "%.0f%%", value)
        case .memory: return condition.memoryUnit == .percentOfMachine ? String(format: "%.0f%% of memory", value) : ByteCount.format(UInt64(value))
        case .restarts: return "\(Int(value)) restart\(Int(value) == 1 ? "" : "s") in the last hour"
        case .errors: return "\(Int(value)) error line\(Int(value) == 1 ? "" : "s") in the last minute"
        case .health: return "health \(Int(value))"
        case .newVulnerability: return "n/a"
        }
    }
}
