import VantageCore

/// The dependencies view (`D`): opened on the selected folder project, scrolled like help.
extension Update {
    static func openDependencies(_ s: inout AppState) {
        guard let id = s.selectedProject, let p = s.project(id), p.engine == nil else { return }
        s.overlay = .dependencies(id, scroll: 0)
    }

    /// What `dependencies.outdated` says while the tools are being asked.
    public static let checkingOutdated = "checking with the ecosystem's tools…"

    static func dependenciesAction(_ a: Action, project id: ProjectID, scroll: Int, state s: inout AppState) -> [Command] {
        // One line per item whatever the width, so the last line is known without the screen size.
        let last = max(0, DependenciesOverlay(projectName: "", insight: s.insights[id], glyphs: .ascii).lines(width: 80).count - 1)
        switch a {
        case .back, .dependencies: s.overlay = nil
        case .help: s.overlay = .help(scroll: 0)
        case .up: s.overlay = .dependencies(id, scroll: max(0, scroll - 1))
        case .down: s.overlay = .dependencies(id, scroll: min(last, scroll + 1))
        case .pageUp: s.overlay = .dependencies(id, scroll: max(0, scroll - pageSize))
        case .pageDown: s.overlay = .dependencies(id, scroll: min(last, scroll + pageSize))
        case .top: s.overlay = .dependencies(id, scroll: 0)
        case .bottom: s.overlay = .dependencies(id, scroll: last)
        case .toggleTheme: toggleTheme(&s)
        case .refresh:
            // Newer versions only when asked: the tools may use the network.
            guard s.insights[id] != nil, s.insights[id]?.dependencies.outdated != checkingOutdated else { return [] }
            s.insights[id]?.dependencies.outdated = checkingOutdated
            s.insights[id]?.dependencies.details?.outdated = nil
            return [.checkOutdated(id)]
        default: break
        }
        return []
    }
}
