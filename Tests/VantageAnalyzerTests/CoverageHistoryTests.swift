import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageAnalyzer

/// Writes an lcov report hitting `hit` of `found` lines of main.py, dated `written`.
private func writeLcov(_ dir: String, at relative: String = "lcov.info", hit: Int, of found: Int, written: Date) throws {
    let path = dir + "/" + relative
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let lines = (1...found).map { "DA:\($0),\($0 <= hit ? 1 : 0)\n" }.joined()
    try "SF:\(dir)/main.py\n\(lines)end_of_record\n".write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: path)
}

private func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "vantage-coverage-history-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

private func temporaryStore() throws -> Store {
    try Store.open(path: NSTemporaryDirectory() + "vantage-coverage-store-\(UUID().uuidString)/vantage.sqlite")
}

/// Insights published by a fresh analysis (not the last run's, restored from the store).
private actor FreshInsights {
    var first: ProjectInsight?
    func add(_ i: ProjectInsight) { if first == nil, !i.status.hasPrefix("from the last run") { first = i } }
}

@Suite("Coverage history: reports stored over time")
struct CoverageHistoryTests {
    @Test func aReportIsFoundInTheUsualPlacesWithItsModificationTime() throws {
        let dir = try temporaryFolder()
        #expect(CoverageLocator.find(inProject: dir) == nil)
        let written = Date(timeIntervalSince1970: 1_700_000_000)
        try writeLcov(dir, at: "coverage/lcov.info", hit: 3, of: 4, written: written)
        let found = try #require(CoverageLocator.find(inProject: dir))
        #expect(found.path == dir + "/coverage/lcov.info")
        #expect(found.modified == written)
        #expect(found.report.total.linesHit == 3 && found.report.total.linesFound == 4)
        let sample = found.sample(project: ProjectID(dir), recorded: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(sample.time == written && sample.linePercent == 75 && sample.format == "lcov")
    }

    @Test func theProjectOfAReportIsTheFolderItsUsualPlaceHangsFrom() {
        #expect(CoverageLocator.project(ofReport: "/w/app/coverage/lcov.info") == "/w/app")
        #expect(CoverageLocator.project(ofReport: "/w/app/coverage.xml") == "/w/app")
        #expect(CoverageLocator.project(ofReport: "/w/app/coverage/coverage.json") == "/w/app")
        #expect(CoverageLocator.project(ofReport: "/w/app/reports/cov.info") == "/w/app/reports")
    }

    /// When the analyzer read the reports (its clock's time).
    static let recorded = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func reportsWrittenAtDifferentTimesBuildTheTrendAndAReportReadTwiceCountsOnce() async throws {
        let dir = try temporaryFolder()
        let store = try temporaryStore()
        let id = ProjectID(dir)
        try writeLcov(dir, hit: 2, of: 4, written: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(await AnalyzerActor.recordCoverage(CoverageLocator.find(inProject: dir), of: id, in: store, at: Self.recorded) == [50])
        // Read again unchanged (the next analysis of an unchanged project): no new point.
        #expect(await AnalyzerActor.recordCoverage(CoverageLocator.find(inProject: dir), of: id, in: store, at: Self.recorded) == [50])
        try writeLcov(dir, hit: 3, of: 4, written: Date(timeIntervalSince1970: 1_700_086_400))
        #expect(await AnalyzerActor.recordCoverage(CoverageLocator.find(inProject: dir), of: id, in: store, at: Self.recorded) == [50, 75])
        try writeLcov(dir, hit: 4, of: 4, written: Date(timeIntervalSince1970: 1_700_172_800))
        #expect(await AnalyzerActor.recordCoverage(CoverageLocator.find(inProject: dir), of: id, in: store, at: Self.recorded) == [50, 75, 100])
        // The report deleted: the history stays.
        try FileManager.default.removeItem(atPath: dir + "/lcov.info")
        #expect(await AnalyzerActor.recordCoverage(CoverageLocator.find(inProject: dir), of: id, in: store, at: Self.recorded) == [50, 75, 100])
        let stored = try await store.coverageHistory(of: id)
        #expect(stored.map { $0.time.timeIntervalSince1970 } == [1_700_000_000, 1_700_086_400, 1_700_172_800])
        #expect(stored.allSatisfy { $0.report == dir + "/lcov.info" && $0.recorded == Self.recorded })
        // Another project's history is its own.
        #expect(await AnalyzerActor.recordCoverage(nil, of: ProjectID(dir + "-other"), in: store, at: Self.recorded) == nil)
    }

    @Test func theAnalyzerActorRecordsTheReportItReadsAndPublishesTheTrend() async throws {
        let dir = try temporaryFolder()
        try "def f(x):\n    if x:\n        return 1\n    return 0\n".write(toFile: dir + "/main.py", atomically: true, encoding: .utf8)
        try writeLcov(dir, at: "coverage/lcov.info", hit: 1, of: 4, written: Date(timeIntervalSince1970: 1_700_086_400))
        let project = Project(name: "covered", path: dir, kinds: [.python])
        let store = try temporaryStore()
        // An older report of this project, read by an earlier run.
        try await store.record(coverage: CoverageSample(
            project: project.id, time: Date(timeIntervalSince1970: 1_700_000_000), recorded: Date(timeIntervalSince1970: 1_700_000_100),
            report: dir + "/coverage/lcov.info", format: "lcov", linesFound: 4, linesHit: 2))

        var options = AnalyzerActor.Options()
        options.advisoryDatabasePath = NSTemporaryDirectory() + "no-such-\(UUID().uuidString)/advisories.sqlite"
        options.startDelay = .zero
        let bus = Bus()
        let actor = AnalyzerActor(bus: bus, clock: SystemClock(), store: store, options: options)
        let mine = bus.events(capacity: 10_000)
        let theirs = bus.events()
        let fresh = FreshInsights()
        let tasks = [Task { for await e in mine { if case .insight(let i) = e { await fresh.add(i) } } },
                     Task { await actor.run(events: theirs) }]
        defer { tasks.forEach { $0.cancel() }; bus.close() }
        bus.publish(.scanned(roots: [dir], projects: [project]))

        let deadline = Date().addingTimeInterval(120)
        var published: ProjectInsight?
        while published == nil, Date() < deadline {
            published = await fresh.first
            if published == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let insight = try #require(published)
        #expect(insight.coveragePercent == 25)
        #expect(insight.coverageTrend == [50, 25])
        let stored = try await store.coverageHistory(of: project.id)
        #expect(stored.map(\.linesHit) == [2, 1])
        #expect(stored.last?.time == Date(timeIntervalSince1970: 1_700_086_400))
    }
}
