import VantageCore

/// What the screen and the command line can do to a container, and how each maps to the engine's
/// API. One place, so `s`/`x`/`R`/`P`/`K`/`Delete` on the screen and `vantage launch|stop|restart|
/// pause|unpause|kill|rm` do the same thing.
public enum ContainerAction: String, Sendable, CaseIterable {
    case start, stop, restart, pause, unpause, kill, remove

    public init?(_ command: Command) {
        switch command {
        case .launch: self = .start
        case .stop: self = .stop
        case .restart: self = .restart
        case .pause: self = .pause
        case .resume: self = .unpause
        case .kill: self = .kill
        case .remove: self = .remove
        default: return nil
        }
    }

    /// Kill and remove lose the container's work (or the container itself): they are confirmed first.
    public var isDestructive: Bool { self == .kill || self == .remove }

    /// The past tense, for "web1 on default: killed".
    public var done: String {
        switch self {
        case .start: return "started"
        case .stop: return "stopped"
        case .restart: return "restarted"
        case .pause: return "paused"
        case .unpause: return "resumed"
        case .kill: return "killed"
        case .remove: return "removed"
        }
    }

    public func perform(on c: ContainerSummary, with client: DockerClient) async throws(VantageError) {
        switch self {
        // Starting a paused container means resuming it.
        case .start: c.State == "paused" ? try await client.unpause(c.Id) : try await client.start(c.Id)
        case .stop: try await client.stop(c.Id)
        case .restart: try await client.restart(c.Id)
        case .pause: try await client.pause(c.Id)
        case .unpause: try await client.unpause(c.Id)
        case .kill: try await client.kill(c.Id)
        case .remove: try await client.remove(c.Id, force: true)
        }
    }
}
