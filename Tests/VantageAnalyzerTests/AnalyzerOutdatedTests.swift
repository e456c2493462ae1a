import Foundation
import Testing
import VantageCore
import VantageDependencies
@testable import VantageAnalyzer

/// `Command.checkOutdated` through the bus: the analyzer asks the project's own pip, which cannot
/// reach its index (the venv's pip.conf points at a closed port), and the insight comes back with
/// "unknown (offline)" for the pinned package: never a guessed version.
@Suite("Outdated packages on demand")
struct AnalyzerOutdatedTests {
    actor Insights {
        var all: [ProjectInsight] = []
        func add(_ e: Event) { if case .insight(let i) = e { all.append(i) } }
    }

    @Test func anOfflineIndexGivesUnknownOfflineNeverAGuess() async throws {
        let dir = NSTemporaryDirectory() + "vantage-outdated-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "flask==0.12.2\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        try "print(1)\n".write(toFile: dir + "/app.py", atomically: true, encoding: .utf8)
        let python = try #require(ToolRunner.which("python3"))
        let venv = ToolRunner.run([python, "-m", "venv", dir + "/.venv"], in: dir, timeout: 180)
        try #require(venv.status == 0, "\(venv.output)")
        // pip reads $VIRTUAL_ENV/pip.conf: an index nobody listens on, no retries.
        try "[global]\nindex-url = http://127.0.0.1:9/simple\nretries = 0\ntimeout = 2\n"
            .write(toFile: dir + "/.venv/pip.conf", atomically: true, encoding: .utf8)
        let project = Project(name: "offline", path: dir, kinds: [.python])

        let bus = Bus()
        var options = AnalyzerActor.Options()
        options.startDelay = .zero
        options.advisoryDatabasePath = dir + "/no-database.sqlite"
        let analyzer = AnalyzerActor(bus: bus, clock: SystemClock(), options: options)
        let insights = Insights()
        let (events, commands, watched) = (bus.events(AnalyzerActor.eventKinds), bus.commands(AnalyzerActor.commandKinds), bus.events(capacity: 1000))
        let tasks = [Task { await analyzer.run(events: events) }, Task { await analyzer.run(commands: commands) },
                     Task { for await e in watched { await insights.add(e) } }]
        defer { tasks.forEach { $0.cancel() }; bus.close() }

        bus.publish(.scanned(roots: [dir], projects: [project]))
        let deadline = Date().addingTimeInterval(60)
        while await insights.all.isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let first = try #require(await insights.all.first)
        #expect(first.dependencies.details?.outdated == nil, "not looked up in the background")
        #expect(first.dependencies.outdated == "unknown (offline)")

        bus.send(.checkOutdated(project.id))
        while await insights.all.count < 2, Date() < deadline.addingTimeInterval(60) { try await Task.sleep(for: .milliseconds(100)) }
        let checked = try #require(await insights.all.dropFirst().first)
        let row = try #require(checked.dependencies.details?.outdated?.first)
        #expect(row.name == "flask" && row.current == "0.12.2")
        #expect(row.latest == nil)
        #expect(row.status == "unknown (offline)")
        #expect(checked.dependencies.outdated == "unknown (offline)")
    }
}
