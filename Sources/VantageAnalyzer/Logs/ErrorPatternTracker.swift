import Foundation
import VantageCore

/// An error template seen in a project's output, for the Troubleshooting pane.
public struct ErrorPattern: Codable, Sendable, Equatable {
    public var project: ProjectID
    public var cluster: LogClusterID
    /// The template (values as `<*>`), as it stands now.
    public var template: String
    /// The first line that created the pattern, as written.
    public var example: String
    public var count: Int
    public var firstSeen: Date
    public var lastSeen: Date
    /// Times a recovery (a successful restart or fix) followed an occurrence.
    public var recoveries: Int
    public var lastRecovered: Date?

    /// Occurrences of this pattern have been followed by a successful restart or fix.
    public var isSuccessPattern: Bool { recoveries > 0 }
}

/// Turns projects' output into troubleshooting knowledge: for lines that look like errors
/// (`LogSeverity`) it mines templates per project (the same miner as `vantage analyze
/// logs`), keeps counts and first/last seen per template, emitting a `Diagnostic` the first time a template
/// is seen. When the project then recovers (`noteRecovered`: a restart that stayed up, a fix), the
/// error patterns seen since the last recovery are recorded as success patterns.
///
/// The lead wires it to the bus: `LogLine` events in, `Diagnostic`s out.
public actor ErrorPatternTracker {
    private struct ProjectState {
        let miner: LogTemplateMiner
        var patterns: [LogClusterID: ErrorPattern] = [:]
        /// The pattern each shape (`LogTemplateMiner.add`) of an error line was counted under.
        var patternOfShape: [LogClusterID] = []
        var lastRecovery: Date?
        /// The last full grouping, and how many shapes it covered.
        var grouping: LogTemplateGrouping?
    }

    /// Above this many error shapes in a project, a full regrouping happens only when the count has
    /// grown by half since the last one; new shapes in between are matched against its templates.
    /// Keeps a project that prints endless unmaskable variants from costing a regrouping per line.
    static let regroupEveryShapeUpTo = 256

    private let configuration: LogMinerConfiguration
    private var projects: [ProjectID: ProjectState] = [:]

    public init(configuration: LogMinerConfiguration = .default) {
        self.configuration = configuration
    }

    /// Feeds one line. Returns a `Diagnostic` when the line is an error of a template not seen before.
    ///
    /// A line of a shape seen before counts under that shape's pattern. A new shape is grouped with
    /// everything the project has printed (`LogTemplateMiner.grouping`): when it lands in the template of
    /// an existing pattern, it counts there; otherwise it is a new pattern. Patterns are never merged
    /// afterwards, so a count once reported stays where it was.
    @discardableResult
    public func consume(_ line: LogLine) -> Diagnostic? {
        // Only error lines are mined: memory then grows with the error templates, not with all output.
        guard LogSeverity.isError(line.text) else { return nil }
        var state = projects[line.project] ?? ProjectState(miner: LogTemplateMiner(configuration: configuration))
        defer { projects[line.project] = state }
        let shape = state.miner.add(line.text)
        if shape < state.patternOfShape.count {
            let id = state.patternOfShape[shape]
            state.patterns[id]?.count += 1
            if let seen = state.patterns[id]?.lastSeen { state.patterns[id]?.lastSeen = max(seen, line.time) }
            return nil
        }
        var grouping: LogTemplateGrouping
        if let last = state.grouping, shape >= Self.regroupEveryShapeUpTo, shape * 2 < last.clusterOfShape.count * 3 {
            grouping = last
        } else {
            grouping = state.miner.grouping()
            state.grouping = grouping
        }
        let cluster = state.miner.cluster(ofShape: shape, in: grouping)
        let template = cluster.flatMap { grouping.cluster($0)?.template } ?? state.miner.template(ofShape: shape)
        // The pattern of another shape in the same template, if any (the first one counted).
        let known = cluster.flatMap { cluster in
            state.patternOfShape.indices.first { grouping.clusterOfShape.indices.contains($0) && grouping.clusterOfShape[$0] == cluster }
        }.map { state.patternOfShape[$0] }
        if let id = known, var pattern = state.patterns[id] {
            pattern.count += 1
            pattern.lastSeen = max(pattern.lastSeen, line.time)
            pattern.template = template
            state.patterns[id] = pattern
            state.patternOfShape.append(id)
            return nil
        }
        let id = LogClusterID(state.patterns.count + 1)
        state.patternOfShape.append(id)
        state.patterns[id] = ErrorPattern(
            project: line.project, cluster: id, template: template, example: line.text, count: 1,
            firstSeen: line.time, lastSeen: line.time, recoveries: 0, lastRecovered: nil)
        return Diagnostic(time: line.time, severity: .error, source: line.project.rawValue, project: line.project,
                          message: "new error pattern: \(template)")
    }

    /// Feeds lines in order; returns the diagnostics for new error patterns.
    public func consume(_ lines: [LogLine]) -> [Diagnostic] {
        lines.compactMap { consume($0) }
    }

    /// The project recovered (a restart stayed up, or a fix was applied). Every error pattern seen
    /// since the previous recovery becomes (or again counts as) a success pattern. Returns them.
    @discardableResult
    public func noteRecovered(project: ProjectID, at time: Date) -> [ErrorPattern] {
        guard var state = projects[project] else { return [] }
        var recovered: [ErrorPattern] = []
        for (id, var pattern) in state.patterns where state.lastRecovery.map({ pattern.lastSeen > $0 }) ?? true {
            guard pattern.lastSeen <= time else { continue }
            pattern.recoveries += 1
            pattern.lastRecovered = time
            state.patterns[id] = pattern
            recovered.append(pattern)
        }
        state.lastRecovery = time
        projects[project] = state
        return recovered.sorted { $0.cluster < $1.cluster }
    }

    /// Error patterns of a project, most frequent first.
    public func patterns(project: ProjectID) -> [ErrorPattern] {
        (projects[project]?.patterns.values).map { Array($0) }?
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.cluster < $1.cluster } ?? []
    }

    /// Error patterns that recoveries have followed.
    public func successPatterns(project: ProjectID) -> [ErrorPattern] {
        patterns(project: project).filter(\.isSuccessPattern)
    }
}
