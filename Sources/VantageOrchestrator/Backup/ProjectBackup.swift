import Foundation
import VantageCore
import VantageFormats

/// The backups of one project: `vantage backup run|list NAME` and the scheduled job call this, so
/// each does the same thing. It plans the backup (`BackupPlan`), copies the project's SQLite
/// databases consistently (`SQLiteStaging`), runs restic on the project's repository and records
/// what each snapshot added (`BackupLedger`).
public struct ProjectBackup: Sendable {
    public var plan: BackupPlan
    public var repository: ResticRepository
    public var ledger: BackupLedger
    public var staging: SQLiteStaging

    /// What one backup did.
    public struct Outcome: Sendable, Equatable {
        public var summary: ResticBackupSummary
        /// The databases copied with the online backup API, relative to the project.
        public var databases: [String]
    }

    public init(project: String, projectPath: String, settings: BackupSettings, environment: String,
                password: String, paths: VantagePaths, restic: ResticProcess = ResticProcess()) {
        plan = BackupPlan(project: project, projectPath: projectPath, settings: settings, environment: environment)
        repository = ResticRepository(location: plan.repository, password: password, project: project, restic: restic)
        ledger = BackupLedger(paths: paths)
        staging = SQLiteStaging(paths: paths, project: project, projectPath: plan.projectPath)
    }

    /// One snapshot of what `list` shows (`list --json` prints these).
    public struct Snapshot: Sendable, Equatable, Encodable {
        public var id: String
        public var time: Date
        public var paths: [String]
        public var tags: [String]
        /// Bytes of the files read; nil for a snapshot Vantage did not take.
        public var size: Int64?
        /// Bytes the repository grew by; nil for a snapshot Vantage did not take.
        public var added: Int64?
        /// Seconds the backup took; nil for a snapshot Vantage did not take.
        public var duration: Double?

        enum CodingKeys: String, CodingKey { case id, time, paths, tags, size, added, duration }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(UTCTime.iso8601(time), forKey: .time)
            try c.encode(paths, forKey: .paths)
            try c.encode(tags, forKey: .tags)
            try c.encode(size, forKey: .size)
            try c.encode(added, forKey: .added)
            try c.encode(duration, forKey: .duration)
        }
    }

    /// Takes a snapshot: the databases are staged first, the staging folder is removed after.
    public func run() throws(VantageError) -> Outcome {
        var plan = self.plan
        var staging = self.staging
        defer { staging.remove() }
        try staging.stage(&plan)
        let summary = try repository.backup(paths: plan.paths, excludes: plan.excludes, tags: plan.tags, directory: plan.projectPath)
        try ledger.record(.init(repository: plan.repository, snapshot: summary.snapshotID, project: plan.project,
                                size: summary.totalBytesProcessed, added: summary.dataAdded, duration: summary.totalDuration))
        return Outcome(summary: summary, databases: staging.databases)
    }

    /// The project's snapshots in the repository, oldest first.
    public func list() throws(VantageError) -> [Snapshot] {
        try repository.snapshots(tags: [BackupPlan.projectTag(plan.project)]).sorted { $0.time < $1.time }.map { s in
            let entry = ledger.entry(repository: plan.repository, snapshot: s.id)
            return Snapshot(id: s.id, time: s.time, paths: s.paths, tags: s.tags, size: entry?.size, added: entry?.added, duration: entry?.duration)
        }
    }
}
