import Foundation
import VantageCore
import VantageFormats

/// One process of a running project.
struct RunningProcess: Codable, Sendable, Equatable {
    var name: String
    var pid: Int32
    /// From /proc/PID/stat: with the pid, tells this process apart from a later one with the same pid.
    var startTicks: UInt64
    var port: Int?
    var exited = false
}

/// The supervisor's state for one project.
struct ManagedProject: Sendable {
    var project: Project
    var config = ProjectConfig()
    var state: RunState = .stopped
    var processes: [RunningProcess] = []
    var ports: [Int] = []
    /// Increases on every start and stop; events from an older run are ignored.
    var generation = 0
    var restarts = 0
    /// Consecutive failed tries since the last stable run.
    var tries = 0
    var startedAt: Date?
    var environment = EnvironmentLayers.defaultEnvironment
    var overrides: [String: String] = [:]
    var cgroup: ProjectCgroup?
    var lastError: [String] = []
    /// Every backoff delay chosen, in order (shown in the detail view; tests read it).
    var backoffDelays: [Double] = []
    var backoffTask: Task<Void, Never>?
    var readinessTask: Task<Void, Never>?
    var userStopping = false
    var oomKillsSeen = 0
    var cpuPercent: Double = 0
    var rssBytes: UInt64 = 0
    var lastCPUSample: (time: ContinuousClock.Instant, nanos: UInt64)?
    var limitsOverride = ResourceLimits()
    var throttled = false
    var paused = false
    /// Set while the user has the project paused (`P`, `vantage pause`): the state to go back to.
    var stateBeforeUserPause: RunState?
    var decisions: [String] = []
    var logStart = 0
    var history = UsageHistory()
    /// Lines that look like errors among the recent log lines (updated by the monitor).
    var recentErrorLines = 0
    var ioReadBytesPerSec: Double = 0
    var ioWriteBytesPerSec: Double = 0
    var lastIOSample: (time: ContinuousClock.Instant, read: UInt64, write: UInt64)?

    var name: String { project.name }
    var id: ProjectID { project.id }
    var effectiveLimits: ResourceLimits { config.limits.merged(with: limitsOverride) }
    var mainPid: Int32? { processes.first(where: { !$0.exited })?.pid ?? processes.first?.pid }

    /// Health by the one formula (`Health`): nil while the project does not run.
    var health: Health {
        Health.of(Health.Inputs(state: state, recentRestarts: restarts + tries, recentErrors: recentErrorLines, cpuPercent: cpuPercent,
                                rssBytes: rssBytes, memoryLimitBytes: effectiveLimits.memoryBytes, oomKills: oomKillsSeen))
    }
}

/// A stable, file-name safe name for a project's logs, pipes and cgroup.
enum ProjectFileName {
    static func of(_ project: Project) -> String { ProjectLogFile.name(forProject: project.name) }

    /// Cgroup names also carry a short hash of `$VANTAGE_HOME` and the path, so two supervisors
    /// (or two projects with one name) never share a group.
    static func cgroupName(_ project: Project, home: String) -> String {
        var hash: UInt32 = 2166136261
        for b in (home + "\u{0}" + project.path).utf8 { hash = (hash ^ UInt32(b)) &* 16777619 }
        return of(project) + "-" + String(hash, radix: 16)
    }
}
