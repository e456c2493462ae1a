import Foundation
import Testing
import VantageAnalyzer

@Suite struct DebtAnalysisTests {
    @Test func projectReportCombinesFindingsHotspotsAndHistory() throws {
        let repo = try DebtTestRepository()
        defer { repo.remove() }
        try repo.write("README.md", "# x\n")
        try repo.write("lib/core.py", "def f():\n    return 1\n")
        try repo.write("lib/util.py", "def g():\n    return 2\n")
        try repo.commit("start", at: "2024-01-01T12:00:00Z")
        try repo.write("lib/core.py", "def f():\n    print('debug')\n    return 1\n")
        try repo.commit("debug core", at: "2024-01-08T12:00:00Z")
        try repo.write("lib/core.py", "def f():\n    print('debug')\n    try:\n        return 1\n    except:\n        pass\n")
        try repo.commit("swallow errors", at: "2024-01-15T12:00:00Z")

        let analysis = ProjectDebtAnalysis(hotspotWindowDays: 30, historyWeeks: 2)
        let smell = RemediationItem(kind: "long-function", file: "lib/util.py", line: 1, minutes: 20)
        let report = try analysis.analyze(root: repo.path, extraItems: [smell], complexityByFile: ["lib/core.py": 3, "lib/util.py": 1],
                                          now: DebtTestRepository.date("2024-01-16T00:00:00Z"))

        #expect(report.antiPatterns.map { "\($0.file):\($0.line):\($0.kind.rawValue)" } == ["lib/core.py:2:print-debugging", "lib/core.py:5:catch-all"])
        let practiceMinutes = report.practices.findings.reduce(0) { $0 + $1.remediationMinutes }
        #expect(report.summary.debtMinutes == 10 + 10 + 20 + practiceMinutes)
        #expect(report.summary.linesOfCode == 8)
        #expect(report.complexityMeasure == "ccn")
        #expect(report.hotspots.map(\.file) == ["lib/core.py", "lib/util.py"])
        #expect(report.hotspots.map(\.score) == [9, 1])
        #expect(report.priorities.map(\.file) == ["lib/core.py", "lib/util.py"])
        // Weekly samples at Jan 2, 9 and 16: the debt in code grows by 10 minutes a week.
        #expect(report.history.count == 3)
        let codeDebt = report.history.map { $0.summary.debtMinutes - practiceMinutes }
        #expect(codeDebt == [0, 10, 20])
        #expect(abs((report.costOfDelay?.debtGrowthPerWeek ?? 0) - 10) < 1e-9)
    }

    @Test func aGitIgnoredLockFileDoesNotCount() throws {
        let repo = try DebtTestRepository()
        defer { repo.remove() }
        try repo.write("pyproject.toml", "[project]\nname = \"x\"\n")
        try repo.write("poetry.lock", "# lock\n")
        try repo.write(".gitignore", "poetry.lock\n")
        try repo.commit("start", at: "2024-01-01T12:00:00Z")
        let ignored = try ProjectDebtAnalysis(historyWeeks: 0).analyze(root: repo.path, now: Date())
        #expect(ignored.practices.findings.contains { $0.practice == .lockFile })
        try repo.write(".gitignore", "*.pyc\n")
        try repo.commit("share the lock file", at: "2024-01-02T12:00:00Z")
        let shared = try ProjectDebtAnalysis(historyWeeks: 0).analyze(root: repo.path, now: Date())
        #expect(!shared.practices.findings.contains { $0.practice == .lockFile })
    }

    @Test func aFolderOutsideGitHasNoHotspotsOrHistory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x = 1\n".write(to: dir.appendingPathComponent("a.py"), atomically: true, encoding: .utf8)
        let report = try ProjectDebtAnalysis().analyze(root: dir.path, now: Date())
        #expect(report.hotspots.isEmpty)
        #expect(report.history.isEmpty)
        #expect(report.costOfDelay == nil)
        #expect(report.summary.linesOfCode == 1)
        #expect(report.complexityMeasure == "lines-of-code")
    }
}
