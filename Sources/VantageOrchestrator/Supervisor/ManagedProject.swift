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

    /// 0–100 from state, readiness, restarts, errors in the logs and pressure against limits.
    var health: Int { healthBreakdown.score }

    /// The score and why: one line per part, for the TUI's explanation (`Enter`) and `ps`.
    var healthBreakdown: (score: Int, reasons: [String]) {
        var reasons: [String] = []
        var score: Double
        switch state {
        case .ready: score = 100; reasons.append("ready: 100")
        case .running: score = 80; reasons.append("running but not ready: 80")
        case .starting: score = 70; reasons.append("starting: 70")
        case .stopping, .stopped, .paused: score = 60; reasons.append("\(state.rawValue): 60")
        case .backoff: score = 30; reasons.append("waiting to restart after a crash: 30")
        case .external: score = 70; reasons.append("not supervised: 70")
        case .failed, .lost: score = 0; reasons.append("\(state.rawValue): 0")
        }
        if tries > 0 { score -= Double(min(tries, 5)) * 6; reasons.append("\(tries) failed tries in a row: -\(min(tries, 5) * 6)") }
        if restarts > 0 { score -= Double(min(restarts, 10)) * 2; reasons.append("\(restarts) restarts: -\(min(restarts, 10) * 2)") }
        if recentErrorLines > 0 {
            let penalty = min(20, recentErrorLines * 2)
            score -= Double(penalty)
            reasons.append("\(recentErrorLines) error lines in the last \(ProjectLog.tailCapacity) log lines: -\(penalty)")
        }
        if oomKillsSeen > 0 { score -= 15; reasons.append("killed for memory \(oomKillsSeen) times: -15") }
        if let limit = effectiveLimits.memoryBytes, limit > 0 {
            let ratio = Double(rssBytes) / Double(limit)
            if ratio > 0.9 { score -= 20; reasons.append(String(format: "memory at %.0f%% of its limit: -20", ratio * 100)) }
            else if ratio > 0.75 { score -= 10; reasons.append(String(format: "memory at %.0f%% of its limit: -10", ratio * 100)) }
        }
        return (Int(max(0, min(100, score)).rounded()), reasons)
    }
}

/// A stable, file-name safe name for a project's logs, pipes and cgroup.
enum ProjectFileName {
    static func of(_ project: Project) -> String {
        let safe = project.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }
        return String(safe.prefix(60))
    }

    /// Cgroup names also carry a short hash of `$VANTAGE_HOME` and the path, so two supervisors
    /// (or two projects with one name) never share a group.
    static func cgroupName(_ project: Project, home: String) -> String {
        var hash: UInt32 = 2166136261
        for b in (home + "\u{0}" + project.path).utf8 { hash = (hash ^ UInt32(b)) &* 16777619 }
        return of(project) + "-" + String(hash, radix: 16)
    }
}
