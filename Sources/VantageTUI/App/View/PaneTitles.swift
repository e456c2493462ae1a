/// Pane titles: the pane's word first, then a short summary of what it shows (`PaneSpec.detail`).
enum PaneTitles {
    static func title(_ pane: PaneID, state s: AppState) -> String {
        let spec = PaneSpec.spec(pane)
        let filter = s.filter(pane)
        let filterNote = filter.isEmpty ? "" : " /\(filter)"
        let zoomNote = s.zoomed == pane ? " [zoom]" : ""
        return "\(spec.title) (\(spec.detail(s)))\(filterNote)\(zoomNote)"
    }

    @Sendable static func graph(_ s: AppState) -> String {
        let shown = s.graphShown.shown.nodes.count, all = s.graph.nodes.count
        var parts = [shown == all ? "\(all) nodes" : "\(shown) of \(all) nodes"]
        if let kind = s.graphKind { parts.append(GraphProjection.plural(kind)) }
        let clusters = s.graphShown.clusterSizes.count
        if clusters > 1 { parts.append("\(clusters) clusters") }
        if !s.graphCollapsed.isEmpty { parts.append("\(s.graphCollapsed.count) collapsed") }
        return parts.joined(separator: ", ") + (s.graphViewport.zoom == 1 ? "" : " x" + Formatting.fixed(s.graphViewport.zoom, 1))
            + (s.graphFocusIndex.map { " @" + s.graphShown.shown.nodes[$0].label } ?? "")
    }

    @Sendable static func timeline(_ s: AppState) -> String {
        var parts = ["\(s.visibleTimeline.count)"]
        if let kind = s.timelineKind { parts.append(kind.rawValue) }
        if let p = s.timelineProject { parts.append(s.projectNames[p] ?? p.rawValue) }
        if s.timelineWindow != .all { parts.append(s.timelineWindow.label) }
        return parts.joined(separator: ", ")
    }
}
