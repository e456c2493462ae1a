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
            let shown = s.graphShown.shown.nodes.count, all = s.graph.nodes.count
            var parts = [shown == all ? "\(all) nodes" : "\(shown) of \(all) nodes"]
            if let kind = s.graphKind { parts.append(GraphProjection.plural(kind)) }
            let clusters = s.graphShown.clusterSizes.count
            if clusters > 1 { parts.append("\(clusters) clusters") }
            if !s.graphCollapsed.isEmpty { parts.append("\(s.graphCollapsed.count) collapsed") }
            detail = parts.joined(separator: ", ") + (s.graphViewport.zoom == 1 ? "" : " x" + Formatting.fixed(s.graphViewport.zoom, 1))
                + (s.graphFocusIndex.map { " @" + s.graphShown.shown.nodes[$0].label } ?? "")
        case .timeline:
            var parts = ["\(s.visibleTimeline.count)"]
            if let kind = s.timelineKind { parts.append(kind.rawValue) }
            if let p = s.timelineProject { parts.append(s.projectNames[p] ?? p.rawValue) }
            if s.timelineWindow != .all { parts.append(s.timelineWindow.label) }
            detail = parts.joined(separator: ", ")
        case .troubleshooting:
            let p = s.problems
            let errors = p.filter { $0.severity == .error }.count
            detail = "\(errors) err, \(p.count - errors) warn"
        }
        return "\(pane.title) (\(detail))\(filterNote)\(zoomNote)"
    }
}
