import Foundation
import Testing
import VantageAnalyzer

@Suite struct HotspotTests {
    /// a.py changes in every commit, b.py twice, c.py once (added last).
    func history() throws -> DebtTestRepository {
        let repo = try DebtTestRepository()
        try repo.write("a.py", "x = 1\n")
        try repo.write("b.py", "y = 1\n")
        try repo.commit("start", at: "2024-01-01T12:00:00Z")
        try repo.write("a.py", "x = 2\n# TODO: tidy\n")
        try repo.commit("change a", at: "2024-01-08T12:00:00Z")
        try repo.write("a.py", "x = 3\n# TODO: tidy\n# TODO: more\n")
        try repo.write("b.py", "y = 2\nz = 3\n")
        try repo.commit("change a and b", at: "2024-01-15T12:00:00Z")
        try repo.write("c.py", "w = 1\n")
        try repo.write("a.py", "x = 4\n# TODO: tidy\n# TODO: more\n# TODO: again\n")
        try repo.commit("add c", at: "2024-01-22T12:00:00Z")
        return repo
    }

    @Test func commitsPerFileCountsCommitsInTheWindow() throws {
        let repo = try history()
        defer { repo.remove() }
        let all = try HotspotAnalysis.commitsPerFile(repo: repo.path, since: DebtTestRepository.date("2023-12-01T00:00:00Z"))
        #expect(all == ["a.py": 4, "b.py": 2, "c.py": 1])
        let recent = try HotspotAnalysis.commitsPerFile(repo: repo.path, since: DebtTestRepository.date("2024-01-10T00:00:00Z"))
        #expect(recent == ["a.py": 2, "b.py": 1, "c.py": 1])
        let window = try HotspotAnalysis.commitsPerFile(repo: repo.path, since: DebtTestRepository.date("2024-01-05T00:00:00Z"),
                                                        until: DebtTestRepository.date("2024-01-10T00:00:00Z"))
        #expect(window == ["a.py": 1])
    }

    @Test func hotspotsRankChangesTimesComplexity() throws {
        let repo = try history()
        defer { repo.remove() }
        let commits = try HotspotAnalysis.commitsPerFile(repo: repo.path, since: DebtTestRepository.date("2023-12-01T00:00:00Z"))
        let ranked = HotspotAnalysis.rank(commits: commits, complexity: ["a.py": 5, "b.py": 20, "c.py": 1])
        #expect(ranked.map(\.file) == ["b.py", "a.py", "c.py"])
        #expect(ranked.map(\.score) == [40, 20, 1])
        // A file without a known complexity (deleted, or not code) does not take part.
        #expect(HotspotAnalysis.rank(commits: commits, complexity: ["a.py": 5]).map(\.file) == ["a.py"])
    }

    @Test func refactoringPriorityIsHotspotTimesDebt() {
        let hotspots = [Hotspot(file: "b.py", commits: 2, complexity: 20), Hotspot(file: "a.py", commits: 4, complexity: 5)]
        let p = HotspotAnalysis.priorities(hotspots: hotspots, debtByFile: ["a.py": 30, "b.py": 5])
        #expect(p.map(\.file) == ["a.py", "b.py"])
        #expect(p.map(\.priority) == [600, 200])
    }

    @Test func debtHistoryReadsCommitsWithoutTouchingTheWorkingTree() throws {
        let repo = try history()
        defer { repo.remove() }
        // An uncommitted edit must survive and must not be counted.
        try repo.write("a.py", "local edit\n# TODO: uncommitted\n")
        let statusBefore = try repo.git("status", "--porcelain")
        let todo = { (path: String, data: Data) -> FileMeasurement in
            let text = String(decoding: data, as: UTF8.self)
            let items = text.split(separator: "\n").enumerated().filter { $0.element.contains("TODO") }
                .map { RemediationItem(kind: "todo", file: path, line: $0.offset + 1, minutes: 10) }
            return FileMeasurement(linesOfCode: LinesOfCode.count(text), items: items)
        }
        let points = try DebtHistory.measure(repo: repo.path, weeks: 3, until: DebtTestRepository.date("2024-01-23T00:00:00Z"),
                                             include: { $0.hasSuffix(".py") }, measure: todo)
        #expect(points.map(\.summary.debtMinutes) == [0, 10, 20, 30])
        #expect(points.map(\.summary.linesOfCode) == [2, 2, 3, 4])
        #expect(Set(points.map(\.commit)).count == 4)
        #expect(try repo.read("a.py") == "local edit\n# TODO: uncommitted\n")
        #expect(try repo.git("status", "--porcelain") == statusBefore)

        let cost = try #require(DebtHistory.costOfDelay(points))
        #expect(abs(cost.debtGrowthPerWeek - 10) < 1e-9)
        #expect(cost.remediationMinutes == 30)
        #expect(abs(cost.minutesPerWeekOfDelay - 10) < 1e-9)
    }

    @Test func samplesBeforeTheFirstCommitAreLeftOut() throws {
        let repo = try history()
        defer { repo.remove() }
        let samples = try DebtHistory.sampleCommits(repo: repo.path, weeks: 8, until: DebtTestRepository.date("2024-01-09T00:00:00Z"))
        #expect(samples.count == 2)
    }

    @Test func aDirectoryThatIsNotARepositoryIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-repo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(GitCommand.isRepository(dir) == false)
        #expect(throws: (any Error).self) { try HotspotAnalysis.commitsPerFile(repo: dir, since: Date(timeIntervalSince1970: 0)) }
    }
}
