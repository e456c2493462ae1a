import Foundation
import VantageCore
import VantageDependencies
import VantageStore

/// Runs every analysis on one project folder and condenses it into a `ProjectInsight`: quality
/// (CCN, worst functions, smells, documentation), SQALE debt with quality's smells joined in,
/// hotspots and the weekly trend, a coverage report if one lies in a usual place, and the
/// dependencies (vulnerabilities only when an advisory database was given: never a silent pass).
///
/// Synchronous and CPU-bound: the actor calls it from a background task. The time budget is
/// checked between steps (each file has its own budget inside the quality step); what was not
/// reached is named in `status`.
public struct InsightBuilder: Sendable {
    public struct Options: Sendable {
        /// Time allowed for one project; steps not started within it are skipped and named.
        public var timeBudget: Duration = .seconds(30)
        /// How many of the worst functions the insight carries.
        public var worstFunctions = 5
        /// Days of git history for hotspots.
        public var hotspotWindowDays = 90
        /// Weekly samples of the debt back in time (0: no trend).
        public var historyWeeks = 8
        public var quality = QualityOptions()
        public init() {}
    }

    /// The vulnerabilities found, for diagnostics and the graph (nil when not checked).
    public struct Result: Sendable {
        public var insight: ProjectInsight
        public var vulnerabilities: VulnerabilityScan?
        /// The coverage report read, if one lay in a usual place (for the coverage history).
        public var coverage: LocatedCoverage?
    }

    /// Where coverage reports usually are, relative to the project folder.
    public static var coverageCandidates: [String] { CoverageLocator.candidates }

    public static let noDatabaseNote = "not checked (no advisory database: run vantage deps db import DIR)"

    public var options: Options
    /// The offline OSV database, or nil when none was imported.
    public var database: AdvisoryDatabase?

    public init(options: Options = Options(), database: AdvisoryDatabase?) {
        self.options = options
        self.database = database
    }

    public func analyze(_ project: Project, now: @Sendable () -> Date = Date.init) -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + options.timeBudget
        var skipped: [String] = []
        var problems: [String] = []
        let root = project.path

        // Quality.
        var quality = ProjectInsight.Quality(files: 0, functions: 0, averageCCN: 0, maxCCN: 0, worstFunctions: [], smells: 0)
        var documentation = 1.0
        var smellItems: [RemediationItem] = []
        var complexityByFile: [String: Int]?
        var partialFiles = 0
        do {
            let report = try QualityAnalyzer.analyze(path: root, options: options.quality)
            let t = report.totals
            quality = ProjectInsight.Quality(
                files: t.files, functions: t.functions, averageCCN: t.averageCCN, maxCCN: t.maxCCN,
                worstFunctions: report.worstFunctions(limit: options.worstFunctions).map {
                    ProjectInsight.FunctionSummary(name: $0.function.name, file: Self.relative($0.file, to: root),
                                                   line: $0.function.startLine, ccn: $0.function.ccn)
                },
                smells: report.smells.count,
                smellsByKind: report.smells.reduce(into: [:]) { $0[$1.kind.rawValue, default: 0] += 1 })
            documentation = t.documentation.ratio
            smellItems = report.smells.map {
                RemediationItem(kind: $0.kind.rawValue, file: Self.relative($0.file, to: root), line: $0.line, minutes: $0.remediationMinutes)
            }
            complexityByFile = report.files.reduce(into: [:]) { sums, f in
                sums[Self.relative(f.path, to: root)] = f.functions.reduce(0) { $0 + $1.ccn }
            }
            partialFiles = report.skipped.count
        } catch {
            problems.append("quality: \(error)")
        }

        // Debt, with quality's smells as extra items.
        var debt = ProjectInsight.Debt(minutes: 0, ratio: nil, rating: "-", linesOfCode: 0)
        if clock.now < deadline {
            let analysis = ProjectDebtAnalysis(hotspotWindowDays: options.hotspotWindowDays,
                                               historyWeeks: options.historyWeeks)
            do {
                let r = try analysis.analyze(root: root, extraItems: smellItems, complexityByFile: complexityByFile, now: now())
                let s = r.summary
                // No code, no ratio: a compose-only folder is not rated E for a missing README.
                debt = ProjectInsight.Debt(
                    minutes: s.debtMinutes, ratio: s.linesOfCode > 0 ? s.ratio : nil,
                    rating: s.grade,
                    linesOfCode: s.linesOfCode,
                    hotspots: r.hotspots.prefix(3).map { "\($0.file) (\($0.score))" },
                    trend: r.history.map(\.summary.debtMinutes))
            } catch {
                problems.append("debt: \(error)")
            }
        } else {
            skipped.append("debt")
        }

        // Coverage, from the first report found in a usual place.
        let located = CoverageLocator.find(inProject: root)
        let coverage = located?.report.total.lineRate.map { $0 * 100 }

        // Dependencies.
        var dependencies = ProjectInsight.Dependencies(note: Self.noDatabaseNote)
        var scan: VulnerabilityScan?
        if clock.now < deadline {
            let overview = DependencyOverview.build(path: root, database: database, checkUpdates: false)
            scan = overview.vulnerabilities
            dependencies = Self.summary(overview, checked: database != nil && scan != nil)
            if let scan { dependencies.vulnerablePackages = Self.vulnerablePackages(scan) }
            dependencies.details = overview.details(relativeTo: root)
            if database != nil, scan == nil {
                dependencies.note = "not checked: " + overview.errors.map { "\($0)" }.joined(separator: "; ")
            }
        } else {
            skipped.append("dependencies")
            dependencies.note = "not checked (time budget spent)"
        }

        let elapsed = clock.now - started
        var status = "analysed \(quality.files) file\(quality.files == 1 ? "" : "s") in \(Self.seconds(elapsed))"
        if partialFiles > 0 { status += "; \(partialFiles) skipped (binary or too large)" }
        if !skipped.isEmpty { status += "; time budget of \(Self.seconds(options.timeBudget)) spent, skipped " + skipped.joined(separator: " and ") }
        if !problems.isEmpty { status += "; " + problems.joined(separator: "; ") }
        let insight = ProjectInsight(project: project.id, time: now(), quality: quality, debt: debt,
                                     documentation: documentation, coveragePercent: coverage,
                                     dependencies: dependencies, status: status)
        return Result(insight: insight, vulnerabilities: scan, coverage: located)
    }

    static func summary(_ o: DependencyOverview, checked: Bool) -> ProjectInsight.Dependencies {
        var licences: [String: Int] = [:]
        var unknown = 0
        for f in o.licenses {
            if f.licenses.isEmpty { unknown += 1 } else { licences[f.licenses.joined(separator: " AND "), default: 0] += 1 }
        }
        var bySeverity: [String: Int] = [:]
        for (rating, count) in o.bySeverity { bySeverity[rating.rawValue, default: 0] += count }
        return ProjectInsight.Dependencies(
            count: o.inventory.dependencies.count, checked: checked, vulnerableBySeverity: bySeverity,
            unchecked: o.vulnerabilities?.unchecked.count ?? 0, unknownLicences: unknown, licences: licences,
            conflicts: o.conflicts.count, lockProblems: o.locks.filter { $0.state != .ok }.count,
            outdated: "unknown (offline)", note: checked ? nil : noDatabaseNote)
    }

    /// Vulnerable packages, worst severity first, then by name.
    static func vulnerablePackages(_ scan: VulnerabilityScan) -> [ProjectInsight.VulnerablePackage] {
        scan.findings.map { f in
            let worst = f.matches.map { AdvisorySeverity(advisory: scan.advisories[$0.advisoryID] ?? [:]).rating }.max() ?? .unknown
            return (worst, ProjectInsight.VulnerablePackage(
                ecosystem: f.dependency.ecosystem.rawValue, name: f.dependency.name, version: f.dependency.version ?? "",
                severity: worst.rawValue, advisories: f.matches.map(\.advisoryID),
                fixedIn: f.matches.compactMap(\.fixedIn).sorted().last))
        }
        .sorted { ($0.0, $1.1.name) > ($1.0, $0.1.name) }
        .map(\.1)
    }

    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(format: "%.1f s", s)
    }
}
