import Foundation

/// A job the scheduler runs: when (a cron expression, in local time), on what (a project or the
/// whole workspace) and what (an action name from the scheduler's table: `analyze`, `restart`…),
/// with what it last did and when it runs next. Kept in SQLite, so `vantage schedule add` works
/// whether or not a daemon runs; the `schedule` event carries the list to the screen.
public struct ScheduledJob: Codable, Sendable, Equatable, Identifiable {
    /// What a job acts on. Written `workspace` or a project's name on the command line and in JSON.
    public enum Target: Codable, Sendable, Hashable, CustomStringConvertible {
        case workspace
        case project(String)

        public init(_ text: String) { self = text == "workspace" ? .workspace : .project(text) }

        public var description: String {
            switch self {
            case .workspace: return "workspace"
            case .project(let name): return name
            }
        }

        public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// How a run ended, in words for a person ("3 stale lock files: …", "no project named web").
    public struct Outcome: Codable, Sendable, Equatable {
        public var succeeded: Bool
        public var message: String

        public init(succeeded: Bool, message: String) {
            self.succeeded = succeeded
            self.message = message
        }

        public static func ok(_ message: String) -> Outcome { Outcome(succeeded: true, message: message) }
        public static func failed(_ message: String) -> Outcome { Outcome(succeeded: false, message: message) }
    }

    public var id: Int64
    /// The cron expression as written (`CronExpression` reads it).
    public var cron: String
    public var target: Target
    /// The action's name in the scheduler's table.
    public var action: String
    /// The folder the action reads, for the actions that need one (the OSV folder a
    /// vulnerability-database refresh imports).
    public var source: String?
    public var created: Date
    /// When the last run started, and how it ended.
    public var lastRun: Date?
    public var lastOutcome: Outcome?
    /// When it runs next, as the scheduler last computed it (nil before a scheduler has seen it).
    public var nextRun: Date?
    /// The host whose scheduler holds it when that is not this machine (a console attached with
    /// `--connect`): set from the list it came in (`HostSchedule`), never sent.
    public var host: String?

    private enum CodingKeys: String, CodingKey {
        case id, cron, target, action, source, created, lastRun, lastOutcome, nextRun
    }

    /// How a console names this job to the scheduler that holds it.
    public var reference: Reference { Reference(id: id, host: host) }

    /// A job as a command names it: its id in its host's store, and the host (nil: this machine).
    /// Like a project's qualified id, the host is set when the reference is decoded from that
    /// host's connection (`ProjectID.hostKey`) and never sent: the remote scheduler knows its own ids.
    public struct Reference: Codable, Sendable, Hashable, CustomStringConvertible {
        public var id: Int64
        public var host: String?

        public init(id: Int64, host: String? = nil) {
            self.id = id
            self.host = host
        }

        public init(from decoder: any Decoder) throws {
            id = try decoder.singleValueContainer().decode(Int64.self)
            host = decoder.userInfo[ProjectID.hostKey] as? String
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(id)
        }

        /// "job 3", "job 3 on web1"
        public var description: String { "job \(id)" + (host.map { " on \($0)" } ?? "") }
    }

    public init(id: Int64, cron: String, target: Target, action: String, source: String? = nil, created: Date,
                lastRun: Date? = nil, lastOutcome: Outcome? = nil, nextRun: Date? = nil) {
        self.id = id
        self.cron = cron
        self.target = target
        self.action = action
        self.source = source
        self.created = created
        self.lastRun = lastRun
        self.lastOutcome = lastOutcome
        self.nextRun = nextRun
    }

    /// The command that adds a first job, for the places that say there are none (the CLI's
    /// `schedule list`, the schedule overlay).
    public static let addExample = "vantage schedule add --cron '0 3 * * *' --target workspace --action analyze"

    /// "analyze on web", "vuln-db-refresh on the workspace"
    public var title: String {
        "\(action) on " + (target == .workspace ? "the workspace" : target.description)
    }
}

/// One host's scheduled jobs as its scheduler reported them (`Event.schedule`), replacing that
/// host's previous list: a console attached to several daemons keeps each host's list apart. The
/// host is set when the list is decoded from that host's connection (`ProjectID.hostKey`), never
/// sent; nil for this machine's scheduler.
public struct HostSchedule: Codable, Sendable, Equatable {
    public var host: String?
    public var jobs: [ScheduledJob]

    public init(host: String? = nil, jobs: [ScheduledJob]) {
        self.host = host
        self.jobs = jobs.map { var job = $0; job.host = host; return job }
    }

    private enum CodingKeys: String, CodingKey { case jobs }

    public init(from decoder: any Decoder) throws {
        let jobs = try decoder.container(keyedBy: CodingKeys.self).decode([ScheduledJob].self, forKey: .jobs)
        self.init(host: decoder.userInfo[ProjectID.hostKey] as? String, jobs: jobs)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jobs, forKey: .jobs)
    }
}
