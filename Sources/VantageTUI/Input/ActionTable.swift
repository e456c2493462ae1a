/// The action table: every action, its default keys, and what it does in each place. Order
/// matters: help lists actions and the footer offers them in this order.
extension ActionSpec {
    static let everywhere = "Everywhere"
    static let moving = "Moving around"
    /// The overlays that scroll or select with the movement keys.
    static let scrolling: [Place] = [.overlay(.help), .overlay(.details), .overlay(.council), .overlay(.logs), .overlay(.dependencies),
                                     .overlay(.entry), .overlay(.schedule), .overlay(.processes), .overlay(.signals)]
    /// The panes and overlays that act on the selected project.
    static let onProject: [Place] = [.panes, .overlay(.details)]

    public static let all: [ActionSpec] = [
        ActionSpec(.help, keys: ["?"], [
            Use([.panes, .overlays], "show or hide this help", label: "help", footer: [.panes], heading: everywhere),
        ]),
        ActionSpec(.quit, keys: ["q"], [
            Use([.panes], "quit Vantage (asks first when projects still run)", label: "quit", footer: [.panes],
                heading: everywhere),
            Use([.overlays], "in an overlay: close it, never quit", label: "close", heading: everywhere),
        ]),
        ActionSpec(.back, keys: ["Esc"], [
            Use([.panes], "clear the filter, leave the zoom or the graph's focus", label: "back", heading: everywhere),
            Use([.overlays], "in an overlay: close it", label: "close", footer: scrolling, heading: everywhere),
        ]),
        ActionSpec(.quitStopping, keys: ["s"], [
            Use([.overlay(.quit)], "stop the projects still running, then quit", label: "stop them and quit",
                footer: [.overlay(.quit)]),
        ]),
        ActionSpec(.quitKeeping, keys: ["k"], [
            Use([.overlay(.quit)], "quit and leave them running under a Vantage daemon", label: "keep them running",
                footer: [.overlay(.quit)]),
        ]),
        ActionSpec(.accept, keys: ["y", "Y"], [
            Use([.overlay(.question)], "yes: do what the question asks", label: "yes", footer: [.overlay(.question)]),
            Use([.overlay(.council)], "accept the selected proposal", label: "accept", footer: [.overlay(.council)]),
        ]),
        ActionSpec(.reject, keys: ["n", "N"], [
            Use([.overlay(.question), .overlay(.quit)], "no: cancel", label: "cancel", footer: [.overlay(.question), .overlay(.quit)]),
            Use([.overlay(.council)], "reject the selected proposal", label: "reject", footer: [.overlay(.council)]),
        ]),
        ActionSpec(.focusNext, keys: ["Tab"], [
            Use([.panes], "focus the next pane", label: "next pane", footer: [.panes], footerGroup: .first),
        ]),
        ActionSpec(.focusPrevious, keys: ["Shift-Tab"], [
            Use([.panes], "focus the previous pane", label: "prev pane"),
        ]),
        ActionSpec(.zoom, keys: ["z"], [
            Use([.panes], "zoom the focused pane to the whole screen, or back", label: "zoom", footer: [.panes], footerGroup: .first),
        ]),
        ActionSpec(.up, keys: ["Up", "k"], [
            Use([.panes] + scrolling, "move up: the selection, a line, or pan the graph", label: "up",
                footer: [.pane(.timeline), .pane(.troubleshooting)] + scrolling, heading: moving),
        ]),
        ActionSpec(.down, keys: ["Down", "j"], [
            Use([.panes] + scrolling, "move down", label: "down",
                footer: [.pane(.timeline), .pane(.troubleshooting)] + scrolling, heading: moving),
        ]),
        ActionSpec(.left, keys: ["Left", "h"], [
            Use([.pane(.graph)], "pan the graph left", label: "left", heading: moving),
        ]),
        ActionSpec(.right, keys: ["Right", "l"], [
            Use([.pane(.graph)], "pan the graph right", label: "right", heading: moving),
        ]),
        ActionSpec(.pageUp, keys: ["PageUp"], [
            Use([.panes] + scrolling, "up by a screenful", label: "page up", footer: [.overlay(.dependencies)], heading: moving),
        ]),
        ActionSpec(.pageDown, keys: ["PageDown"], [
            Use([.panes] + scrolling, "down by a screenful", label: "page down", footer: [.overlay(.dependencies)], heading: moving),
        ]),
        ActionSpec(.top, keys: ["g", "Home"], [
            Use([.panes] + scrolling, "go to the top (the oldest line)", label: "top", heading: moving),
        ]),
        ActionSpec(.bottom, keys: ["G", "End"], [
            Use([.panes] + scrolling, "go to the bottom (the newest line)", label: "bottom", heading: moving),
        ]),
        ActionSpec(.details, keys: ["Enter"], [
            Use([.pane(.projects)], "details of the selected project", label: "details", footer: [.pane(.projects)]),
            Use([.pane(.graph)], "focus the next node (projects first)", label: "focus node", footer: [.pane(.graph)]),
            Use([.pane(.timeline), .pane(.troubleshooting)],
                "open the selected entry whole: full text, project, time, the output around it, suggestions, fixes tried",
                label: "open", footer: [.pane(.timeline), .pane(.troubleshooting)]),
            Use([.overlay(.details)], "close the details", label: "close"),
            Use([.overlay(.entry)], "close the entry", label: "close"),
            Use([.overlay(.schedule)], "run the selected job now, outside its schedule (asks first)", label: "run now",
                footer: [.overlay(.schedule)]),
            Use([.overlay(.signals)], "send the selected signal to the selected process", label: "send", footer: [.overlay(.signals)]),
        ]),
        ActionSpec(.sortNext, keys: [">"], [
            Use([.pane(.projects)], "sort the grid by the next column to the right (name, kind, status, CPU, memory, health, debt, then "
                + "the grid's own order)", label: "sort", footer: [.pane(.projects)]),
        ]),
        ActionSpec(.sortPrevious, keys: ["<"], [
            Use([.pane(.projects)], "sort the grid by the column to the left", label: "sort left"),
        ]),
        ActionSpec(.sortReverse, keys: ["I"], [
            Use([.pane(.projects)], "reverse the grid's sort (largest or smallest first; the header's arrow turns)", label: "reverse sort"),
        ]),
        ActionSpec(.cycleKind, keys: ["v"], [
            Use([.pane(.graph)], "show one node kind at a time (cycles, then all)", label: "kind", footer: [.pane(.graph)]),
            Use([.pane(.timeline)], "show one event kind at a time (cycles, then all)", label: "kind", footer: [.pane(.timeline)]),
        ]),
        ActionSpec(.cycleProject, keys: ["p"], [
            Use([.pane(.timeline)], "show one project at a time (cycles, then all)", label: "project", footer: [.pane(.timeline)]),
        ]),
        ActionSpec(.collapse, keys: ["Space"], [
            Use([.pane(.graph)], "collapse or expand the focused project's dependencies (all without a focus)",
                label: "collapse", footer: [.pane(.graph)]),
        ]),
        ActionSpec(.legend, keys: ["i"], [
            Use([.pane(.graph)], "show or hide the legend: what the colours, letters and marks mean", label: "legend",
                footer: [.pane(.graph)]),
        ]),
        ActionSpec(.zoomIn, keys: ["+", "="], [
            Use([.pane(.graph)], "zoom in", label: "zoom in", footer: [.pane(.graph)]),
            Use([.pane(.timeline)], "narrow the time window (all, 1 day, 1 h, 5 min)", label: "narrower", footer: [.pane(.timeline)]),
        ]),
        ActionSpec(.zoomOut, keys: ["-"], [
            Use([.pane(.graph)], "zoom out", label: "zoom out", footer: [.pane(.graph)]),
            Use([.pane(.timeline)], "widen the time window", label: "wider", footer: [.pane(.timeline)]),
        ]),
        ActionSpec(.center, keys: ["0"], [
            Use([.pane(.graph)], "centre the view", label: "centre", footer: [.pane(.graph)]),
        ]),
        ActionSpec(.applyFix, keys: ["F"], [
            Use([.pane(.troubleshooting)], "apply the selected problem's automatic fix (asks first); without one, show its suggestions", label: "fix",
                footer: [.pane(.troubleshooting)]),
        ]),
        ActionSpec(.filter, keys: ["/"], [
            Use([.pane(.projects), .pane(.graph), .pane(.timeline), .pane(.troubleshooting)],
                "filter the focused pane (Enter keeps it, Esc clears it)", label: "filter",
                footer: [.pane(.projects), .pane(.graph), .pane(.timeline), .pane(.troubleshooting)], heading: "Panes"),
            Use([.overlay(.logs)], "search the output (Enter jumps to the match)", label: "search", footer: [.overlay(.logs)]),
        ]),
        ActionSpec(.start, keys: ["s"], [
            Use(onProject, "start the selected project", label: "start", footer: [.pane(.projects), .overlay(.details)], heading: "Projects"),
        ]),
        ActionSpec(.stop, keys: ["x"], [
            Use(onProject, "stop the selected project (asks first)", label: "stop", footer: [.pane(.projects), .overlay(.details)],
                heading: "Projects"),
        ]),
        ActionSpec(.restart, keys: ["R"], [
            Use(onProject, "restart the selected project", label: "restart", footer: [.pane(.projects), .overlay(.details)],
                heading: "Projects"),
        ]),
        ActionSpec(.pause, keys: ["P"], [
            Use(onProject, "pause the selected project or container, or resume it", label: "pause", heading: "Projects"),
        ]),
        ActionSpec(.kill, keys: ["K"], [
            Use(onProject, "kill the selected project or container with SIGKILL (asks first)", label: "kill", heading: "Projects"),
        ]),
        ActionSpec(.remove, keys: ["Delete"], [
            Use(onProject, "remove the selected container (asks first)", label: "remove", heading: "Projects"),
        ]),
        ActionSpec(.switchEnvironment, keys: ["e"], [
            Use(onProject, "switch the selected project's environment (restarts it)", label: "env", heading: "Projects"),
        ]),
        ActionSpec(.processes, keys: ["T"], [
            Use(onProject, "the selected project's processes as a tree: pid, CPU, memory, threads, uptime, command",
                label: "processes", heading: "Projects"),
            Use([.overlay(.processes)], "close the process view", label: "close"),
        ]),
        ActionSpec(.signal, keys: ["s", "F9"], [
            Use([.overlay(.processes)], "send a signal to the selected process (TERM, INT, HUP, KILL, USR1, USR2)", label: "signal",
                footer: [.overlay(.processes)]),
            Use([.overlay(.signals)], "back to the process list without sending", label: "back"),
        ]),
        ActionSpec(.shell, keys: ["!"], [
            Use(onProject, "a shell in the selected project's folder with its environment (secrets included), or inside its "
                + "container; the screen comes back when it exits", label: "shell", heading: "Projects"),
        ]),
        ActionSpec(.logs, keys: ["L"], [
            Use(onProject, "the selected project's output (the log viewer)", label: "logs",
                footer: [.pane(.projects), .overlay(.details)], heading: "Projects"),
            Use([.overlay(.logs)], "close the log viewer", label: "close"),
        ]),
        ActionSpec(.dependencies, keys: ["D"], [
            Use(onProject, "the selected project's dependencies (vulnerabilities, licences, conflicts, outdated)",
                label: "deps", footer: [.overlay(.details)], heading: "Projects"),
            Use([.overlay(.dependencies)], "close the dependencies view", label: "close"),
        ]),
        ActionSpec(.follow, keys: ["f"], [
            Use([.overlay(.logs)], "follow new lines on or off", label: "follow", footer: [.overlay(.logs)]),
        ]),
        ActionSpec(.wrap, keys: ["w"], [
            Use([.overlay(.logs)], "wrap long lines on or off", label: "wrap", footer: [.overlay(.logs)]),
        ]),
        ActionSpec(.metricsWindow, keys: ["w"], [
            Use([.panes], "sparklines' window: 5 min, 1 h, 24 h, 7 days (stored history)", label: "window",
                footer: [.pane(.metrics)], heading: everywhere),
        ]),
        ActionSpec(.nextMatch, keys: ["n"], [
            Use([.overlay(.logs)], "jump to the next search match", label: "next match", footer: [.overlay(.logs)]),
        ]),
        ActionSpec(.previousMatch, keys: ["N"], [
            Use([.overlay(.logs)], "jump to the previous search match", label: "prev match", footer: [.overlay(.logs)]),
        ]),
        ActionSpec(.filterLines, keys: ["&"], [
            Use([.overlay(.logs)], "show only the lines containing a text (like less's &; empty or Esc shows all)", label: "filter",
                footer: [.overlay(.logs)]),
        ]),
        ActionSpec(.council, keys: ["c"], [
            Use([.panes], "the council's proposals", label: "council", heading: everywhere),
            Use([.overlay(.council)], "close the council", label: "close"),
        ]),
        ActionSpec(.palette, keys: [":"], [
            Use([.panes], "a command by name, Tab completing actions and projects (:restart api, :logs worker, :theme light)",
                label: "command", heading: everywhere),
        ]),
        ActionSpec(.schedule, keys: ["S"], [
            Use([.panes], "the scheduled jobs: cron, target, action, last run and outcome, next run", label: "schedule",
                footer: [.panes], heading: everywhere, footerGroup: .last),
            Use([.overlay(.schedule)], "close the schedule", label: "close"),
        ]),
        ActionSpec(.toggleTheme, keys: ["t"], [
            Use([.panes, .overlays], "switch between the dark and the light theme", label: "theme", footer: [.panes],
                heading: everywhere, footerGroup: .last),
        ]),
        ActionSpec(.refresh, keys: ["r"], [
            Use([.panes, .overlay(.council)], "refresh now", label: "refresh", footer: [.panes], heading: everywhere,
                footerGroup: .last),
            Use([.overlay(.dependencies)], "ask the ecosystem's tools what is outdated", label: "check outdated",
                footer: [.overlay(.dependencies)]),
        ]),
    ]
}
