import Foundation
import VantageCore
import VantageFormats

/// One row of `vantage ps`: what the grid and `ps --json` show for a project.
public struct ProjectStatus: Codable, Sendable, Equatable {
    public struct ProcessInfo: Codable, Sendable, Equatable {
        public var name: String
        public var pid: Int32
        public var port: Int?
    }
    public var name: String
    public var path: String
    public var kind: String
    public var state: RunState
    public var pid: Int32?
    public var ports: [Int]
    /// Percent of one core.
    public var cpu: Double
    /// Bytes.
    public var rss: UInt64
    /// 0–100 by the one formula (`Health`); nil ("n/a") while the project does not run.
    public var health: Int?
    public var restarts: Int
    public var env: String
    /// Port reassignments and other decisions taken for this project, newest last.
    public var decisions: [String]
    /// The last error lines of a failed or crashed run.
    public var lastError: [String]
    public var processes: [ProcessInfo]
    public var backoffDelays: [Double]
    public var limits: ResourceLimits
    public var priority: PriorityLevel
    public var throttled: Bool
    public var paused: Bool
    /// Why the health score is what it is, one part per line.
    public var healthReasons: [String]
    /// Bytes per second read and written by the project's processes.
    public var ioRead: Double
    public var ioWrite: Double
    /// Why the project is in its state, when that is not the supervisor's doing (a compose
    /// project with no Docker engine to run it); nil otherwise.
    public var reason: String? = nil

    /// A project this host knows but the supervisor does not run (a compose project, run by the
    /// compose launcher on a Docker engine): its kind, its state as the host sees it, and why.
    public static func unsupervised(_ project: Project, state: RunState, reason: String?) -> ProjectStatus {
        ProjectStatus(name: project.name, path: project.path, kind: project.primaryKind.rawValue, state: state, pid: nil,
                      ports: project.ports, cpu: 0, rss: 0, health: nil, restarts: 0, env: "", decisions: [], lastError: [],
                      processes: [], backoffDelays: [], limits: ResourceLimits(), priority: .normal, throttled: false, paused: false,
                      healthReasons: [], ioRead: 0, ioWrite: 0, reason: reason)
    }
}
