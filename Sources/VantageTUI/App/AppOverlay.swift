import VantageCore

/// What is drawn over the panes, if anything. At most one at a time.
public enum AppOverlay: Sendable, Equatable {
    case help(scroll: Int)
    /// Details of the selected project.
    case details(ProjectID)
    /// "Stop NAME? y/n" (or kill, or remove): nothing is sent until the user answers y.
    case confirm(Command)
    /// Typing a filter for a pane; the filter applies live as it is typed.
    case filterInput(PaneID)
    /// Typing the name of the environment to switch a project to (`e`); Enter switches.
    case environmentInput(ProjectID, text: String)
    /// The council's proposals with their votes (`c`); y accepts and n rejects the selected one.
    case council(selected: Int)
    /// The selected project's output (`L`), with follow, search and wrap.
    case logs(LogViewer)
    /// "Apply the fix …? y/n" for the selected troubleshooting problem: nothing runs until y.
    case confirmFix(FixRequest)
    /// The value of a missing environment variable, typed after confirming its fix; Enter applies
    /// (empty: take it from the project's `.env.example` or another environment file).
    case fixValue(FixRequest, text: String)
    /// The project's dependencies view (`D`), scrolled by `scroll` lines.
    case dependencies(ProjectID, scroll: Int)
}
