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
    /// "api, worker are still running": stop them and quit / keep them running under a daemon and
    /// quit / cancel. Asked by `q` when the `on_exit` setting is `ask`.
    case quit
    /// A Timeline or Troubleshooting entry opened whole (`Enter`), scrolled by `scroll` lines.
    case entry(OpenedEntry, scroll: Int)
    /// The scheduler's jobs (`S`), the `selected` one's details under the list; Enter runs it now
    /// (asks first).
    case schedule(selected: Int)
    /// The `:` command prompt, with what has been typed.
    case palette(text: String)
    /// The selected project's processes as a tree (`T`), with the signal chooser when its
    /// `signal` is set.
    case processes(ProcessView)

    /// The overlays by what keys mean in them (the places of the `ActionSpec` table).
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case help, details, question, quit, entry, council, logs, dependencies, schedule
        /// The process view, and its signal chooser.
        case processes, signals
        /// Prompts that take typed text: every printable key is text, Enter and Esc end them.
        case filterInput, environmentInput, fixValue, logSearch, palette

        public var takesText: Bool {
            switch self {
            case .filterInput, .environmentInput, .fixValue, .logSearch, .palette: return true
            default: return false
            }
        }

        /// "the log viewer", "a question": for help headings and messages.
        public var title: String {
            switch self {
            case .help: return "Help"
            case .details: return "Details"
            case .question: return "a question (y/n)"
            case .quit: return "the quit question"
            case .entry: return "an opened entry"
            case .council: return "the council"
            case .logs: return "the log viewer"
            case .dependencies: return "the dependencies view"
            case .schedule: return "the schedule"
            case .processes: return "the process view"
            case .signals: return "the signal chooser"
            case .filterInput: return "the filter prompt"
            case .environmentInput: return "the environment prompt"
            case .fixValue: return "the value prompt"
            case .logSearch: return "the log search or filter prompt"
            case .palette: return "the command prompt"
            }
        }

        /// The heading of this overlay's keys in help.
        public var heading: String {
            switch self {
            case .help: return "Help"
            case .details: return "Details"
            case .question: return "Questions"
            case .quit: return "Quitting"
            case .entry: return "Opened entry"
            case .council: return "Council"
            case .logs: return "Log viewer"
            case .dependencies: return "Dependencies"
            case .schedule: return "Schedule"
            case .processes: return "Processes"
            case .signals: return "Signal chooser"
            case .filterInput, .environmentInput, .fixValue, .logSearch, .palette: return "Prompts"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .help: return .help
        case .details: return .details
        case .confirm, .confirmFix: return .question
        case .filterInput: return .filterInput
        case .environmentInput: return .environmentInput
        case .council: return .council
        case .logs(let v): return v.typing != nil ? .logSearch : .logs
        case .fixValue: return .fixValue
        case .dependencies: return .dependencies
        case .quit: return .quit
        case .entry: return .entry
        case .schedule: return .schedule
        case .palette: return .palette
        case .processes(let view): return view.signal == nil ? .processes : .signals
        }
    }
}
