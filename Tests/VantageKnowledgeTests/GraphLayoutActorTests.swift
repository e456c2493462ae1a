import Testing
import VantageCore
@testable import VantageKnowledge

@Suite struct GraphLayoutActorTests {
    @Test func scannedEventsBecomeThrottledGraphFramesUntilSettled() async throws {
        let bus = Bus()
        let actor = GraphLayoutActor(bus: bus, seed: 1, tickInterval: .milliseconds(1), publishInterval: .milliseconds(100))
        let actorEvents = bus.events()
        let watched = bus.events()
        let runner = Task { await actor.run(events: actorEvents) }

        let clock = ContinuousClock()
        let start = clock.now
        bus.publish(.scanned(roots: ["/ws"], projects: FixtureWorkspace.projects))

        var frames: [GraphSnapshot] = []
        for await event in watched {
            if case .graph(let snapshot) = event {
                frames.append(snapshot)
                if await actor.isSettled { break }
            }
        }
        let elapsed = clock.now - start
        let last = try #require(frames.last)
        #expect(last.nodes.count == 13)
        #expect(last == (await actor.snapshot()))
        // At most one frame per 100 ms, plus the final settled one.
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(Double(frames.count) <= seconds * 10 + 2, "\(frames.count) frames in \(seconds) s")
        try await Task.sleep(for: .milliseconds(20))
        #expect(await actor.isTicking == false, "settled: no more ticking")

        // The same projects again change nothing and wake nothing.
        bus.publish(.scanned(roots: ["/ws"], projects: FixtureWorkspace.projects))
        try await Task.sleep(for: .milliseconds(50))
        #expect(await actor.isTicking == false)
        bus.close()
        await runner.value
    }

    @Test func framesCarryEachNodesCommunity() async {
        let actor = GraphLayoutActor(bus: Bus(), seed: 1)
        await actor.apply(projects: FixtureWorkspace.projects)
        let frame = await actor.snapshot()
        let communities = Communities.detect(await actor.graph)
        #expect(communities.count > 1)
        for node in frame.nodes {
            let expected = communities.firstIndex { $0.contains(node.id) }
            #expect(node.cluster == expected, "\(node.id)")
        }
    }

    @Test func aProjectMovedToAnotherPortShowsThePortInUse() async {
        let actor = GraphLayoutActor(bus: Bus(), seed: 1, tickInterval: .milliseconds(1))
        let web = Project(name: "python-web", path: "/ws/python-web", kinds: [.python], ports: [4102])
        await actor.apply(projects: [web])
        #expect(await actor.graph.nodes[GraphNodeID.port(4102)] != nil)
        let change = await actor.apply(ports: [4110], of: web.id)
        #expect(!change.isEmpty)
        #expect(await actor.graph.nodes[GraphNodeID.port(4110)]?.label == ":4110")
        #expect(await actor.graph.nodes[GraphNodeID.port(4102)] == nil, "the declared port it does not use is gone")
        #expect(await actor.apply(ports: [4110], of: web.id).isEmpty, "the same ports again change nothing")
    }
}
