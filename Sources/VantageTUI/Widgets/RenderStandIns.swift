/// STAND-INS, delete on merge: copies of render's `Keymap.helpSections()`, `Action.Scope.title`
/// and `Action.shortLabel` (Keymap/KeymapHelp.swift, Input/Action.swift on the render branch),
/// with the same signatures and output, so help and footer here are generated the same way.
extension Keymap {
    public func helpSections() -> [(scope: Action.Scope, entries: [(keys: String, summary: String)])] {
        Action.Scope.allCases.compactMap { scope in
            let entries = Action.allCases.filter { $0.scope == scope }.compactMap { action -> (keys: String, summary: String)? in
                let keys = keys(for: action)
                guard !keys.isEmpty else { return nil }
                return (keys.map(\.description).joined(separator: ", "), action.summary)
            }
            return entries.isEmpty ? nil : (scope, entries)
        }
    }
}

extension Action.Scope {
    public var title: String {
        switch self {
        case .global: return "Global"
        case .navigation: return "Moving around"
        case .projects: return "Projects"
        case .graph: return "Graph"
        }
    }
}

extension Action {
    public var shortLabel: String {
        switch self {
        case .quit: return "quit"
        case .help: return "help"
        case .focusNext: return "next pane"
        case .focusPrevious: return "prev pane"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .top: return "top"
        case .bottom: return "bottom"
        case .zoom: return "zoom"
        case .toggleTheme: return "theme"
        case .filter: return "filter"
        case .details: return "details"
        case .refresh: return "refresh"
        case .back: return "back"
        case .start: return "start"
        case .stop: return "stop"
        case .restart: return "restart"
        case .switchEnvironment: return "env"
        case .zoomIn: return "zoom in"
        case .zoomOut: return "zoom out"
        case .center: return "centre"
        }
    }
}
