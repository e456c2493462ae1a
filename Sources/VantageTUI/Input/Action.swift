/// Every named action a key can be bound to. Keymap files use `name`. What each action is called,
/// its default keys, its help text, where it applies and whether the footer shows it are one
/// table, `ActionSpec.all`: the default keymap, the help screen and the footer come from it.
public enum Action: String, CaseIterable, Sendable, Hashable {
    case quit
    case help
    case back
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
    case start
    case stop
    case restart
    case pause
    case kill
    case remove
    case switchEnvironment = "switch_env"
    case zoomIn = "zoom_in"
    case zoomOut = "zoom_out"
    case center
    case council
    case logs
    case follow
    case wrap
    case nextMatch = "next_match"
    case previousMatch = "previous_match"
    /// The log viewer's `&`: show only the lines containing a text.
    case filterLines = "filter_lines"
    case cycleKind = "cycle_kind"
    case cycleProject = "cycle_project"
    case collapse
    /// The grid's sort column, one to the right or to the left.
    case sortNext = "sort_next"
    case sortPrevious = "sort_previous"
    /// The grid's sort direction, reversed (htop's `I`).
    case sortReverse = "sort_reverse"
    /// The `:` command prompt.
    case palette
    /// The graph's legend strip on or off.
    case legend
    case applyFix = "apply_fix"
    case dependencies
    /// The Metrics pane's window: 5 min, 1 h, 24 h, 7 days.
    case metricsWindow = "metrics_window"
    /// The yes of a question (stop, kill, apply a fix) and the council's accept.
    case accept
    /// The no of a question and the council's reject.
    case reject
    /// The quit question's answers: stop the running projects and quit, or quit and leave them
    /// running under a Vantage daemon.
    case quitStopping = "quit_stop"
    case quitKeeping = "quit_keep"
    /// The scheduler's jobs (the schedule overlay).
    case schedule
    /// The selected project's processes as a tree (the process view), and in it the signal chooser.
    case processes
    case signal
    /// A shell in the selected project's folder and environment, or in its container.
    case shell

    public var name: String { rawValue }

    /// The action's entry in `ActionSpec.all`.
    public var spec: ActionSpec { ActionSpec.byAction[self]! }
}
