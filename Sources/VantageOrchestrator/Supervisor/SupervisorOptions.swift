import Foundation

/// Settings of a supervisor (the daemon reads them from flags; tests shorten the waits).
public struct SupervisorOptions: Sendable {
    /// Overrides every project's `stop_timeout` (seconds between SIGTERM and SIGKILL) when set.
    public var stopTimeout: Double?
    /// How long `stop` waits for the project's ports to be free before reporting stopped anyway.
    public var portFreeTimeout: Double = 3
    /// Put each project in its own cgroup when the machine allows it.
    public var useCgroups = true
    public var cgroupRoot = "/sys/fs/cgroup"
    /// Sampling of CPU and memory, OOM checks and pressure decisions.
    public var monitorInterval: Duration = .seconds(1)
    /// Overrides every project's readiness timeout when set.
    public var readinessTimeout: Double?
    public var pressure = PressureThresholds()
    /// A project with no port and no readiness probe counts as ready after staying up this long (seconds).
    public var noProbeGrace: Double = 0.5
    /// Make the supervisor a child subreaper (orphans of projects reparent to it).
    public var becomeSubreaper = true

    public init() {}
}

/// When the machine counts as under pressure, and what to do about it.
public struct PressureThresholds: Sendable, Codable, Equatable {
    /// Used memory share of the machine (0...1) above which lower-priority projects are throttled.
    public var memory: Double = 0.90
    /// Busy CPU share of the machine (0...1) above which lower-priority projects are throttled.
    public var cpu: Double = 0.90
    /// Pressure ends below these minus this margin (hysteresis).
    public var margin: Double = 0.10
    /// CPU quota (cores) given to a throttled project.
    public var throttledCPU: Double = 0.2
    /// Off unless asked for (`[resources] governor = true` in `vantage.toml`, `vantage daemon
    /// --governor`): Vantage never slows a project down on its own initiative.
    public var enabled = false
    public init() {}
}
