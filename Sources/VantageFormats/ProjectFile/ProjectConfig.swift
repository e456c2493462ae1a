import Foundation
import VantageCore

/// What a project's `.vantage.toml` says about it (read by `ProjectConfigReader`). Every field is
/// optional: without the file the detector's findings are used.
public struct ProjectConfig: Sendable, Equatable {
    /// The project's name, instead of the manifest's or the folder's.
    public var name: String?
    public var command: String?
    /// Folder to run in, relative to the project folder.
    public var cwd: String?
    /// Variables for every environment (`env = { ... }` or `[env]` string keys).
    public var env: [String: EnvValue] = [:]
    /// `[env.<name>]` sections, by environment name.
    public var environments: [String: [String: EnvValue]] = [:]
    public var ports: [Int] = []
    public var dependsOn: [DependencyRequirement] = []
    public var readiness: ReadinessSpec?
    public var readinessTiming = ReadinessTiming()
    public var restart = RestartPolicy()
    public var limits = ResourceLimits()
    public var priority: PriorityLevel = .normal
    /// Template files (`config/app.yaml.tmpl`), rendered next to themselves without the `.tmpl` suffix.
    public var templates: [String] = []
    /// Seconds between SIGTERM and SIGKILL.
    public var stopTimeout: Double = 10
    /// Pause (freeze) this project when the machine is under pressure, instead of only throttling it.
    public var pauseUnderPressure = false
    /// `[deploy]`: how `vantage deploy` makes and switches releases; nil when the file has none.
    public var deploy: DeploySettings?
    /// `[backup]`: restic repository, paths, schedule and retention; nil when not configured.
    public var backup: BackupSettings?
    /// The file it was read from, if any.
    public var file: String?
    /// Keys the schema does not know, each with file, line and the nearest known key.
    public var warnings: [VantageError] = []

    public init() {}

    /// A value with the line it was written on, for provenance in `vantage env show`.
    public struct EnvValue: Sendable, Equatable {
        public var value: String
        public var line: Int
        public init(value: String, line: Int) {
            self.value = value
            self.line = line
        }
    }
}
