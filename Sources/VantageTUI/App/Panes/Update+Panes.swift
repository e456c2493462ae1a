import VantageCore

/// The panes' own keys (`PaneSpec.handle`): movement in each pane, the graph's zoom, focus, kind
/// filter and collapse, the timeline's window and filters, the troubleshooting fix.
extension Update {
    static func isMovement(_ a: Action) -> Bool {
        [.up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom].contains(a)
    }

    /// Projects: movement moves the selection (PageUp/PageDown by the rows on screen).
    static func moveInGrid(_ a: Action, state s: inout AppState) -> Outcome? {
        if a == .sortNext || a == .sortPrevious {
            guard !s.projects.isEmpty else { return .refused("no projects yet to sort") }
            s.gridSort = GridSort.step(s.gridSort, forward: a == .sortNext)
            s.gridSortReversed = false
            s.notice = Notice(s.gridSort.map { $0.summary(reversed: false) } ?? "the grid's own order", role: .muted)
            return .done([])
        }
        if a == .sortReverse {
            guard let sort = s.gridSort else {
                return .refused("the grid is in its own order; \(s.keymap.key(for: .sortNext) ?? ">") sorts it by a column first")
            }
            s.gridSortReversed.toggle()
            s.notice = Notice(sort.summary(reversed: s.gridSortReversed), role: .muted)
            return .done([])
        }
        let visible = s.visibleProjects
        let page = visibleRows(s)
        let delta: Int
        switch a {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -page
        case .pageDown: delta = page
        case .top: delta = -visible.count
        case .bottom: delta = visible.count
        case .left, .right: return .refused("the grid moves up and down; Tab moves to the next pane")
        default: return nil
        }
        guard !visible.isEmpty else { return .refused(s.projects.isEmpty ? "no projects yet" : "no project matches the filter") }
        let current = visible.firstIndex { $0.id == s.selectedProject } ?? 0
        if delta < 0, current == 0 { return .refused("already at the first project") }
        if delta > 0, current == visible.count - 1 { return .refused("already at the last project") }
        moveSelection(&s, by: delta)
        return .done([])
    }

    static func moveSelection(_ s: inout AppState, by delta: Int) {
        let visible = s.visibleProjects
        guard !visible.isEmpty else { return }
        let current = visible.firstIndex { $0.id == s.selectedProject } ?? 0
        s.selectedProject = visible[max(0, min(visible.count - 1, current + delta))].id
    }

    /// Timeline and Troubleshooting: movement scrolls by entries (`scroll` counts up from the newest).
    static func scrollList(_ a: Action, count: Int, noun: String, state s: inout AppState) -> Outcome? {
        let current = s.scroll[s.focus] ?? 0
        let page = visibleRows(s)
        let next: Int
        switch a {
        case .up: next = current + 1
        case .down: next = current - 1
        case .pageUp: next = current + page
        case .pageDown: next = current - page
        case .top: next = count
        case .bottom: next = 0
        case .left, .right: return .refused("this list scrolls up and down")
        default: return nil
        }
        guard count > 0 else { return .refused("no \(noun) to scroll through") }
        let clamped = max(0, min(next, count - 1))
        if clamped == current { return .refused(next > current ? "already at the oldest \(noun)" : "already at the newest \(noun)") }
        s.scroll[s.focus] = clamped
        return .done([])
    }

    static func graphAction(_ a: Action, state s: inout AppState) -> Outcome? {
        if s.graphShown.shown.nodes.isEmpty, [.up, .down, .left, .right, .zoomIn, .zoomOut].contains(a) {
            return .refused(s.graph.nodes.isEmpty ? "no graph yet to move in" : "no node of this kind to move among"
                            + (s.keymap.key(for: .cycleKind).map { "; \($0) shows the others" } ?? ""))
        }
        switch a {
        case .up: s.graphViewport.pan(dx: 0, dy: -1)
        case .down: s.graphViewport.pan(dx: 0, dy: 1)
        case .left: s.graphViewport.pan(dx: -1, dy: 0)
        case .right: s.graphViewport.pan(dx: 1, dy: 0)
        case .pageUp, .pageDown: return .refused("the graph pans with the arrow keys; + and - zoom")
        case .top, .bottom, .center:
            if s.graphViewport == GraphViewport() { return .refused("the graph is already centred") }
            s.graphViewport.center()
        case .zoomIn:
            if s.graphViewport.zoom >= GraphViewport.maxZoom { return .refused("already at the closest zoom") }
            s.graphViewport.zoomIn()
        case .zoomOut:
            if s.graphViewport.zoom <= GraphViewport.minZoom { return .refused("already at the farthest zoom") }
            s.graphViewport.zoomOut()
        case .details: return focusNextGraphNode(&s)
        case .cycleKind:
            let cycle = GraphProjection.kindCycle(s.graph)
            guard cycle.count > 1 else { return .refused("the graph has no nodes to filter by kind yet") }
            s.graphKind = next(after: s.graphKind, in: cycle)
            s.reprojectGraph()
        case .collapse: return toggleCollapse(&s)
        case .legend:
            if s.graphShown.shown.nodes.isEmpty { return .refused(s.graph.nodes.isEmpty ? "no graph yet to explain" : "no node shown to explain") }
            s.graphLegend.toggle()
        default: return nil
        }
        return .done([])
    }

    static func timelineAction(_ a: Action, state s: inout AppState) -> Outcome? {
        switch a {
        case .zoomIn, .zoomOut:
            let window = a == .zoomIn ? s.timelineWindow.narrower : s.timelineWindow.wider
            if window == s.timelineWindow { return .refused("the time window is already \(window.label)") }
            s.timelineWindow = window
            s.scroll[.timeline] = 0
        case .cycleKind:
            let present = Set(s.timeline.elements.map(\.kind))
            let cycle: [TimelineEntry.Kind?] = [nil] + TimelineEntry.Kind.allCases.filter(present.contains)
            guard cycle.count > 1 else { return .refused("nothing on the timeline to filter by kind yet") }
            s.timelineKind = next(after: s.timelineKind, in: cycle)
            s.scroll[.timeline] = 0
        case .details:
            let entries = s.visibleTimeline
            let i = entries.count - 1 - (s.scroll[.timeline] ?? 0)
            guard entries.indices.contains(i) else { return .refused("no entry to open") }
            s.overlay = .entry(OpenedEntry(entries[i]), scroll: 0)
        case .cycleProject:
            let mentioned = Set(s.timeline.elements.compactMap(\.project))
            let cycle: [ProjectID?] = [nil] + s.projects.map(\.id).filter(mentioned.contains)
            guard cycle.count > 1 else { return .refused("no project is on the timeline yet") }
            s.timelineProject = next(after: s.timelineProject, in: cycle)
            s.scroll[.timeline] = 0
        default: return scrollList(a, count: s.visibleTimeline.count, noun: "entry", state: &s)
        }
        return .done([])
    }

    static func troubleshootingAction(_ a: Action, state s: inout AppState) -> Outcome? {
        switch a {
        case .applyFix: return askToApplyFix(&s)
        case .details:
            guard let entry = selectedProblem(s) else { return .refused("no problem to open") }
            s.overlay = .entry(OpenedEntry(entry), scroll: 0)
            return .done([])
        default: return scrollList(a, count: s.problems.count, noun: "problem", state: &s)
        }
    }

    /// The element after `current` in `cycle`, wrapping; the first when `current` is not in it.
    static func next<T: Equatable>(after current: T?, in cycle: [T?]) -> T? {
        guard let i = cycle.firstIndex(where: { $0 == current }) else { return cycle.first ?? nil }
        return cycle[(i + 1) % cycle.count]
    }

    /// Space in the Graph pane: the focused project's neighbourhood folds into it (or unfolds).
    /// Without a focused node, every project folds, or everything unfolds when any is folded.
    static func toggleCollapse(_ s: inout AppState) -> Outcome {
        if let id = s.graphFocus {
            guard s.graph.nodes.contains(where: { $0.id == id && $0.kind == .project }) else {
                return .refused("only a project folds; Enter focuses the next node")
            }
            if s.graphCollapsed.remove(id) == nil { s.graphCollapsed.insert(id) }
        } else if s.graphCollapsed.isEmpty {
            let projects = Set(s.graph.nodes.filter { $0.kind == .project }.map(\.id))
            guard !projects.isEmpty else { return .refused("the graph has no project to fold yet") }
            s.graphCollapsed = projects
        } else {
            s.graphCollapsed = []
        }
        s.reprojectGraph()
        return .done([])
    }

    /// Enter in the Graph pane: focus the next node (matching the filter, projects first). When
    /// zoomed in, the view centres on it; otherwise the whole graph stays in view.
    static func focusNextGraphNode(_ s: inout AppState) -> Outcome {
        let order = s.graphFocusOrder
        guard !order.isEmpty else {
            return .refused(s.graph.nodes.isEmpty ? "no graph yet" : "no node matches the filter")
        }
        let graph = s.graphShown.shown
        // The first focus is the project selected in the grid, when the graph shows it.
        let selected = s.selectedProject.map(GraphNodeID.project)
        let next = s.graphFocusIndex.flatMap { current in order.firstIndex(of: current).map { order[($0 + 1) % order.count] } }
            ?? order.first { graph.nodes[$0].id == selected } ?? order[0]
        let node = graph.nodes[next]
        s.graphFocus = node.id
        guard s.graphViewport.zoom > 1 else {
            s.graphViewport.panX = 0
            s.graphViewport.panY = 0
            return .done([])
        }
        let finite = graph.nodes.filter { $0.x.isFinite && $0.y.isFinite }
        guard node.x.isFinite, node.y.isFinite, let minX = finite.map(\.x).min(), let maxX = finite.map(\.x).max(),
              let minY = finite.map(\.y).min(), let maxY = finite.map(\.y).max() else { return .done([]) }
        let span = max(maxX - minX, maxY - minY, 1e-9)
        s.graphViewport.panX = (node.x - (minX + maxX) / 2) / span
        s.graphViewport.panY = (node.y - (minY + maxY) / 2) / span
        return .done([])
    }
}
