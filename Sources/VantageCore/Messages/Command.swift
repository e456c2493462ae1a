/// What the app asks actors to do. Side effects of `update` are expressed only as commands.
/// `indirect` for the same reason as `Event`: stream elements stay one pointer wide.
public indirect enum Command: Codable, Sendable, Equatable {
    /// Take a sample now instead of waiting for the next tick.
    case refresh
    /// Scan the workspace roots again.
    case rescan
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
    /// Advance or re-seed the graph layout (sent when the graph pane is visible).
    case layoutGraph
    /// The app is quitting: actors should finish what they are writing and stop.
    case shutdown
    /// The user accepted (true) or rejected a council proposal; the council remembers it.
    case decide(CouncilProposal, accepted: Bool)
    /// Apply a troubleshooting suggestion's automated fix (the user confirmed it on screen).
    case applyFix(FixRequest)
    /// Ask the project's ecosystem tools for newer versions of its dependencies (may use the
    /// network); the analyzer answers with the project's insight, outdated packages filled in.
    case checkOutdated(ProjectID)

    /// The project a command is about, if it is about one.
    public var project: ProjectID? {
        switch self {
        case .launch(let id), .stop(let id), .restart(let id), .pause(let id), .resume(let id), .kill(let id),
             .remove(let id), .useEnvironment(let id, _), .checkOutdated(let id):
            return id
        case .applyFix(let request): return request.project
        case .refresh, .rescan, .layoutGraph, .shutdown, .decide: return nil
        }
    }
}
