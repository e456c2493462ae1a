import Foundation
import VantageCore
import VantageStore

/// Listens to the bus for problems (error diagnostics and error lines of project output), asks
/// `TroubleshootingKB` what they mean, with the project's context when the project is known from
/// a scan, and publishes the answers as `Event.suggestions`. Each distinct problem text of a
/// project is matched once; texts nothing matches publish nothing.
public actor TroubleshooterActor {
    /// Words that make a line of output an error worth matching (as the Troubleshooting pane reads it).
    static let errorWords = ["error", "exception", "fatal", "panic", "traceback", "failed", "eaddrinuse", "refused",
                             "denied", "segmentation fault", "out of memory", "no space", "killed", "not set", "cannot find"]
    /// Problem texts remembered for the once-only rule; the oldest are forgotten beyond this.
    public static let memory = 4096

    private let bus: Bus
    private let learned: [LearnedFixRecord]
    private var projects: [ProjectID: Project] = [:]
    private var seen: Set<String> = []
    private var seenOrder: [String] = []
    /// Problem texts matched so far (for tests and diagnostics).
    public private(set) var matched = 0

    public init(bus: Bus, learned: [LearnedFixRecord] = []) {
        self.bus = bus
        self.learned = learned
    }

    /// Handles events until the stream ends. Subscribe first (`let events = bus.events()`).
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
        case .log(let line) where Self.isError(line.text):
            consider(line.text, project: line.project, source: line.project.rawValue)
        default: break
        }
    }

    static func isError(_ text: String) -> Bool {
        let t = text.lowercased()
        return errorWords.contains(where: t.contains)
    }

    private func consider(_ text: String, project: ProjectID?, source: String) {
        let key = (project?.rawValue ?? "") + "\u{0}" + text
        guard seen.insert(key).inserted else { return }
        seenOrder.append(key)
        if seenOrder.count > Self.memory { seen.remove(seenOrder.removeFirst()) }
        matched += 1
        let context = project.flatMap { projects[$0] }.map(ProjectContext.init)
            ?? ProjectContext(name: project.map { String($0.rawValue.split(separator: "/").last ?? "") } ?? source)
        let items = TroubleshootingKB.match(text, project: context, learned: learned).map { s in
            TroubleshootingAdvice(problem: text, title: s.title, explanation: s.explanation, confidence: s.confidence,
                                  automatedFix: s.automated?.name)
        }
        guard !items.isEmpty else { return }
        bus.publish(.suggestions(project: project, items: items))
    }
}
