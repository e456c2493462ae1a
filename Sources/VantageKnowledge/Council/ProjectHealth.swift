import VantageCore

/// What the council reads about one project: plain values the caller fills from the analyzer
/// (vulnerabilities, debt, hotspots) and the orchestrator (restarts, resource pressure).
public struct ProjectHealth: Sendable, Equatable {
    public struct Vulnerability: Sendable, Equatable {
        public enum Severity: String, Sendable, Comparable, CaseIterable {
            case low, medium, high, critical
            var rank: Int { Self.allCases.firstIndex(of: self)! }
            public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
        }
        public var package: String
        public var severity: Severity
        /// The first version without it, when known.
        public var fixedIn: String?
        public init(package: String, severity: Severity, fixedIn: String? = nil) {
            self.package = package
            self.severity = severity
            self.fixedIn = fixedIn
        }
    }

    /// A cause of the project's failures the troubleshooter diagnosed.
    public struct Diagnosis: Sendable, Equatable {
        public var kind: ProblemKind
        public var title: String
        public init(kind: ProblemKind, title: String) {
            self.kind = kind
            self.title = title
        }
    }

    public var project: ProjectID
    public var name: String
    /// What the troubleshooter found wrong with the project's last run, most confident first.
    public var diagnoses: [Diagnosis] = []
    public var vulnerabilities: [Vulnerability]
    /// Restarts (crashes) in the last hour.
    public var restarts: Int
    /// Memory used over its limit, 0...1 (or more when over).
    public var memoryPressure: Double
    /// CPU used over its quota, 0...1.
    public var cpuPressure: Double
    /// Technical debt, 0 (none) ... 100.
    public var debt: Double
    /// The files with the most churn × complexity, worst first.
    public var hotspots: [String]

    public init(project: ProjectID, name: String, vulnerabilities: [Vulnerability] = [], restarts: Int = 0,
                memoryPressure: Double = 0, cpuPressure: Double = 0, debt: Double = 0, hotspots: [String] = []) {
        self.project = project
        self.name = name
        self.vulnerabilities = vulnerabilities
        self.restarts = restarts
        self.memoryPressure = memoryPressure
        self.cpuPressure = cpuPressure
        self.debt = debt
        self.hotspots = hotspots
    }
}
