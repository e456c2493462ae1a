import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageKnowledge

@Suite struct CouncilTests {
    static let api = ProjectHealth(project: ProjectID("/ws/api"), name: "api",
                                   vulnerabilities: [.init(package: "requests", severity: .critical, fixedIn: "2.32.0")])
    static let worker = ProjectHealth(project: ProjectID("/ws/worker"), name: "worker", restarts: 1, memoryPressure: 0.95)
    static let legacy = ProjectHealth(project: ProjectID("/ws/legacy"), name: "legacy",
                                      vulnerabilities: [.init(package: "left-pad", severity: .low)], restarts: 2,
                                      debt: 70, hotspots: ["billing.py", "utils.py"])

    static func summary(_ d: Deliberation) -> String {
        "\(d.passed ? "PASS" : "FAIL") \(String(format: "%.4f", d.score)) \(d.proposal.advisor.rawValue): \(d.proposal.action.summary) for \(d.proposal.projectName)"
    }

    @Test func fourAdvisorsProposeAndTheWeightedVoteDecides() {
        let result = Council().deliberate([Self.api, Self.worker, Self.legacy])
        #expect(result.map(Self.summary) == [
            // performance 0.95, reliability +0.6, maintainability −0.3, security 0 → 1.25 / 4
            "PASS 0.3125 performance: raise the memory limit for worker",
            // security 1, reliability −0.1, maintainability +0.3 → 1.2 / 4
            "PASS 0.3000 security: upgrade requests to 2.32.0 for api",
            // maintainability 0.7, reliability −0.2, performance +0.3 → 0.8 / 4: exactly the threshold
            "PASS 0.2000 maintainability: refactor billing.py for legacy",
            // reliability 0.5, performance −0.1, maintainability −0.1 → 0.3 / 4
            "FAIL 0.0750 reliability: restart with backoff for legacy",
            "FAIL 0.0750 reliability: restart with backoff for worker",
            // security 0.2, reliability −0.4 (the service crashes), maintainability +0.3 → 0.1 / 4
            "FAIL 0.0250 security: upgrade left-pad for legacy",
        ])
    }

    @Test func everyAdvisorVotesOnEveryProposal() throws {
        let result = Council().deliberate([Self.legacy])
        let upgrade = try #require(result.first { $0.proposal.advisor == .security })
        #expect(upgrade.votes.map(\.advisor) == AdvisorRole.allCases)
        #expect(upgrade.votes.map(\.value) == [0.2, -0.4, 0, 0.3])
        #expect(!upgrade.passed)
    }

    @Test func weightsAreLearnedFromOutcomes() throws {
        var council = Council()
        let upgrade = try #require(council.deliberate([Self.api]).first)
        #expect(upgrade.passed)
        council.learn(from: upgrade, succeeded: true)
        #expect(abs(council.weights[.security]! - exp(0.5)) < 1e-12)
        #expect(abs(council.weights[.reliability]! - exp(-0.05)) < 1e-12)
        #expect(council.weights[.performance] == 1)

        // Three failed upgrades later the same proposal no longer passes.
        var doubtful = Council()
        for _ in 0..<3 { doubtful.learn(from: upgrade, succeeded: false) }
        let again = try #require(doubtful.deliberate([Self.api]).first)
        #expect(abs(again.score - 0.09866) < 1e-4)
        #expect(!again.passed)
    }

    @Test func decisionsReachTheTimelineAsAdvisorDecisions() throws {
        let d = try #require(Council().deliberate([Self.api]).first)
        let entry = d.timelineEntry(at: Date(timeIntervalSince1970: 0))
        #expect(entry.kind == .decision)
        #expect(entry.text == "advisor: council proposes upgrade requests to 2.32.0 for api "
                + "(score 0.30; security +1.00, reliability -0.10, performance +0.00, maintainability +0.30) "
                + "because requests has a critical vulnerability, fixed in 2.32.0")
        let remembered = MemoryRecorder.decision(from: entry)
        #expect(remembered.actor == .advisor)
        #expect(remembered.why == "requests has a critical vulnerability, fixed in 2.32.0")
    }

    @Test func learnedWeightsPersist() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var council = Council()
        council.learn(from: try #require(council.deliberate([Self.worker]).first), succeeded: true)
        try await Store.open(path: folder.database).saveCouncil(council)
        #expect(try await Store.open(path: folder.database).loadCouncil() == council)
    }
}
