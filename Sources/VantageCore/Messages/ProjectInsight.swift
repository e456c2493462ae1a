import Foundation

/// What the analyzer found in one project, in the compact shape the dashboard shows: code quality,
/// technical debt, documentation and test coverage, and the state of its dependencies.
/// A plain value so it can cross a socket like every other `Event`.
public struct ProjectInsight: Codable, Sendable, Equatable {
    public var project: ProjectID
    /// When the analysis finished.
    public var time: Date
    public var quality: Quality
    public var debt: Debt
    /// Share of public functions and types with a doc comment, 0…1 (1 when nothing is public).
    public var documentation: Double
    /// Line coverage 0…100 from a coverage report found in the project, if any.
    public var coveragePercent: Double?
    /// Line coverage 0…100 of the project's coverage reports over time, oldest first (from the
    /// store's coverage history; nil when no history is kept or no report was ever read).
    public var coverageTrend: [Double]?
    public var dependencies: Dependencies
    /// One short line for a person, such as "analysed 12 files in 0.3 s" or "partial: time budget of 20 s spent".
    public var status: String

    public init(project: ProjectID, time: Date, quality: Quality, debt: Debt, documentation: Double,
                coveragePercent: Double?, dependencies: Dependencies, status: String, coverageTrend: [Double]? = nil) {
        self.coverageTrend = coverageTrend
        self.project = project
        self.time = time
        self.quality = quality
        self.debt = debt
        self.documentation = documentation
        self.coveragePercent = coveragePercent
        self.dependencies = dependencies
        self.status = status
    }

    /// Cyclomatic complexity across the project's functions.
    public struct Quality: Codable, Sendable, Equatable {
        public var files: Int
        public var functions: Int
        public var averageCCN: Double
        public var maxCCN: Int
        /// The most complex functions, worst first.
        public var worstFunctions: [FunctionSummary]
        public var smells: Int
        /// Smells by kind ("high-complexity", "long-function", "duplicated-block", …).
        public var smellsByKind: [String: Int]

        public init(files: Int, functions: Int, averageCCN: Double, maxCCN: Int, worstFunctions: [FunctionSummary], smells: Int,
                    smellsByKind: [String: Int] = [:]) {
            self.smellsByKind = smellsByKind
            self.files = files
            self.functions = functions
            self.averageCCN = averageCCN
            self.maxCCN = maxCCN
            self.worstFunctions = worstFunctions
            self.smells = smells
        }
    }

    public struct FunctionSummary: Codable, Sendable, Equatable {
        public var name: String
        /// Path relative to the project folder.
        public var file: String
        public var line: Int
        public var ccn: Int

        public init(name: String, file: String, line: Int, ccn: Int) {
            self.name = name
            self.file = file
            self.line = line
            self.ccn = ccn
        }
    }

    /// SQALE technical debt.
    public struct Debt: Codable, Sendable, Equatable {
        public var minutes: Int
        /// minutes / (minutes per line × lines of code); 0.04 is 4 %. Nil when there is no code to divide by.
        public var ratio: Double?
        /// "A" … "E" (SonarQube's thresholds at 5/10/20/50 %).
        public var rating: String
        public var linesOfCode: Int
        /// Files changed most often × their complexity, highest first ("path (score)").
        public var hotspots: [String]
        /// Debt minutes at weekly samples of the git history, oldest first (empty outside git).
        public var trend: [Int]

        public init(minutes: Int, ratio: Double?, rating: String, linesOfCode: Int, hotspots: [String] = [], trend: [Int] = []) {
            self.minutes = minutes
            self.ratio = ratio
            self.rating = rating
            self.linesOfCode = linesOfCode
            self.hotspots = hotspots
            self.trend = trend
        }

        /// The grid badge: rating and debt ("B 2h"), or the rating alone when `width` is too small.
        public func badge(width: Int) -> String {
            let full = rating + " " + ProjectInsight.duration(minutes)
            return full.count <= width ? full : rating
        }
    }

    /// What is known about the project's dependencies. Never a silent pass: `checked` is false
    /// with the reason in `note` when vulnerabilities were not looked up.
    public struct Dependencies: Codable, Sendable, Equatable {
        public var count: Int
        /// Whether the vulnerability check ran.
        public var checked: Bool
        /// Vulnerable packages by their worst severity ("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN").
        public var vulnerableBySeverity: [String: Int]
        /// Dependencies that could not be checked (no resolved version, ecosystem not in the database).
        public var unchecked: Int
        /// Dependencies whose licence could not be determined.
        public var unknownLicences: Int
        /// Licences found, by SPDX expression, with their counts.
        public var licences: [String: Int]
        public var conflicts: Int
        /// Missing or stale lock files.
        public var lockProblems: Int
        /// Newer versions are not looked up in the background (that may need the network).
        public var outdated: String
        /// Why something was not checked, or nil.
        public var note: String?
        /// The vulnerable packages, worst first (for the details and for graph nodes).
        public var vulnerablePackages: [VulnerablePackage]
        /// Every package and the problems spelled out, for the dependencies view (nil in insights stored before it existed).
        public var details: DependencyDetails?

        public init(count: Int = 0, checked: Bool = false, vulnerableBySeverity: [String: Int] = [:], unchecked: Int = 0,
                    unknownLicences: Int = 0, licences: [String: Int] = [:], conflicts: Int = 0, lockProblems: Int = 0,
                    outdated: String = "unknown (offline)", note: String? = nil, vulnerablePackages: [VulnerablePackage] = [],
                    details: DependencyDetails? = nil) {
            self.vulnerablePackages = vulnerablePackages
            self.details = details
            self.count = count
            self.checked = checked
            self.vulnerableBySeverity = vulnerableBySeverity
            self.unchecked = unchecked
            self.unknownLicences = unknownLicences
            self.licences = licences
            self.conflicts = conflicts
            self.lockProblems = lockProblems
            self.outdated = outdated
            self.note = note
        }

        public var vulnerable: Int { vulnerableBySeverity.values.reduce(0, +) }
    }

    /// A dependency with known vulnerabilities.
    public struct VulnerablePackage: Codable, Sendable, Equatable {
        public var ecosystem: String
        public var name: String
        public var version: String
        /// Its worst advisory's severity ("CRITICAL" … "UNKNOWN").
        public var severity: String
        public var advisories: [String]
        /// The smallest version that fixes every advisory, if there is one.
        public var fixedIn: String?

        public init(ecosystem: String, name: String, version: String, severity: String, advisories: [String], fixedIn: String?) {
            self.ecosystem = ecosystem
            self.name = name
            self.version = version
            self.severity = severity
            self.advisories = advisories
            self.fixedIn = fixedIn
        }
    }

    /// Debt in SonarQube's units (a day is 8 hours), the largest unit only: "45m", "2h", "3d".
    public static func duration(_ minutes: Int) -> String { WorkText.duration(minutes: minutes, units: 1) }
}
