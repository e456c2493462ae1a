/// Pane titles: the pane's word first, then a short summary of what it shows.
enum PaneTitles {
    static func title(_ pane: PaneID, state s: AppState) -> String {
        let filter = s.filter(pane)
        let filterNote = filter.isEmpty ? "" : " /\(filter)"
        let zoomNote = s.zoomed == pane ? " [zoom]" : ""
        let detail: String
        switch pane {
        case .projects:
            let shown = s.visibleProjects.count, all = s.projects.count
            let up = s.projects.filter { s.runState($0.id).isUp }.count
            detail = shown == all ? "\(all), \(up) up" : "\(shown) of \(all)"
        case .metrics:
            detail = s.selected.map { "system + \($0.name)" } ?? "system"
        case .graph:
            detail = "\(s.graph.nodes.count) nodes" + (s.graphViewport.zoom == 1 ? "" : " x" + Formatting.fixed(s.graphViewport.zoom, 1))
                + (s.graphFocusIndex.map { " @" + s.graph.nodes[$0].label } ?? "")
        case .timeline:
            detail = "\(s.visibleTimeline.count)"
        case .troubleshooting:
            let p = s.problems
            let errors = p.filter { $0.severity == .error }.count
            detail = "\(errors) err, \(p.count - errors) warn"
        }
        return "\(pane.title) (\(detail))\(filterNote)\(zoomNote)"
    }
}
