import Foundation
import VantageCore

/// A project's `[backup]` table in `.vantage.toml`: where restic keeps the snapshots, what goes
/// into them, when the daemon takes one and how many are kept. The password is not here: it is
/// the project's secret `RESTIC_PASSWORD` in the vault.
public struct BackupSettings: Sendable, Equatable {
    /// How many snapshots `vantage backup forget` keeps (restic's `--keep-daily` …).
    public struct Keep: Sendable, Equatable {
        public var daily: Int
        public var weekly: Int
        public var monthly: Int
        public init(daily: Int = 7, weekly: Int = 4, monthly: Int = 6) {
            self.daily = daily
            self.weekly = weekly
            self.monthly = monthly
        }
    }

    /// A local folder (relative to the project, or absolute) or an `sftp:` URL, given to restic's `-r`.
    public var repository: String
    /// Folders and files to back up, relative to the project folder (default: the folder itself).
    public var paths: [String]
    /// Patterns restic leaves out (`--exclude`), besides what the project's `.gitignore` ignores.
    public var excludes: [String]
    /// When the daemon takes a backup (cron), if it does.
    public var schedule: CronExpression?
    public var keep: Keep
    /// The line of `[backup]`, for messages about the table as a whole.
    public var line: Int?

    /// Build and dependency folders no backup needs: they are made again from the manifests.
    public static let defaultExcludes = ["node_modules", ".build", "target", ".venv"]
    static let keys = ["repository", "paths", "excludes", "schedule", "keep"]
    static let keepKeys = ["daily", "weekly", "monthly"]
    /// Snapshots of one kind kept at most (restic takes any number; more is a typo).
    public static let keepRange = 0...10_000

    public init(repository: String, paths: [String] = ["."], excludes: [String] = defaultExcludes,
                schedule: CronExpression? = nil, keep: Keep = Keep(), line: Int? = nil) {
        self.repository = repository
        self.paths = paths
        self.excludes = excludes
        self.schedule = schedule
        self.keep = keep
        self.line = line
    }

    /// Whether the repository is reached through restic's sftp backend rather than a local folder.
    public var isRemote: Bool { repository.hasPrefix("sftp:") || repository.hasPrefix("rest:") || repository.hasPrefix("s3:") }

    /// The repository as restic is given it: a relative local path is taken from the project folder.
    public func repositoryLocation(projectPath: String) -> String {
        if isRemote || repository.hasPrefix("/") { return repository }
        return URL(fileURLWithPath: repository, relativeTo: URL(fileURLWithPath: projectPath + "/")).standardizedFileURL.path
    }

    /// `[backup]` of a project file; nil when the table is absent. Problems go into `t`.
    static func read(_ t: inout SchemaTable, paths projectPaths: ProjectPaths) -> BackupSettings? {
        guard var b = t.table("backup", known: keys) else { return nil }
        defer { t.absorb(b) }
        let tableLine = b.table.line > 0 ? b.table.line : nil
        guard let repository = b.string("repository", nonEmpty: true, emptyHint: "write a folder or an sftp: URL for the restic repository") else {
            if b.table["repository"] == nil {
                b.fail("repository", "[backup] needs repository = \"…\" (a folder or an sftp: URL)", line: tableLine,
                       hint: "for example repository = \"/srv/backups/myapp\"")
            }
            return nil
        }
        var settings = BackupSettings(repository: repository, line: tableLine)
        if let list = strings(&b, "paths") {
            var kept: [String] = []
            for path in list {
                if let why = projectPaths.outside(path) { b.fail("paths", why, hint: ProjectPaths.allowHint) } else { kept.append(path) }
            }
            settings.paths = kept.isEmpty ? settings.paths : kept
        }
        if let list = strings(&b, "excludes") { settings.excludes = list }
        if let text = b.string("schedule", nonEmpty: true, emptyHint: "write a cron expression such as \"0 3 * * *\", or remove the key") {
            do { settings.schedule = try CronExpression(text) } catch {
                b.fail("schedule", "not a cron expression: \(error)", hint: "5 fields: minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\", or @daily")
            }
        }
        if var k = b.table("keep", known: keepKeys) {
            if let n = k.integer("daily", in: keepRange) { settings.keep.daily = n }
            if let n = k.integer("weekly", in: keepRange) { settings.keep.weekly = n }
            if let n = k.integer("monthly", in: keepRange) { settings.keep.monthly = n }
            b.absorb(k)
        }
        return settings
    }

    /// An array of non-empty strings (a lone string is taken as a list of one).
    private static func strings(_ t: inout SchemaTable, _ key: String) -> [String]? {
        guard let v = t.table[key] else { return nil }
        guard let items = v.arrayValue ?? (v.stringValue != nil ? [v] : nil) else {
            t.fail(key, "expected an array of strings, found \(v.typeDescription)")
            return nil
        }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                t.fail(key, "expected a non-empty string, found \(item.stringValue == nil ? item.typeDescription : "an empty string")")
                continue
            }
            out.append(s)
        }
        return out
    }
}
