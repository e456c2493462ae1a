import VantageCore

/// The dependencies view (`D`): opened on the selected folder project, scrolled like help.
extension Update {
    /// What `dependencies.outdated` says while the tools are being asked.
    public static let checkingOutdated = "checking with the ecosystem's tools…"

    static func dependenciesAction(_ a: Action, project id: ProjectID, scroll: Int, state s: inout AppState) -> Outcome {
        // One line per item whatever the width, so the last line is known without the screen size.
        let last = max(0, DependenciesOverlay(projectName: "", insight: s.insights[id], glyphs: .ascii).lines(width: 80).count - 1)
        let next: Int
        switch a {
        case .dependencies: s.overlay = nil; return .done([])
        case .up, .down, .pageUp, .pageDown, .top, .bottom: next = scrollTarget(a, from: scroll, page: visibleRows(s), last: last)!
        case .refresh:
            // Newer versions only when asked: the tools may use the network.
            guard s.insights[id] != nil else { return .refused("the analyzer has not read this project yet") }
            guard s.insights[id]?.dependencies.outdated != checkingOutdated else { return .refused("already asking the tools") }
            s.insights[id]?.dependencies.outdated = checkingOutdated
            s.insights[id]?.dependencies.details?.outdated = nil
            return .done([.checkOutdated(id)])
        default: return .refused("nothing to do in the dependencies view")
        }
        let clamped = max(0, min(last, next))
        if clamped == scroll { return .refused(next < scroll ? "already at the top" : "already at the bottom") }
        s.overlay = .dependencies(id, scroll: clamped)
        return .done([])
    }
}
