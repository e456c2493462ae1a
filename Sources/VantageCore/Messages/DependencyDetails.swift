/// The rows of a project's dependencies view: every package with its licence and worst known
/// advisory, the dependencies left out by an environment marker, the conflicts and lock problems
/// spelled out, and newer versions when they were looked up. Carried in `ProjectInsight.Dependencies`.
public struct DependencyDetails: Codable, Sendable, Equatable {
    public struct Package: Codable, Sendable, Equatable {
        public var ecosystem: String
        public var name: String
        /// The resolved or pinned version; nil when only a range is declared (see `requirement`).
        public var version: String?
        public var requirement: String?
        public var direct: Bool
        public var dev: Bool
        /// SPDX expression; nil when unknown.
        public var licence: String?
        /// The worst advisory's severity ("CRITICAL" … "UNKNOWN"); nil when none is known or it was not checked.
        public var severity: String?
        /// The manifest or lock file, relative to the project, with the line ("requirements.txt:3").
        public var source: String

        public init(ecosystem: String, name: String, version: String?, requirement: String?, direct: Bool, dev: Bool,
                    licence: String?, severity: String?, source: String) {
            self.ecosystem = ecosystem; self.name = name; self.version = version; self.requirement = requirement
            self.direct = direct; self.dev = dev; self.licence = licence; self.severity = severity; self.source = source
        }
    }

    public struct Skipped: Codable, Sendable, Equatable {
        public var name: String
        public var marker: String
        public var reason: String
        public init(name: String, marker: String, reason: String) { self.name = name; self.marker = marker; self.reason = reason }
    }

    /// A newer version, as the ecosystem's own tool reported it.
    public struct Outdated: Codable, Sendable, Equatable {
        public var name: String
        public var current: String
        /// nil when the tool could not say; never guessed.
        public var latest: String?
        /// "available", "unknown (offline)", "unknown (pip failed)" …
        public var status: String
        public init(name: String, current: String, latest: String?, status: String) {
            self.name = name; self.current = current; self.latest = latest; self.status = status
        }
    }

    public var packages: [Package]
    public var skipped: [Skipped]
    /// One line per conflict: "flask: <2 (api) and >=3 (web): no version satisfies all".
    public var conflicts: [String]
    /// One line per missing or stale lock: "requirements.txt: stale (…)".
    public var lockProblems: [String]
    /// nil: newer versions were not looked up (the analyzer stays offline).
    public var outdated: [Outdated]?

    public init(packages: [Package] = [], skipped: [Skipped] = [], conflicts: [String] = [], lockProblems: [String] = [],
                outdated: [Outdated]? = nil) {
        self.packages = packages; self.skipped = skipped; self.conflicts = conflicts
        self.lockProblems = lockProblems; self.outdated = outdated
    }
}
