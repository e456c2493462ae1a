import VantageCore
import VantageFormats
import VantageOrchestrator

/// A project as `GET /api/v1/projects` lists it: a row of `vantage ps` (the control socket's `ps`).
struct ProjectView: Encodable, Sendable {
    /// The stable id (the project's folder); the name is accepted wherever an id is.
    var id: String
    var name: String
    var kind: String
    var state: String
    var pid: Int32?
    var ports: [Int]
    /// Percent of one core.
    var cpuPercent: Double
    var rssBytes: UInt64
    /// 0–100; absent while the project does not run.
    var health: Int?
    var restarts: Int
    var environment: String
    /// Why it is in its state when that is not the supervisor's doing.
    var reason: String?

    init(_ s: ProjectStatus) {
        id = s.path
        name = s.name
        kind = s.kind
        state = s.state.rawValue
        pid = s.pid
        ports = s.ports
        cpuPercent = s.cpu.isFinite ? s.cpu : 0
        rssBytes = s.rss
        health = s.health
        restarts = s.restarts
        environment = s.env
        reason = s.reason
    }
}

/// One project in full (`GET /api/v1/projects/{id}`).
struct ProjectDetail: Encodable, Sendable {
    struct Process: Encodable, Sendable { var name: String; var pid: Int32; var port: Int? }
    var project: ProjectView
    var processes: [Process]
    var limits: LimitsView
    var priority: String
    var paused: Bool
    var throttled: Bool
    var lastError: [String]
    var decisions: [String]
    var healthReasons: [String]

    init(_ s: ProjectStatus) {
        project = ProjectView(s)
        processes = s.processes.map { Process(name: $0.name, pid: $0.pid, port: $0.port) }
        limits = LimitsView(s.limits)
        priority = s.priority.rawValue
        paused = s.paused
        throttled = s.throttled
        lastError = s.lastError
        decisions = s.decisions
        healthReasons = s.healthReasons
    }
}

/// A project's resource limits; an absent one is not limited.
struct LimitsView: Encodable, Sendable {
    var cpus: Double?
    var memoryBytes: UInt64?
    var pids: Int?
    var openFiles: Int?

    init(_ l: ResourceLimits) {
        cpus = l.cpus
        memoryBytes = l.memoryBytes
        pids = l.pids
        openFiles = l.openFiles
    }
}

/// `GET /api/v1/orchestration/resources/{id}`: usage now, limits, and the `vantage predict` forecast.
struct ResourcesView: Encodable, Sendable {
    struct Usage: Encodable, Sendable {
        var cpuPercent: Double
        var rssBytes: UInt64
        var ioReadBytesPerSecond: Double
        var ioWriteBytesPerSecond: Double
    }
    var project: String
    var usage: Usage
    var limits: LimitsView
    var forecast: ResourcePrediction?
    /// Why there is no forecast (too few samples yet, say).
    var forecastUnavailable: String?
}
