import Foundation
import Testing
import VantageCore
import VantageDependencies
import VantageStore
@testable import VantageAnalyzer

/// A Python file whose figures lizard 1.24.3 gives as: classify CCN 6 (if, elif, for, if, and),
/// simple CCN 1; one of the two public functions has a docstring.
private let knownPython = """
    def classify(n):
        if n < 0:
            return "negative"
        elif n == 0:
            return "zero"
        for i in range(n):
            if i % 2 and n > 10:
                return "odd"
        return "positive"


    def simple():
        \"\"\"Returns one.\"\"\"
        return 1

    """

private func makeProject(requirements: String? = nil) throws -> Project {
    let dir = NSTemporaryDirectory() + "vantage-insight-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try knownPython.write(toFile: dir + "/main.py", atomically: true, encoding: .utf8)
    if let requirements { try requirements.write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8) }
    try "SF:\(dir)/main.py\nDA:1,1\nDA:2,1\nDA:3,0\nDA:4,1\nend_of_record\n"
        .write(toFile: dir + "/lcov.info", atomically: true, encoding: .utf8)
    return Project(name: "known", path: dir, kinds: [.python])
}

/// Collects events from a bus subscription and waits for ones that match.
private actor EventLog {
    var events: [Event] = []
    func add(_ e: Event) { events.append(e) }
    func insights() -> [ProjectInsight] { events.compactMap { if case .insight(let i) = $0 { i } else { nil } } }
    func diagnostics() -> [Diagnostic] { events.compactMap { if case .diagnostic(let d) = $0 { d } else { nil } } }
}

private func waitFor(_ log: EventLog, seconds: Double = 60, until: @escaping @Sendable ([ProjectInsight]) -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if until(await log.insights()) { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return false
}

private func start(_ options: AnalyzerActor.Options, clock: any VantageClock = SystemClock()) -> (Bus, AnalyzerActor, EventLog, [Task<Void, Never>]) {
    let bus = Bus(clock: clock)
    let actor = AnalyzerActor(bus: bus, clock: clock, options: options)
    let log = EventLog()
    let mine = bus.events(capacity: 10_000)
    let theirs = bus.events()
    let tasks = [Task { for await e in mine { await log.add(e) } }, Task { await actor.run(events: theirs) }]
    return (bus, actor, log, tasks)
}

@Suite("Analyzer actor: insights in the background")
struct InsightAnalyzerActorTests {
    @Test func publishesTheFiguresOfAProjectAfterAScan() async throws {
        let project = try makeProject(requirements: "flask==0.12.2\n")
        // One advisory written for this test (Fixtures/osv): flask before 1.0, CVSS 9.8.
        let db = try AdvisoryDatabase(path: NSTemporaryDirectory() + "vantage-osv-\(UUID().uuidString).sqlite")
        try OSVImporter.importFolder(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/osv").path, into: db)
        var options = AnalyzerActor.Options()
        options.advisoryDatabasePath = db.path
        let (bus, _, log, tasks) = start(options)
        defer { tasks.forEach { $0.cancel() }; bus.close() }

        bus.publish(.scanned(roots: [project.path], projects: [project]))
        #expect(await waitFor(log) { !$0.isEmpty })
        let insight = try #require(await log.insights().first)
        #expect(insight.project == project.id)
        #expect(insight.quality.files == 1)
        #expect(insight.quality.functions == 2)
        #expect(insight.quality.maxCCN == 6)
        #expect(insight.quality.averageCCN == 3.5)
        #expect(insight.quality.worstFunctions.first == ProjectInsight.FunctionSummary(name: "classify", file: "main.py", line: 1, ccn: 6))
        #expect(insight.quality.worstFunctions.map(\.name) == ["classify", "simple"])
        #expect(insight.quality.smells == 0 && insight.quality.smellsByKind.isEmpty)
        #expect(insight.documentation == 0.5)
        #expect(insight.coveragePercent == 75)
        // Missing README, LICENSE, tests… are debt; the rating follows SonarQube's thresholds.
        let expected = try ProjectDebtAnalysis(historyWeeks: 0).analyze(root: project.path, now: Date()).summary
        #expect(insight.debt.minutes == expected.debtMinutes && insight.debt.minutes > 0)
        #expect(insight.debt.rating == DebtRating(ratio: expected.ratio).rawValue)
        #expect(insight.dependencies.checked)
        #expect(insight.dependencies.count == 1)
        #expect(insight.dependencies.vulnerableBySeverity == ["CRITICAL": 1])
        #expect(insight.dependencies.note == nil)
        #expect(insight.dependencies.vulnerablePackages == [
            ProjectInsight.VulnerablePackage(ecosystem: "PyPI", name: "flask", version: "0.12.2", severity: "CRITICAL",
                                             advisories: ["TEST-FLASK"], fixedIn: "1.0")])

        // The vulnerable package is also a diagnostic for the Troubleshooting pane, about this project.
        let diagnostics = await log.diagnostics()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.project == project.id)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("TEST-FLASK") == true)
    }

    @Test func withoutAnAdvisoryDatabaseDependenciesAreNotCheckedAndSaySo() async throws {
        let project = try makeProject(requirements: "flask==0.12.2\n")
        var options = AnalyzerActor.Options()
        options.advisoryDatabasePath = NSTemporaryDirectory() + "no-such-\(UUID().uuidString)/advisories.sqlite"
        let (bus, _, log, tasks) = start(options)
        defer { tasks.forEach { $0.cancel() }; bus.close() }

        bus.publish(.scanned(roots: [project.path], projects: [project]))
        #expect(await waitFor(log) { !$0.isEmpty })
        let deps = try #require(await log.insights().first).dependencies
        #expect(!deps.checked)
        #expect(deps.count == 1)
        #expect(deps.vulnerableBySeverity.isEmpty)
        #expect(deps.note == "not checked (no advisory database: run vantage deps db import DIR)")
        #expect(!FileManager.default.fileExists(atPath: options.advisoryDatabasePath!))   // nothing created
    }

    @Test func analysesAgainWhenAFileChangesAndSettles() async throws {
        let project = try makeProject()
        var options = AnalyzerActor.Options()
        options.advisoryDatabasePath = NSTemporaryDirectory() + "no-such-\(UUID().uuidString)/advisories.sqlite"
        // Multiples of 1/8 s: exact in binary, so the debounce's comparison is not off by a rounding.
        options.pollInterval = .milliseconds(125)
        options.debounce = .milliseconds(375)
        options.startDelay = .zero
        // Polling and the debounce are the actor's logic: its clock moves only when the test says.
        let clock = ManualClock()
        let (bus, actor, log, tasks) = start(options, clock: clock)
        defer { tasks.forEach { $0.cancel() }; bus.close() }
        /// One poll interval, after the previous poll has finished (the poller sleeps again).
        func poll() async {
            #expect(await clock.waitForSleepers())
            clock.advance(by: .milliseconds(125))
        }

        bus.publish(.scanned(roots: [project.path], projects: [project]))
        #expect(await waitFor(log) { $0.count == 1 })
        // Unchanged files: no second analysis, however many polls.
        for _ in 0..<8 { await poll() }
        #expect(await clock.waitForSleepers())
        #expect(await actor.analysesDone == 1)

        // One more branch in `simple` (CCN 2) and a new function with CCN 3.
        let changed = knownPython.replacingOccurrences(of: "    return 1\n", with: "    return 1 if True else 2\n")
            + "\ndef third(a, b):\n    if a:\n        return 1\n    while b:\n        b -= 1\n    return 0\n"
        try changed.write(toFile: project.path + "/main.py", atomically: true, encoding: .utf8)
        // The poll that sees the change and two more within the debounce time start nothing…
        for _ in 0..<3 { await poll() }
        #expect(await clock.waitForSleepers())
        #expect(await actor.analysesDone == 1)
        // …the poll once the files have stayed unchanged for the debounce time does.
        await poll()
        #expect(await waitFor(log, seconds: 30) { $0.count == 2 })
        let second = try #require(await log.insights().last)
        #expect(second.quality.functions == 3)
        #expect(second.quality.worstFunctions.map(\.ccn) == [6, 3, 2])
        #expect(second.quality.maxCCN == 6)
    }

    @Test func containersAreNotAnalysed() async throws {
        let project = try makeProject()
        let container = Project(name: "db", path: "main/db", kinds: [.docker], engine: "main")
        var options = AnalyzerActor.Options()
        options.advisoryDatabasePath = NSTemporaryDirectory() + "no-such-\(UUID().uuidString)/advisories.sqlite"
        let (bus, actor, log, tasks) = start(options)
        defer { tasks.forEach { $0.cancel() }; bus.close() }

        bus.publish(.scanned(roots: [project.path], projects: [container, project]))
        #expect(await waitFor(log) { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(300))
        #expect(await log.insights().map(\.project) == [project.id])
        #expect(await actor.analysesDone == 1)
    }

    @Test func theLastRunsInsightIsShownAtOnceFromTheStore() async throws {
        let project = try makeProject()
        let store = try Store.open(path: NSTemporaryDirectory() + "vantage-insight-store-\(UUID().uuidString)/vantage.sqlite")
        let earlier = InsightBuilder(options: InsightBuilder.Options(), database: nil).analyze(project).insight
        try await store.save(insight: earlier)
        var options = AnalyzerActor.Options()
        options.advisoryDatabasePath = NSTemporaryDirectory() + "no-such-\(UUID().uuidString)/advisories.sqlite"
        // No fresh analysis during this test: the start delay never ends on a clock that does not move.
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        let actor = AnalyzerActor(bus: bus, clock: clock, store: store, options: options)
        let log = EventLog()
        let mine = bus.events(capacity: 10_000)
        let theirs = bus.events()
        let tasks = [Task { for await e in mine { await log.add(e) } }, Task { await actor.run(events: theirs) }]
        defer { tasks.forEach { $0.cancel() }; bus.close() }

        bus.publish(.scanned(roots: [project.path], projects: [project]))
        // The analyzer runs at background priority: on a busy machine it may wait its turn a while.
        #expect(await waitFor(log) { !$0.isEmpty })
        let shown = try #require(await log.insights().first)
        #expect(shown.quality == earlier.quality && shown.debt == earlier.debt && shown.time == earlier.time)
        #expect(shown.status.hasPrefix("from the last run ("))
        #expect(await actor.analysesDone == 0)
    }

    @Test func smellsAreCountedByKindAndJoinTheDebt() throws {
        let plain = try makeProject()
        let smelly = try makeProject()
        // CCN 16 (15 ifs): one high-complexity smell, 10 + 2 × (16 − 15) = 12 minutes to fix.
        let branches = (1...15).map { "    if x == \($0):\n        return \($0)\n" }.joined()
        try (knownPython + "\ndef big(x):\n" + branches + "    return 0\n")
            .write(toFile: smelly.path + "/main.py", atomically: true, encoding: .utf8)
        let builder = InsightBuilder(database: nil)
        let a = builder.analyze(plain).insight, b = builder.analyze(smelly).insight
        #expect(b.quality.maxCCN == 16)
        #expect(b.quality.smellsByKind == ["high-complexity": 1])
        #expect(b.debt.minutes - a.debt.minutes == 12)
    }

    @Test func aFolderWithoutCodeIsNotRated() throws {
        let dir = NSTemporaryDirectory() + "vantage-insight-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "services:\n  db:\n    image: postgres:16\n".write(toFile: dir + "/compose.yaml", atomically: true, encoding: .utf8)
        let insight = InsightBuilder(database: nil).analyze(Project(name: "stack", path: dir, kinds: [.compose])).insight
        #expect(insight.debt.linesOfCode == 0)
        // No code, but the practices it lacks are still debt: README 30, LICENSE 15, tests 60, CI 30,
        // .gitignore 5 minutes (a compose project has no lock file or toolchain to pin).
        #expect(insight.debt.minutes == 30 + 15 + 60 + 30 + 5)
        #expect(insight.debt.rating == "-" && insight.debt.ratio == nil)
        #expect(insight.quality.functions == 0)
    }

    @Test func aSpentTimeBudgetIsNamedNotHidden() throws {
        let project = try makeProject(requirements: "flask==0.12.2\n")
        var options = InsightBuilder.Options()
        options.timeBudget = .zero
        let result = InsightBuilder(options: options, database: nil).analyze(project)
        #expect(result.insight.quality.maxCCN == 6)   // the step in progress finishes
        #expect(result.insight.status.contains("time budget of 0.0 s spent, skipped debt and dependencies"))
        #expect(result.insight.dependencies.note == "not checked (time budget spent)")
        #expect(result.insight.debt.rating == "-")
    }
}
