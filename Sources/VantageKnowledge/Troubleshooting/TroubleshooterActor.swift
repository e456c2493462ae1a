import Foundation
import VantageCore
import VantageStore

/// Listens to the bus for problems (error diagnostics and error lines of project output), asks
/// `TroubleshootingKB` what they mean, with the project's context when the project is known from
/// a scan, and publishes the answers as `Event.suggestions`. Each distinct problem text of a
/// project is matched once; texts nothing matches publish nothing.
public actor TroubleshooterActor {
    /// Problem texts remembered for the once-only rule; the oldest are forgotten beyond this.
    public static let memory = 4096

    private let bus: Bus
    private var learned: [LearnedFixRecord]
    private var projects: [ProjectID: Project] = [:]
    private var seen: Set<String> = []
    private var seenOrder: [String] = []
    /// Problem texts matched so far (for tests and diagnostics).
    public private(set) var matched = 0

    /// `$VANTAGE_HOME/logs`: where a project's problems are read from (`ProjectProblems`), as
    /// `vantage troubleshoot` reads them. Without it, each problem text is matched on its own.
    private let logs: String?
    /// The project as its folder says now (its manifest read again), so a dependency declared
    /// since the scan counts; identity when not given.
    private let current: @Sendable (Project) -> Project

    public init(bus: Bus, learned: [LearnedFixRecord] = [], logs: String? = nil,
                current: @escaping @Sendable (Project) -> Project = { $0 }) {
        self.bus = bus
        self.learned = learned
        self.logs = logs
        self.current = current
    }

    /// Takes learned fixes (from the store at start, or after a fix's outcome is recorded): later
    /// matches use their confidence and carry their confidence history.
    public func learn(_ records: [LearnedFixRecord]) {
        for r in records {
            learned.removeAll { $0.signature == r.signature && $0.fix == r.fix }
            learned.append(r)
        }
    }

    /// The advice the screen shows for `suggestion` of problem `text`.
    public static func advice(_ s: Suggestion, problem text: String, learned: [LearnedFixRecord]) -> TroubleshootingAdvice {
        let history = s.automated.flatMap { fix in learned.first { $0.signature == s.signature && $0.fix == fix.name } }?
            .history.map(\.confidence) ?? []
        return TroubleshootingAdvice(problem: text, title: s.title, explanation: s.explanation, confidence: s.confidence,
                                     automatedFix: s.automated?.name, fixArgument: s.automated?.argument, history: history,
                                     kind: s.problem.rawValue)
    }

    /// Matches `text` again with what is learned now and publishes the answers (after a fix's
    /// outcome moved a confidence, so the screen shows the new one).
    public func rematch(_ text: String, project: ProjectID?) {
        let context = project.flatMap { projects[$0] }.map(current).map(ProjectContext.init)
            ?? ProjectContext(name: project.map { String($0.rawValue.split(separator: "/").last ?? "") } ?? "")
        let items = TroubleshootingKB.match(text, project: context, learned: learned).map {
            Self.advice($0, problem: text, learned: learned)
        }
        if !items.isEmpty { bus.publish(.suggestions(project: project, items: items)) }
    }

    /// The project of a scan, by id, as its folder says now (nil before a scan lists it).
    public func project(_ id: ProjectID) -> Project? { projects[id].map(current) }

    /// The events `handle` reads: subscribe with `bus.events(TroubleshooterActor.eventKinds)`.
    /// A case added to the event handler needs its kind here, or it never arrives.
    public static let eventKinds: Set<Event.Kind> = [.scanned, .discovered, .diagnostic, .log]

    /// Handles events until the stream ends. Subscribe first (`bus.events(Self.eventKinds)`).
    public func run(events: AsyncStream<Event>) async {
        for await event in events { handle(event) }
    }

    /// Folds one event; publishes suggestions when it is a new problem the knowledge base recognises.
    public func handle(_ event: Event) {
        switch event {
        case .scanned(_, let list), .discovered(_, let list):
            for p in list { projects[p.id] = p }
        case .diagnostic(let d) where d.severity == .error:
            consider(d.message, project: d.project, source: d.source)
        case .log(let line) where LogSeverity.isError(line.text):
            consider(line.text, project: line.project, source: line.project.rawValue)
        default: break
        }
    }

    private func consider(_ text: String, project: ProjectID?, source: String) {
        let key = (project?.rawValue ?? "") + "\u{0}" + text
        guard seen.insert(key).inserted else { return }
        seenOrder.append(key)
        if seenOrder.count > Self.memory { seen.remove(seenOrder.removeFirst()) }
        matched += 1
        let known = project.flatMap { projects[$0] }.map(current)
        let context = known.map(ProjectContext.init)
            ?? ProjectContext(name: project.map { String($0.rawValue.split(separator: "/").last ?? "") } ?? source)
        var items = TroubleshootingKB.match(text, project: context, learned: learned).map {
            Self.advice($0, problem: text, learned: learned)
        }
        // The project's problems as `vantage troubleshoot` finds them, from the same log.
        if let logs, let known {
            let logFile = ProjectLogFile.path(forProject: known.name, in: logs)
            let fromLog = ProjectProblems.find(logFile: logFile, project: context, learned: learned)
                .map { Self.advice($0, problem: $0.evidence, learned: learned) }
            items += fromLog.filter { found in !items.contains { $0.title == found.title } }
        }
        guard !items.isEmpty else { return }
        bus.publish(.suggestions(project: project, items: items))
    }
}
