import VantageCore

/// The pane table, in focus order (Tab walks it). Full layout: Projects and Metrics on top, the
/// rest below; compact: Projects alone on top, then two rows of two.
extension PaneSpec {
    public static let all: [PaneSpec] = [
        PaneSpec(id: .projects, title: "Projects",
                 full: .init(row: 0, weight: 0.65), compact: .init(row: 0, weight: 1),
                 contentRows: { $0.gridRowCount + 3 },
                 detail: { s in
                     let shown = s.visibleProjects.count, all = s.projects.count
                     let up = s.projects.filter { s.runState($0.id).isUp }.count
                     return (shown == all ? "\(all), \(up) up" : "\(shown) of \(all)") + (s.gridSort.map { ", by \($0.label)" } ?? "")
                 },
                 handle: { a, s in Update.moveInGrid(a, state: &s) },
                 render: { view, area, buffer in
                     PaneContent.projects(view.state, glyphs: view.glyphs, timeZone: view.timeZone).render(area: area, buffer: &buffer)
                 }),
        PaneSpec(id: .metrics, title: "Metrics",
                 full: .init(row: 0, weight: 0.35), compact: .init(row: 1, weight: 0.5),
                 contentRows: { s in ScreenLayout.metricsRows + PaneContent.hardwareRows(s, glyphs: .ascii).count },
                 detail: { s in (s.selected.map { "system + \($0.name)" } ?? "system") + ", \(s.metricsWindow.label)" },
                 handle: { a, _ in
                     Update.isMovement(a) ? .refused("Metrics has nothing to select; Tab moves to the next pane") : nil
                 },
                 render: { view, area, buffer in PaneContent.metrics(view.state, glyphs: view.glyphs).render(area: area, buffer: &buffer) }),
        PaneSpec(id: .graph, title: "Graph",
                 full: .init(row: 1, weight: 0.34), compact: .init(row: 1, weight: 0.5),
                 detail: PaneTitles.graph,
                 handle: { a, s in Update.graphAction(a, state: &s) },
                 render: { view, area, buffer in view.renderGraph(in: area, buffer: &buffer) }),
        PaneSpec(id: .timeline, title: "Timeline",
                 full: .init(row: 1, weight: 0.33), compact: .init(row: 2, weight: 0.5),
                 detail: PaneTitles.timeline,
                 handle: { a, s in Update.timelineAction(a, state: &s) },
                 render: { view, area, buffer in
                     let entries = view.state.visibleTimeline, scroll = view.state.scroll[.timeline] ?? 0
                     // The selection shows only while the pane has the focus (it is what Enter opens).
                     let selected = view.state.focus == .timeline && !entries.isEmpty ? entries.count - 1 - min(scroll, entries.count - 1) : nil
                     TimelineList(entries: entries, projectNames: view.state.projectNames, timeZone: view.timeZone,
                                  scroll: scroll, glyphs: view.glyphs, selected: selected).render(area: area, buffer: &buffer)
                 }),
        PaneSpec(id: .troubleshooting, title: "Troubleshooting",
                 full: .init(row: 1, weight: 0.33), compact: .init(row: 2, weight: 0.5),
                 detail: { s in
                     let p = s.problems
                     let errors = p.filter { $0.severity == .error }.count
                     return "\(errors) err, \(p.count - errors) warn"
                 },
                 handle: { a, s in Update.troubleshootingAction(a, state: &s) },
                 render: { view, area, buffer in view.renderProblems(in: area, buffer: &buffer) }),
    ]
}

extension ScreenLayout {
    /// Rows the Metrics pane needs to show every sparkline (seven rows and its border).
    public static let metricsRows = 9
    /// From this screen width on, Metrics adds a row per core, swap and temperatures (`hardwareRows`).
    public static let hardwareWidth = fullWidth
}
