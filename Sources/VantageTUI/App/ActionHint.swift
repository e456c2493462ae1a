extension Action {
    /// A word or two for the footer, where `summary` is too long.
    public var hint: String {
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
