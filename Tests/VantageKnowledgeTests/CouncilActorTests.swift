import Foundation
import Testing
import VantageCore
@testable import VantageKnowledge

@Suite struct CouncilActorTests {
    static let worker = Project(name: "worker", path: "/ws/worker", kinds: [.python])
    static let quiet = Project(name: "quiet", path: "/ws/quiet", kinds: [.python])

    static func crashes(_ actor: CouncilActor, _ id: ProjectID, times: Int, at time: Date) async {
        for i in 0..<times {
            let t = time.addingTimeInterval(Double(i))
            await actor.handle(.stateChanged(project: id, from: .running, to: .backoff), at: t)
            await actor.handle(.stateChanged(project: id, from: .backoff, to: .starting), at: t)
            await actor.handle(.stateChanged(project: id, from: .starting, to: .running), at: t)
        }
    }

    @Test func aProjectThatRestartsOftenGetsAReliabilityProposal() async throws {
        let bus = Bus()
        let actor = CouncilActor(bus: bus)
        let now = Date()
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.worker, Self.quiet]), at: now)
        await Self.crashes(actor, Self.worker.id, times: 4, at: now)
        let proposals = await actor.proposals(at: now.addingTimeInterval(10))
        let reliability = try #require(proposals.first { $0.advisor == "reliability" })
        #expect(reliability.project == Self.worker.id)
        #expect(reliability.projectName == "worker")
        #expect(reliability.action == "investigate the crashes")
        #expect(reliability.rationale.contains("restarted 4 times"))
        #expect(reliability.votes.count == 4)
        #expect(reliability.passed)
        #expect(!proposals.contains { $0.project == Self.quiet.id }, "a quiet project gets no proposal")
        // An hour later the crashes no longer count.
        #expect(await actor.proposals(at: now.addingTimeInterval(2 * CouncilActor.restartWindow)).isEmpty)
    }

    @Test func refreshPublishesAndADecisionIsATimelineEntryAndMovesWeights() async throws {
        let bus = Bus()
        let actor = CouncilActor(bus: bus)
        let watched = bus.events()
        let now = Date()
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.worker]), at: now)
        await Self.crashes(actor, Self.worker.id, times: 4, at: now)
        await actor.handle(.refresh, at: now)
        let before = await actor.council.weights
        var iterator = watched.makeAsyncIterator()
        guard case .council(let proposals) = await iterator.next() else { Issue.record("no council event"); return }
        let proposal = try #require(proposals.first)

        await actor.handle(.decide(proposal, accepted: true), at: now)
        guard case .timeline(let entry) = await iterator.next() else { Issue.record("no timeline entry"); return }
        #expect(entry.kind == .decision)
        #expect(entry.project == Self.worker.id)
        #expect(entry.text.hasPrefix("user: council: investigate the crashes for worker accepted by user"))
        let after = await actor.council.weights
        #expect(after[.reliability]! > before[.reliability]!, "the proposer backed what the user accepted")

        await actor.handle(.decide(proposal, accepted: false), at: now)
        guard case .council = await iterator.next() else { Issue.record("no republished council"); return }
        guard case .timeline(let rejected) = await iterator.next() else { Issue.record("no timeline entry"); return }
        #expect(rejected.text.contains("rejected by user"))
        #expect(await actor.council.weights[.reliability]! < after[.reliability]!)
    }
}
