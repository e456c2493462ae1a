/// The lifecycle state of a project, as shown in the grid and in `ps --json`.
public enum RunState: String, Codable, Sendable, CaseIterable {
    case starting, running, ready, backoff, stopping, stopped, failed
    /// Running before Vantage knew of it and not owned by a supervisor (detected by cwd).
    case external
    /// A supervised project whose processes disappeared while no supervisor watched them.
    case lost
    /// Frozen in place: a paused container, or a supervised project whose cgroup was frozen. It
    /// keeps its memory and ports; resuming continues where it stopped.
    case paused

    public var isUp: Bool {
        switch self {
        case .starting, .running, .ready, .external, .stopping, .paused: return true
        case .backoff, .stopped, .failed, .lost: return false
        }
    }
}
