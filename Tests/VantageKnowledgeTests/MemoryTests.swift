import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageKnowledge

@Suite struct MemoryTests {
    @Test func wilsonLowerBoundMatchesTheFormula() {
        // Reference values computed independently (Python, z = 1.96).
        #expect(abs(WilsonScore.lowerBound(successes: 1, failures: 0) - 0.20654329147389294) < 1e-12)
        #expect(abs(WilsonScore.lowerBound(successes: 10, failures: 0) - 0.7224598312333834) < 1e-12)
        #expect(abs(WilsonScore.lowerBound(successes: 3, failures: 2) - 0.23071993220883702) < 1e-12)
        #expect(WilsonScore.lowerBound(successes: 0, failures: 0) == 0)
        #expect(WilsonScore.lowerBound(successes: 0, failures: 1) == 0)
    }

    @Test func confidenceRisesAfterSuccessesAndFallsAfterFailures() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let memory = FixMemory(store: try Store.open(path: folder.database))
        let signature = "ModuleNotFoundError: No module named <*>"
        var confidences: [Double] = []
        for (i, ok) in [true, true, true, false, false].enumerated() {
            let fix = try await memory.record(signature: signature, fix: "installDependency", succeeded: ok,
                                              at: Date(timeIntervalSince1970: 1_000 + Double(i)))
            confidences.append(fix.confidence)
        }
        let expected = [0.20654329147389294, 0.3423719528896193, 0.4384939195509822, 0.30063605244263664, 0.23071993220883702]
        for (got, want) in zip(confidences, expected) { #expect(abs(got - want) < 1e-12) }
        try #require(confidences.count > 2)
        #expect(confidences[0] < confidences[1] && confidences[1] < confidences[2])
        try #require(confidences.count > 4)
        #expect(confidences[2] > confidences[3] && confidences[3] > confidences[4])

        // The whole history survives a reopen of the database file.
        let reopened = FixMemory(store: try Store.open(path: folder.database))
        let stored = try await reopened.all()
        #expect(stored.count == 1)
        try #require(stored.count > 0)
        #expect(stored[0].signature == signature)
        #expect(stored[0].successes == 3 && stored[0].failures == 2)
        #expect(stored[0].history.map(\.confidence) == confidences)
        #expect(stored[0].history.map(\.time) == (0..<5).map { Date(timeIntervalSince1970: 1_000 + Double($0)) })
    }

    @Test func decisionsRoundTripAndFilterByProject() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Store.open(path: folder.database)
        let api = ProjectID("/ws/api")
        let first = DecisionRecord(time: Date(timeIntervalSince1970: 10), actor: .orchestrator, what: "reassigned port 8000 to 8001",
                                   why: "8000 was in use by pid 42", inputs: ["port 8000 busy", "pid 42"], outcome: "started", project: api)
        let second = DecisionRecord(time: Date(timeIntervalSince1970: 20), actor: .user, what: "raised memory limit to 1 GiB",
                                    why: "OOM-killed twice", project: ProjectID("/ws/web"))
        let saved = try await store.append(decision: first)
        try await store.append(decision: second)
        #expect(saved.id != nil)

        let reopened = try Store.open(path: folder.database)
        let all = try await reopened.decisions()
        #expect(all.map(\.what) == ["reassigned port 8000 to 8001", "raised memory limit to 1 GiB"])
        var expectedFirst = first
        expectedFirst.id = saved.id
        try #require(all.count > 0)
        #expect(all[0] == expectedFirst)
        #expect(try await reopened.decisions(project: api).map(\.what) == ["reassigned port 8000 to 8001"])
    }

    @Test func theRecorderStoresDecisionsFromTheBus() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Store.open(path: folder.database)
        let bus = Bus()
        let recorder = MemoryRecorder(store: store)
        await recorder.start(bus: bus)
        let time = Date(timeIntervalSince1970: 500)
        bus.publish(.timeline(TimelineEntry(time: time, kind: .scan, text: "scanned 3 projects")))
        bus.publish(.timeline(TimelineEntry(time: time, kind: .decision, project: ProjectID("/ws/api"),
                                            text: "user: switched api to the staging environment because the demo needs real data")))
        bus.publish(.timeline(TimelineEntry(time: time.addingTimeInterval(1), kind: .decision, text: "restarted worker with backoff 2 s")))
        let deadline = Date().addingTimeInterval(60)  // bounds a hang only
        while await recorder.recorded < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        await recorder.stop()

        let decisions = try await store.decisions()
        try #require(decisions.count == 2)
        #expect(decisions[0].actor == .user)
        #expect(decisions[0].what == "switched api to the staging environment")
        #expect(decisions[0].why == "the demo needs real data")
        #expect(decisions[0].project == ProjectID("/ws/api"))
        #expect(decisions[1].actor == .orchestrator)
        #expect(decisions[1].what == "restarted worker with backoff 2 s")
    }
}
