import VantageCore

/// The troubleshooting advice the screen shows: the most confident suggestion per problem text
/// (under the problem in the Troubleshooting pane) and each project's suggestions (in its
/// details). Bounded: at most `maxProblems` problem texts and `perProject` suggestions a project.
public struct AdviceBook: Sendable, Equatable {
    public static let maxProblems = 600
    public static let perProject = 8

    /// The most confident suggestion for each problem text.
    public private(set) var top: [String: TroubleshootingAdvice] = [:]
    /// Problem texts in the order they arrived (to forget the oldest).
    private var order: [String] = []
    /// Each project's suggestions, newest first, one per title.
    public private(set) var byProject: [ProjectID: [TroubleshootingAdvice]] = [:]

    public init() {}

    public mutating func add(_ items: [TroubleshootingAdvice], project: ProjectID?) {
        for item in items {
            if let current = top[item.problem] {
                // The same suggestion with a longer learned history is an update: a fix's outcome moved
                // its confidence, up or down. Otherwise the more confident suggestion stays.
                let learnedMore = item.title == current.title && item.history.count > current.history.count
                if learnedMore || item.confidence > current.confidence { top[item.problem] = item }
            } else {
                top[item.problem] = item
                order.append(item.problem)
            }
        }
        while order.count > Self.maxProblems { top[order.removeFirst()] = nil }
        guard let project, !items.isEmpty else { return }
        let fresh = items.sorted { $0.confidence > $1.confidence }
        let titles = Set(fresh.map(\.title))
        byProject[project] = Array((fresh + (byProject[project] ?? []).filter { !titles.contains($0.title) }).prefix(Self.perProject))
    }

    /// Forgets the suggestions of projects that are no longer listed.
    public mutating func keep(projects ids: Set<ProjectID>) {
        byProject = byProject.filter { ids.contains($0.key) }
    }
}
