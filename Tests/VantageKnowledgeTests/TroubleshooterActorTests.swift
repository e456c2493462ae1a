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
