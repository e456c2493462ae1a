/// What actors tell the app. Plain values, so the same messages can later cross a socket.
///
/// `indirect`: every payload is boxed, so an `Event` is one pointer. Swift 6.3 aborts with
/// "freed pointer was not the last allocation" when an `AsyncStream` hands out elements of about
/// 280 bytes or more (swiftlang/swift#87481); `ProjectInsight` made `Event` 288 bytes inline and
/// the bus crashed the process now and then. A test keeps the size small.
public indirect enum Event: Codable, Sendable, Equatable {
    /// A scan of the workspace roots finished.
    case scanned(roots: [String], projects: [Project])
    /// The projects found by a source other than the folder scan (a Docker engine), replacing
    /// what that source reported before.
    case discovered(source: String, projects: [Project])
    /// A Docker engine became reachable or unreachable.
    case engine(EngineStatus)
    /// A fresh machine reading.
    case systemSampled(SystemSample)
    /// Fresh readings of every known project, taken together.
    case projectsSampled([ProjectSample])
    /// A project's lifecycle state changed.
    case stateChanged(project: ProjectID, from: RunState, to: RunState)
    case timeline(TimelineEntry)
    case diagnostic(Diagnostic)
    case log(LogLine)
    /// A new frame of the knowledge-graph layout.
    case graph(GraphSnapshot)
    /// The analyzer's latest figures for one project (quality, debt, coverage, dependencies).
    case insight(ProjectInsight)
    /// Suggestions of the troubleshooting knowledge base for problems of one project (nil: Vantage's own).
    case suggestions(project: ProjectID?, items: [TroubleshootingAdvice])
    /// The council's latest proposals, voted, replacing the previous ones.
    case council([CouncilProposal])
    /// The environments a project has (`development`, `.env.NAME` files, `[env.NAME]` sections)
    /// and the one it uses; sent when projects are registered and after a switch.
    case environments(project: ProjectID, available: [String], current: String)
    /// The pressure governor (opt-in: `[resources] governor = true`) slowed or paused a project
    /// (why, for the grid), or gave it back its resources (nil).
    case throttled(project: ProjectID, reason: String?)
    /// The ports a supervised project was started on (a port moved off a busy one included), so
    /// every view shows the port in use rather than the one declared.
    case portsInUse(project: ProjectID, ports: [Int])
    /// A scheduler's jobs with their next runs and last outcomes, replacing that host's previous list.
    case schedule(HostSchedule)
    /// Every project's lifecycle state as it is now, for a console that attaches (a snapshot, not
    /// a change: no timeline entry).
    case runStates([ProjectID: RunState])
    /// Timeline entries from before this console started or attached, read from the store with
    /// their original times, oldest first. Never stored again.
    case pastTimeline([TimelineEntry])
    /// Stored metric history for a window of the Metrics pane (`Command.loadHistory`, and on start
    /// or attach for the 5-minute window), so sparklines start full.
    case metricHistory(MetricHistory)
    /// A host the console is attached to (the local daemon, `--connect`, `[[hosts]]`) connected,
    /// or dropped and is being retried.
    case host(HostStatus)
    /// A project's processes as a tree, answering `Command.listProcesses`.
    case processes(ProcessTree)
    /// What became of a `Command.signal`.
    case signalSent(SignalReport)

    /// Which event this is, without its payload: what a subscriber asks for (`Bus.events(_:)`), so
    /// a log line wakes only the streams that read log lines.
    public enum Kind: String, Sendable, CaseIterable {
        case scanned, discovered, engine, systemSampled, projectsSampled, stateChanged, timeline, diagnostic, log,
             graph, insight, suggestions, council, environments, throttled, portsInUse, schedule,
             runStates, pastTimeline, metricHistory, host, processes, signalSent
    }

    public var kind: Kind {
        switch self {
        case .scanned: .scanned
        case .discovered: .discovered
        case .engine: .engine
        case .systemSampled: .systemSampled
        case .projectsSampled: .projectsSampled
        case .stateChanged: .stateChanged
        case .timeline: .timeline
        case .diagnostic: .diagnostic
        case .log: .log
        case .graph: .graph
        case .insight: .insight
        case .suggestions: .suggestions
        case .council: .council
        case .environments: .environments
        case .throttled: .throttled
        case .portsInUse: .portsInUse
        case .schedule: .schedule
        case .runStates: .runStates
        case .pastTimeline: .pastTimeline
        case .metricHistory: .metricHistory
        case .host: .host
        case .processes: .processes
        case .signalSent: .signalSent
        }
    }
}
