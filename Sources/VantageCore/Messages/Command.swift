/// What the app asks actors to do. Side effects of `update` are expressed only as commands.
/// `indirect` for the same reason as `Event`: stream elements stay one pointer wide.
public indirect enum Command: Codable, Sendable, Equatable {
    /// Take a sample now instead of waiting for the next tick.
    case refresh
    case launch(ProjectID)
    case stop(ProjectID)
    case restart(ProjectID)
    /// Freeze a project in place (a container's `pause`, a supervised project's cgroup freezer);
    /// `resume` continues it.
    case pause(ProjectID)
    case resume(ProjectID)
    /// End a project at once with SIGKILL, without a clean shutdown. Destructive: the screen and
    /// the CLI ask first.
    case kill(ProjectID)
    /// Remove a container (stopping it first if it runs). Destructive: the screen and the CLI ask first.
    case remove(ProjectID)
    /// Switch a project to another environment (`.env.<name>`, `[env.<name>]`, its secrets); a
    /// running project restarts in it.
    case useEnvironment(ProjectID, String)
    /// The app is quitting: actors should finish what they are writing and stop.
    case shutdown
    /// The user accepted (true) or rejected a council proposal; the council remembers it.
    case decide(CouncilProposal, accepted: Bool)
    /// Apply a troubleshooting suggestion's automated fix (the user confirmed it on screen).
    case applyFix(FixRequest)
    /// Ask the project's ecosystem tools for newer versions of its dependencies (may use the
    /// network); the analyzer answers with the project's insight, outdated packages filled in.
    case checkOutdated(ProjectID)
    /// Read the stored history of the Metrics pane's window (the answer is `Event.metricHistory`).
    case loadHistory(MetricWindow)
    /// Run a stored scheduled job now, outside its schedule (the schedule overlay's Enter, like
    /// `vantage schedule run-now`); the scheduler that holds it puts the run and its outcome on
    /// the timeline.
    case runScheduledJob(ScheduledJob.Reference)
    /// List a project's processes as a tree (the process view, `T`): the monitor answers with
    /// `Event.processes` from its last tick.
    case listProcesses(ProjectID)
    /// Send a signal to one process of a project (the process view's signal chooser). The
    /// project's owner sends it, only to a process of that project, and answers `Event.signalSent`.
    case signal(ProjectID, pid: Int32, ProcessSignal)

    /// The project a command is about, if it is about one.
    public var project: ProjectID? {
        switch self {
        case .launch(let id), .stop(let id), .restart(let id), .pause(let id), .resume(let id), .kill(let id),
             .remove(let id), .useEnvironment(let id, _), .checkOutdated(let id), .listProcesses(let id), .signal(let id, _, _):
            return id
        case .applyFix(let request): return request.project
        case .refresh, .shutdown, .decide, .loadHistory, .runScheduledJob: return nil
        }
    }

    /// Whether the actors of `host` (nil: this machine) are the ones to carry it out: a project's
    /// command belongs to the project's host, a scheduled job's to the host that holds it, and
    /// the rest (refresh, a decision, the history) to every host.
    public func belongs(toHost host: String?) -> Bool {
        switch self {
        case .runScheduledJob(let job): return job.host == host
        default: return project.map { $0.host == host } ?? true
        }
    }

    /// Which command this is, without its payload: what a listener subscribes to (`Bus.commands`).
    public enum Kind: String, Sendable, CaseIterable {
        case refresh, launch, stop, restart, pause, resume, kill, remove, useEnvironment, shutdown, decide, applyFix, checkOutdated, loadHistory
        case runScheduledJob, listProcesses, signal

        /// The kinds that act on a running project: only the project's owner (the supervisor, the
        /// Docker watcher, the compose launcher, the daemon behind an attached console) carries them out.
        public static let lifecycle: Set<Kind> = [.launch, .stop, .restart, .pause, .resume, .kill, .remove, .useEnvironment, .signal]

        /// How a person names it ("kill", "use environment").
        public var verb: String {
            switch self {
            case .useEnvironment: "switch the environment of"
            case .applyFix: "apply a fix to"
            case .checkOutdated: "check outdated dependencies of"
            case .decide: "decide on a council proposal"
            case .loadHistory: "load the metric history of"
            case .runScheduledJob: "run a scheduled job"
            case .listProcesses: "list the processes of"
            case .signal: "send a signal to a process of"
            default: rawValue
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .refresh: .refresh
        case .launch: .launch
        case .stop: .stop
        case .restart: .restart
        case .pause: .pause
        case .resume: .resume
        case .kill: .kill
        case .remove: .remove
        case .useEnvironment: .useEnvironment
        case .shutdown: .shutdown
        case .decide: .decide
        case .applyFix: .applyFix
        case .checkOutdated: .checkOutdated
        case .loadHistory: .loadHistory
        case .runScheduledJob: .runScheduledJob
        case .listProcesses: .listProcesses
        case .signal: .signal
        }
    }

    /// The running project this command acts on, for the lifecycle kinds: the bus hands it only to
    /// that project's owner. Nil for the others, which go to whoever listens to their kind.
    public var ownedProject: ProjectID? { Kind.lifecycle.contains(kind) ? project : nil }
}
