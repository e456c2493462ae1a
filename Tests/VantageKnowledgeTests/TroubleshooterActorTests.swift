import Foundation
import Testing
import VantageCore
@testable import VantageKnowledge
import VantageStore

@Suite struct TroubleshooterActorTests {
    static let api = Project(name: "api", path: "/ws/api", kinds: [.node], ports: [3000])

    /// Collects the suggestions published on `bus` until `count` arrived or a second passed.
    static func suggestions(_ events: AsyncStream<Event>, count: Int) async -> [(ProjectID?, [TroubleshootingAdvice])] {
        let collector = Task {
            var found: [(ProjectID?, [TroubleshootingAdvice])] = []
            for await case let .suggestions(project, items) in events {
                found.append((project, items))
                if found.count == count { break }
            }
            return found
        }
        let timeout = Task { try await Task.sleep(for: .seconds(1)); collector.cancel() }
        let result = await collector.value
        timeout.cancel()
        return result
    }

    @Test func anErrorLineOfAKnownProjectGetsItsSuggestionsOnce() async throws {
        let bus = Bus()
        let actor = TroubleshooterActor(bus: bus)
        let watched = bus.events()
        let line = "Error: listen EADDRINUSE: address already in use :::3000"
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.api]))
        await actor.handle(.log(LogLine(time: Date(), project: Self.api.id, stream: .stderr, text: line)))
        await actor.handle(.log(LogLine(time: Date(), project: Self.api.id, stream: .stderr, text: line)))
        await actor.handle(.log(LogLine(time: Date(), project: Self.api.id, stream: .stdout, text: "listening on 3001")))
        await actor.handle(.diagnostic(Diagnostic(time: Date(), severity: .error, source: "vantage",
                                                  message: "OSError: [Errno 28] No space left on device")))
        bus.close()
        let found = await Self.suggestions(watched, count: 3)
        #expect(found.count == 2, "the repeated line is matched once, the ordinary line not at all")
        let first = try #require(found.first)
        #expect(first.0 == Self.api.id)
        let top = try #require(first.1.first)
        #expect(top.problem == line)
        #expect(top.title == "Port 3000 is already in use")
        #expect(top.automatedFix == "reassign_port")
        #expect(top.explanation.contains("api could not listen"), "the project's name from the scan")
        #expect(top.percent == 90)
        #expect(found.last?.0 == nil)
        #expect(found.last?.1.first?.title == "The disk is full")
        #expect(await actor.matched == 2)
    }

    @Test func warningsAndUnrecognisedErrorsPublishNothing() async {
        let bus = Bus()
        let actor = TroubleshooterActor(bus: bus)
        let watched = bus.events()
        await actor.handle(.diagnostic(Diagnostic(time: Date(), severity: .warning, source: "api", message: "EADDRINUSE")))
        await actor.handle(.log(LogLine(time: Date(), project: Self.api.id, stream: .stderr, text: "error: the moon is blue")))
        bus.close()
        let found = await Self.suggestions(watched, count: 1)
        #expect(found.isEmpty)
        #expect(await actor.matched == 1, "the error line was matched, the warning was not")
    }

    @Test func learnedOutcomesReachTheScreenWithTheFixArgumentAndHistory() async throws {
        let bus = Bus()
        let actor = TroubleshooterActor(bus: bus)
        let watched = bus.events()
        let line = "Error: DATABASE_URL is not set"
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.api]))
        await actor.handle(.log(LogLine(time: Date(), project: Self.api.id, stream: .stderr, text: line)))
        let record = LearnedFixRecord(signature: ProblemKind.missingEnvVariable.rawValue, fix: "fill_env_from_other_environment",
                                      successes: 1, failures: 0,
                                      history: [.init(time: Date(), confidence: WilsonScore.lowerBound(successes: 1, failures: 0))])
        await actor.learn([record])
        await actor.rematch(line, project: Self.api.id)
        bus.close()
        let found = await Self.suggestions(watched, count: 2)
        #expect(found.count == 2)
        let before = try #require(found.first?.1.first), after = try #require(found.last?.1.first)
        #expect(before.fixArgument == "DATABASE_URL" && before.history.isEmpty)
        #expect(after.automatedFix == "fill_env_from_other_environment")
        #expect(after.history == [WilsonScore.lowerBound(successes: 1, failures: 0)])
        #expect(after.confidence != before.confidence, "the learned outcome moves the confidence")
    }
}

/// `vantage troubleshoot` and the Troubleshooting pane read one source of problems
/// (`ProjectProblems`: the project's last run in its log, with its manifest as it is now): on the
/// same failing project they find the same problems.
@Suite struct OneProblemSourceTests {
    @Test func thePaneAndTheCommandAgreeOnAFailedLaunchAndAnUndeclaredModule() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let logs = folder.path + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let project = Project(name: "go-service", path: folder.path + "/go-service", kinds: [.go])
        // What the supervisor writes when the launch fails before any process runs.
        let note = ProjectLogFile.launchFailedNote + "go is not installed, so go-service cannot start"
        try "2026-11-25T15:00:00.000Z out [vantage] started go run . (pid 12)\n2026-11-25T15:00:01.000Z err panic: old run\n2026-11-25T15:01:02.123Z err \(note)\n"
            .write(toFile: ProjectLogFile.path(forProject: project.name, in: logs), atomically: true, encoding: .utf8)

        let fromCommand = ProjectProblems.find(logFile: ProjectLogFile.path(forProject: project.name, in: logs),
                                               project: ProjectContext(project), learned: [])
        #expect(fromCommand.map(\.title) == ["go is not installed"], "only the last run counts: \(fromCommand.map(\.title))")
        #expect(fromCommand.first?.evidence == "go is not installed, so go-service cannot start", "the diagnostic's own words")

        let bus = Bus()
        let actor = TroubleshooterActor(bus: bus, logs: logs)
        let watched = bus.events()
        await actor.handle(.scanned(roots: [folder.path], projects: [project]))
        await actor.handle(.diagnostic(Diagnostic(time: Date(), severity: .error, source: "go-service", project: project.id,
                                                  message: "go is not installed, so go-service cannot start")))
        bus.close()
        let found = await TroubleshooterActorTests.suggestions(watched, count: 1)
        let onScreen = try #require(found.first)
        #expect(onScreen.0 == project.id)
        #expect(Set(onScreen.1.map(\.title)) == Set(fromCommand.map(\.title)))
        #expect(onScreen.1.first?.kind == "missing_toolchain")
    }

    @Test func theManifestIsReadAsItIsNowNotAsTheScanSawIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let logs = folder.path + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let scanned = Project(name: "py", path: folder.path + "/py", kinds: [.python]) // the scan saw no dependencies
        let line = "ModuleNotFoundError: No module named 'six'"
        try "2026-11-25T15:01:02.123Z err \(line)\n".write(toFile: ProjectLogFile.path(forProject: "py", in: logs), atomically: true, encoding: .utf8)
        var current = scanned
        current.dependencies = [Dependency(ecosystem: "pypi", name: "six", version: "==1.16.0")]
        let now = current
        let bus = Bus()
        let actor = TroubleshooterActor(bus: bus, logs: logs, current: { _ in now })
        let watched = bus.events()
        await actor.handle(.scanned(roots: [folder.path], projects: [scanned]))
        await actor.handle(.log(LogLine(time: Date(), project: scanned.id, stream: .stderr, text: line)))
        bus.close()
        let found = try #require(await TroubleshooterActorTests.suggestions(watched, count: 1).first)
        #expect(found.1.first?.title == "six is declared but not installed")
        #expect(found.1.first?.automatedFix == "install_dependency")
        #expect(await actor.project(scanned.id)?.dependencies == current.dependencies)
    }
}
