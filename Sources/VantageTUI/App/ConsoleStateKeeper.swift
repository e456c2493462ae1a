import Foundation
import VantageCore

/// What a host keeps for consoles that attach later: the console's own state (`AppState`, folded
/// by the console's own `Update`), so an attached console's screen shows exactly what a console
/// that had watched from the start would show. `snapshot()` turns it back into events.
public struct ConsoleStateKeeper: AttachKeeper {
    public private(set) var state: AppState
    /// Events the screen does not fold yet, kept as they came (latest per project).
    private var environments: [ProjectID: Event] = [:]
    private var throttles: [ProjectID: Event] = [:]
    private var ports: [ProjectID: Event] = [:]

    public init(now: Date) {
        state = AppState(now: now)
    }

    public mutating func fold(_ event: Event) {
        switch event {
        case .log(let line): _ = Update.foldLog(line, into: &state)
        case .environments(let project, _, _): environments[project] = event
        case .throttled(let project, _): throttles[project] = event
        case .portsInUse(let project, _): ports[project] = event
        default: break
        }
        if case .log = event { return }
        _ = Update.apply(.event(event), to: &state)
    }

    public func snapshot() -> [Event] {
        let s = state
        var out: [Event] = []
        if !s.roots.isEmpty || s.projects.contains(where: { $0.engine == nil }) {
            out.append(.scanned(roots: s.roots, projects: s.projects.filter { $0.engine == nil }))
        }
        for engine in Set(s.projects.compactMap(\.engine)).sorted() {
            out.append(.discovered(source: "docker:" + engine, projects: s.projects.filter { $0.engine == engine }))
        }
        for name in s.engines.keys.sorted() { out.append(.engine(s.engines[name]!)) }
        let listed = Set(s.projects.map(\.id))
        for table in [environments, throttles, ports] {
            for id in table.keys.sorted() where listed.contains(id) { out.append(table[id]!) }
        }
        if let system = s.system { out.append(.systemSampled(system)) }
        if !s.samples.isEmpty { out.append(.projectsSampled(s.samples.keys.sorted().map { s.samples[$0]! })) }
        // After the samples: the supervisor's word on each state, which a sample's guess does not replace.
        if !s.runStates.isEmpty { out.append(.runStates(s.runStates)) }
        for id in s.insights.keys.sorted() { out.append(.insight(s.insights[id]!)) }
        for id in s.advice.byProject.keys.sorted() { out.append(.suggestions(project: id, items: s.advice.byProject[id]!)) }
        let topItems = s.advice.top.keys.sorted().map { s.advice.top[$0]! }
        if !topItems.isEmpty { out.append(.suggestions(project: nil, items: topItems)) }
        if !s.council.isEmpty { out.append(.council(s.council)) }
        out += s.schedules.map { .schedule($0) }
        if !s.graph.nodes.isEmpty { out.append(.graph(s.graph)) }
        if !s.timeline.isEmpty { out.append(.pastTimeline(Array(s.timeline.elements))) }
        out += s.diagnostics.elements.map { .diagnostic($0) }
        for id in s.projectLogs.keys.sorted() { out += s.projectLogs[id]!.elements.map { .log($0) } }
        // Last: the series, so the samples above do not add a second point to them.
        let series = MetricHistory(window: s.metricsWindow, system: s.systemSeries, projects: s.projectSeries)
        out.append(.metricHistory(series))
        return out
    }
}
