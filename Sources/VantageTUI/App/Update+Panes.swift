import VantageCore

/// Graph and Timeline keys: kind and project filters, collapse, and zoom (graph scale or the
/// timeline's time window).
extension Update {
    static func paneAction(_ a: Action, state s: inout AppState) {
        switch (a, s.focus) {
        case (.zoomIn, .timeline):
            s.timelineWindow = s.timelineWindow.narrower
            s.scroll[.timeline] = 0
        case (.zoomOut, .timeline):
            s.timelineWindow = s.timelineWindow.wider
            s.scroll[.timeline] = 0
        case (.zoomIn, _): s.graphViewport.zoomIn()
        case (.zoomOut, _): s.graphViewport.zoomOut()
        case (.cycleKind, .graph):
            s.graphKind = next(after: s.graphKind, in: GraphProjection.kindCycle(s.graph))
            s.reprojectGraph()
        case (.cycleKind, .timeline):
            let present = Set(s.timeline.elements.map(\.kind))
            s.timelineKind = next(after: s.timelineKind, in: [nil] + TimelineEntry.Kind.allCases.filter(present.contains))
            s.scroll[.timeline] = 0
        case (.cycleProject, .timeline):
            let mentioned = Set(s.timeline.elements.compactMap(\.project))
            s.timelineProject = next(after: s.timelineProject, in: [nil] + s.projects.map(\.id).filter(mentioned.contains))
            s.scroll[.timeline] = 0
        case (.collapse, .graph): toggleCollapse(&s)
        default: break
        }
    }

    /// The element after `current` in `cycle`, wrapping; the first when `current` is not in it.
    static func next<T: Equatable>(after current: T?, in cycle: [T?]) -> T? {
        guard let i = cycle.firstIndex(where: { $0 == current }) else { return cycle.first ?? nil }
        return cycle[(i + 1) % cycle.count]
    }

    /// Space in the Graph pane: the focused project's neighbourhood folds into it (or unfolds).
    /// Without a focused node, every project folds, or everything unfolds when any is folded.
    static func toggleCollapse(_ s: inout AppState) {
        if let id = s.graphFocus {
            guard s.graph.nodes.contains(where: { $0.id == id && $0.kind == .project }) else { return }
            if s.graphCollapsed.remove(id) == nil { s.graphCollapsed.insert(id) }
        } else if s.graphCollapsed.isEmpty {
            s.graphCollapsed = Set(s.graph.nodes.filter { $0.kind == .project }.map(\.id))
        } else {
            s.graphCollapsed = []
        }
        s.reprojectGraph()
    }
}
