/// Every named action a key can be bound to. Keymap files use `name`; help and footer hints are
/// generated from `summary` and `scope`, so what the screen says is what the keys do.
public enum Action: String, CaseIterable, Sendable, Hashable {
    case quit
    case help
    case focusNext = "focus_next"
    case focusPrevious = "focus_previous"
    case up, down, left, right
    case pageUp = "page_up"
    case pageDown = "page_down"
    case top, bottom
    case zoom
    case toggleTheme = "toggle_theme"
    case filter
    case details
    case refresh
    case back
    // Project actions (grid).
    case start
    case stop
    case restart
    /// Pause the selected project or container, or resume it if paused.
    case pause
    /// SIGKILL the selected project or container (asks first).
    case kill
    /// Remove the selected container (asks first).
    case remove
    case switchEnvironment = "switch_env"
    // Graph view.
    case zoomIn = "zoom_in"
    case zoomOut = "zoom_out"
    case center
    /// The council of advisors' proposals.
    case council
    // Log viewer.
    case logs
    case follow
    case wrap
    case nextMatch = "next_match"
    case previousMatch = "previous_match"
    // Graph and timeline filters.
    /// Graph: show one node kind at a time; Timeline: one event kind at a time (cycles, then all).
    case cycleKind = "cycle_kind"
    /// Timeline: one project at a time (cycles, then all).
    case cycleProject = "cycle_project"
    /// Graph: collapse or expand the focused project's dependency neighbourhood.
    case collapse
    // Troubleshooting.
    /// Apply the selected problem's automated fix (asks first).
    case applyFix = "apply_fix"
    /// The selected project's dependencies view.
    case dependencies

    public var name: String { rawValue }

    /// Where the action applies, for grouping in help.
    public enum Scope: String, Sendable, CaseIterable { case global, navigation, projects, graph, timeline, troubleshooting, logs }

    public var scope: Scope {
        switch self {
        case .quit, .help, .focusNext, .focusPrevious, .zoom, .toggleTheme, .filter, .details, .refresh, .back, .council:
            return .global
        case .up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom: return .navigation
        case .start, .stop, .restart, .pause, .kill, .remove, .switchEnvironment, .dependencies: return .projects
        case .zoomIn, .zoomOut, .center, .collapse: return .graph
        case .cycleKind, .cycleProject: return .timeline
        case .applyFix: return .troubleshooting
        case .logs, .follow, .wrap, .nextMatch, .previousMatch: return .logs
        }
    }

    /// One line for help, written for a person.
    public var summary: String {
        switch self {
        case .quit: return "quit Vantage"
        case .help: return "show or hide this help"
        case .focusNext: return "focus the next pane"
        case .focusPrevious: return "focus the previous pane"
        case .up: return "move up"
        case .down: return "move down"
        case .left: return "move left / pan left"
        case .right: return "move right / pan right"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .top: return "go to the top"
        case .bottom: return "go to the bottom"
        case .zoom: return "zoom the focused pane to full screen"
        case .toggleTheme: return "switch between the dark and light theme"
        case .filter: return "filter the focused pane"
        case .details: return "open details of the selection"
        case .refresh: return "refresh now"
        case .back: return "close overlay / clear filter"
        case .start: return "start the selected project"
        case .stop: return "stop the selected project (asks first)"
        case .restart: return "restart the selected project"
        case .pause: return "pause the selected project or container, or resume it"
        case .kill: return "kill the selected project or container with SIGKILL (asks first)"
        case .remove: return "remove the selected container (asks first)"
        case .switchEnvironment: return "switch the project's environment"
        case .zoomIn: return "graph: zoom in; timeline: narrow the time window"
        case .zoomOut: return "graph: zoom out; timeline: widen the time window"
        case .center: return "graph: centre the view"
        case .council: return "show the council's proposals"
        case .logs: return "show the selected project's output (log viewer)"
        case .follow: return "logs: follow new lines on or off"
        case .wrap: return "logs: wrap long lines on or off"
        case .nextMatch: return "logs: jump to the next search match"
        case .previousMatch: return "logs: jump to the previous search match"
        case .cycleKind: return "graph: show one node kind at a time; timeline: one event kind (cycles)"
        case .cycleProject: return "timeline: show one project at a time (cycles)"
        case .collapse: return "graph: collapse or expand the focused project's dependencies (all without focus)"
        case .applyFix: return "troubleshooting: apply the selected problem's automated fix (asks first)"
        case .dependencies: return "show the selected project's dependencies (vulnerabilities, licences, conflicts, outdated)"
        }
    }

    /// A word or two for the footer ("q quit  ? help").
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
        case .council: return "council"
        case .logs: return "logs"
        case .follow: return "follow"
        case .wrap: return "wrap"
        case .nextMatch: return "next match"
        case .previousMatch: return "prev match"
        case .cycleKind: return "kind"
        case .cycleProject: return "project"
        case .collapse: return "collapse"
        case .applyFix: return "fix"
        case .pause: return "pause"
        case .kill: return "kill"
        case .remove: return "remove"
        case .dependencies: return "deps"
        }
    }

    /// Actions that change or stop something ask for confirmation first.
    public var isDestructive: Bool { self == .stop || self == .kill || self == .remove }
}
