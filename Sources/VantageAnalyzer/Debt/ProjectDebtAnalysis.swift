import Foundation

/// Everything Vantage says about a project's technical debt, from one code path for the CLI and
/// the dashboard.
public struct ProjectDebtReport: Codable, Sendable {
    public var root: String
    public var summary: DebtSummary
    /// Every remediation item that makes up the debt.
    public var items: [RemediationItem]
    public var antiPatterns: [AntiPatternFinding]
    public var practices: PracticeReport
    public var todoPerKLOC: Double
    /// What the hotspot complexity is: `"ccn"` when summed CCN was given, else `"lines-of-code"`.
    public var complexityMeasure: String
    /// Days of history the hotspots cover; empty hotspots when the folder is not in a git repository.
    public var hotspotWindowDays: Int
    public var hotspots: [Hotspot]
    public var priorities: [RefactoringPriority]
    public var history: [DebtHistoryPoint]
    public var costOfDelay: CostOfDelay?
    /// Files left out (binary, too large) and why.
    public var skipped: [String: String]
}

/// Computes a `ProjectDebtReport`: the anti-pattern scanner and the practice checker produce the
/// remediation items (plus any `extraItems`, such as quality's smells); git gives hotspots and the
/// debt at weekly samples, read-only.
public struct ProjectDebtAnalysis: Sendable {
    public var calculator: DebtCalculator
    public var scanner: AntiPatternScanner
    public var hotspotWindowDays: Int
    /// Weekly samples back in time (0: no history).
    public var historyWeeks: Int

    public init(calculator: DebtCalculator = DebtCalculator(), scanner: AntiPatternScanner = AntiPatternScanner(),
                hotspotWindowDays: Int = 90, historyWeeks: Int = 12) {
        self.calculator = calculator
        self.scanner = scanner
        self.hotspotWindowDays = hotspotWindowDays
        self.historyWeeks = historyWeeks
    }

    /// - `extraItems`: items from other checks (smells), with paths relative to `root`.
    /// - `complexityByFile`: summed CCN per file (relative paths); without it, hotspots use lines of code.
    public func analyze(root: String, extraItems: [RemediationItem] = [], complexityByFile: [String: Int]? = nil,
                        now: Date) throws -> ProjectDebtReport {
        let files = ProjectFiles.walk(root)
        let scan = scanner.scan(project: files)
        let inGit = GitCommand.isRepository(root)
        // In a repository, a git-ignored file (say an ignored Package.resolved) does not count
        // for the practices: nobody else gets it.
        let shared = inGit ? ProjectFiles(root: files.root, paths: Self.notIgnored(files.paths, in: root)) : files
        // A subfolder of a repository inherits the repository's README, LICENSE, tests and CI.
        let repository = inGit ? Self.repositoryFiles(enclosing: root) : []
        let practices = PracticeChecker().check(project: shared, repository: repository)
        let items = scan.findings.map(\.remediationItem) + practices.findings.map(\.remediationItem) + extraItems
        let summary = calculator.summary(items: items, linesOfCode: scan.linesOfCode)

        var hotspots: [Hotspot] = []
        var priorities: [RefactoringPriority] = []
        var history: [DebtHistoryPoint] = []
        if inGit, (try? GitCommand.run(["rev-parse", "--verify", "-q", "HEAD"], in: root)) != nil {
            let since = now.addingTimeInterval(-Double(hotspotWindowDays) * 86_400)
            let commits = try HotspotAnalysis.commitsPerFile(repo: root, since: since, until: now)
            hotspots = HotspotAnalysis.rank(commits: commits, complexity: complexityByFile ?? scan.linesOfCodeByFile)
            priorities = HotspotAnalysis.priorities(hotspots: hotspots, debtByFile: DebtCalculator.debtByFile(items))
            if historyWeeks > 0 {
                let scanner = self.scanner
                // Executable targets as they are now (the layout of a project rarely changes).
                let programs = AntiPatternScanner.swiftProgramFolders(files)
                history = try DebtHistory.measure(
                    repo: root, weeks: historyWeeks, until: now, calculator: calculator,
                    include: { AntiPatternScanner.isScanned($0) && !ProjectFiles.isInSkippedDirectory($0) },
                    measure: { path, data in
                        // The same rules as the working-tree scan: binary and oversized files are skipped.
                        guard data.count <= 2_000_000, !data.prefix(8192).contains(0) else {
                            return FileMeasurement(linesOfCode: 0, items: [])
                        }
                        let m = scanner.measure(path: path, text: String(decoding: data, as: UTF8.self),
                                                programCode: programs.contains { path.hasPrefix($0) })
                        return FileMeasurement(linesOfCode: m.linesOfCode, items: m.findings.map(\.remediationItem))
                    },
                    projectItems: { paths, read in
                        let kept = paths.filter { !ProjectFiles.isInSkippedDirectory($0) }
                        return PracticeChecker().check(paths: kept, repository: repository, read: read).findings.map(\.remediationItem)
                    })
            }
        }
        return ProjectDebtReport(
            root: files.root, summary: summary, items: items, antiPatterns: scan.findings, practices: practices,
            todoPerKLOC: scan.todoPerKLOC, complexityMeasure: complexityByFile == nil ? "lines-of-code" : "ccn",
            hotspotWindowDays: hotspotWindowDays, hotspots: hotspots, priorities: priorities, history: history,
            costOfDelay: DebtHistory.costOfDelay(history), skipped: scan.skipped)
    }

    /// The files git tracks in the repository that holds `folder`, relative to its top level,
    /// when `folder` is a subfolder of it (empty when it is the top level itself or not in git).
    static func repositoryFiles(enclosing folder: String) -> [String] {
        guard let out = try? GitCommand.run(["rev-parse", "--show-toplevel"], in: folder) else { return [] }
        let top = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !top.isEmpty,
              URL(fileURLWithPath: top).standardizedFileURL.path != URL(fileURLWithPath: folder).standardizedFileURL.path,
              let listed = try? GitCommand.run(["ls-files", "-z"], in: top) else { return [] }
        return listed.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The paths git does not ignore (`git check-ignore --stdin`).
    static func notIgnored(_ paths: [String], in root: String) -> [String] {
        guard !paths.isEmpty else { return paths }
        // check-ignore exits 1 when nothing is ignored; that is not a failure here.
        guard let out = try? GitCommand.run(["check-ignore", "-z", "--stdin"], in: root,
                                            input: Data((paths.joined(separator: "\u{0}") + "\u{0}").utf8),
                                            allowedExitCodes: [0, 1]) else { return paths }
        let ignored = Set(out.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
        return paths.filter { !ignored.contains($0) }
    }
}
