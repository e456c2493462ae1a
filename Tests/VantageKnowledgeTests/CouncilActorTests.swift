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
        let clock = ManualClock()
        let actor = CouncilActor(bus: bus, clock: clock)
        let now = clock.now
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

    /// Without `at:`, the council reads its injected clock: crashes count inside the restart window
    /// and stop counting when the clock has moved past it, with no real time passing.
    @Test func theInjectedClockDecidesTheRestartWindow() async throws {
        let clock = ManualClock()
        let actor = CouncilActor(bus: Bus(clock: clock), clock: clock)
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.worker]))
        for _ in 0..<4 {
            await actor.handle(.stateChanged(project: Self.worker.id, from: .running, to: .backoff))
            await actor.handle(.stateChanged(project: Self.worker.id, from: .backoff, to: .starting))
        }
        #expect(await actor.proposals().contains { $0.project == Self.worker.id && $0.advisor == "reliability" })
        clock.advance(by: .seconds(2 * CouncilActor.restartWindow))
        #expect(await actor.proposals().isEmpty)
    }

    /// The next event of a kind, skipping others.
    static func next<T>(_ iterator: inout AsyncStream<Event>.Iterator, _ pick: (Event) -> T?) async -> T? {
        while let e = await iterator.next() { if let found = pick(e) { return found } }
        return nil
    }

    static func council(_ e: Event) -> [CouncilProposal]? { if case .council(let p) = e { return p }; return nil }
    static func timeline(_ e: Event) -> TimelineEntry? { if case .timeline(let t) = e { return t }; return nil }

    @Test func aProposalIsProposedUntilTheUserAnswersAndAVoteCountsOnce() async throws {
        let bus = Bus()
        let clock = ManualClock()
        let actor = CouncilActor(bus: bus, clock: clock)
        let watched = bus.events()
        let now = clock.now
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.worker]), at: now)
        await Self.crashes(actor, Self.worker.id, times: 4, at: now)
        await actor.handle(.refresh, at: now)
        var iterator = watched.makeAsyncIterator()
        let proposal = try #require(await Self.next(&iterator, Self.council)?.first)
        #expect(proposal.status == .proposed, "nobody has answered yet, whatever the vote said")

        let before = await actor.council.weights
        await actor.handle(.decide(proposal, accepted: false), at: now)
        let entry = try #require(await Self.next(&iterator, Self.timeline))
        #expect(entry.kind == .decision && entry.text.hasPrefix("user: council: investigate the crashes for worker rejected by user"))
        let answered = try #require(await Self.next(&iterator, Self.council)?.first)
        #expect(answered.status == .rejected)
        let once = await actor.council.weights
        #expect(once[.reliability]! < before[.reliability]!, "the proposer backed what the user rejected")

        // Answering again changes nothing: the weights move once.
        await actor.handle(.decide(proposal, accepted: false), at: now)
        await actor.handle(.decide(proposal, accepted: true), at: now)
        let again = try #require(await Self.next(&iterator, Self.timeline))
        #expect(again.text.contains("already rejected; a vote counts once"), "\(again.text)")
        #expect(await actor.council.weights == once)
        #expect(await actor.proposals(at: now).first?.status == .rejected)
    }

    @Test func acceptingARestartCarriesItOutLikeRAndTheOutcomeTeaches() async throws {
        let bus = Bus()
        let clock = ManualClock()
        let actor = CouncilActor(bus: bus, clock: clock)
        let watched = bus.events()
        // The supervisor's place: the owner of the worker's restarts.
        let inbox = bus.commandInbox(owner: "the supervisor", kinds: [.restart])
        inbox.own([Self.worker.id])
        let commands = inbox.commands
        let now = clock.now
        await actor.handle(.scanned(roots: ["/ws"], projects: [Self.worker]), at: now)
        await Self.crashes(actor, Self.worker.id, times: 1, at: now)
        let proposal = try #require(await actor.proposals(at: now).first { $0.action == "restart with backoff" })
        let before = await actor.council.weights
        await actor.handle(.decide(proposal, accepted: true), at: now)
        var sent = commands.makeAsyncIterator()
        #expect(await sent.next() == .restart(Self.worker.id), "the same command as the R key")
        #expect(await actor.proposals(at: now).first { $0.action == "restart with backoff" }?.status == .carriedOut)
        #expect(await actor.council.weights == before, "no outcome yet, nothing learned")

        await actor.handle(.stateChanged(project: Self.worker.id, from: .running, to: .ready), at: now.addingTimeInterval(2))
        let done = try #require(await actor.proposals(at: now.addingTimeInterval(3)).first { $0.action == "restart with backoff" })
        #expect(done.status == .worked && done.outcome == "restarted; ready after 2 s", "\(done)")
        #expect(await actor.council.weights[.reliability]! > before[.reliability]!)
        bus.close()
        var iterator = watched.makeAsyncIterator()
        var texts: [String] = []
        while let entry = await Self.next(&iterator, Self.timeline) {
            texts.append(entry.text)
            if entry.text.contains("worked") { break }
        }
        #expect(texts.contains("council: restart with backoff for worker worked"), "\(texts)")
    }

    @Test func aMissingToolchainIsNeverAnsweredWithARestart() async throws {
        let bus = Bus()
        let clock = ManualClock()
        let actor = CouncilActor(bus: bus, clock: clock)
        let now = clock.now
        let go = Project(name: "go-service", path: "/ws/go-service", kinds: [.go])
        await actor.handle(.scanned(roots: ["/ws"], projects: [go]), at: now)
        await Self.crashes(actor, go.id, times: 1, at: now)
        let suggestion = TroubleshootingKB.match("[vantage] launch failed: go is not installed, so go-service cannot start", project: ProjectContext(go))
        let diagnosis = try #require(suggestion.first)
        #expect(diagnosis.problem == .missingToolchain && diagnosis.automated == nil)
        await actor.handle(.suggestions(project: go.id, items: [TroubleshooterActor.advice(diagnosis, problem: diagnosis.evidence, learned: [])]), at: now)
        let proposals = await actor.proposals(at: now)
        #expect(!proposals.contains { $0.action == "restart with backoff" }, "\(proposals.map(\.action))")
        let proposal = try #require(proposals.first { $0.advisor == "reliability" })
        #expect(proposal.action == "investigate the crashes")
        #expect(proposal.rationale.contains("go is not installed") && proposal.rationale.contains("a restart cannot help"), "\(proposal.rationale)")
        #expect(Advisor.assess(.reliability, .restartWithBackoff, on: await actor.health(at: now).first { $0.project == go.id }!) < 0)
    }
}
