import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageKnowledge

@Suite struct GraphPersistenceTests {
    @Test func graphRoundTripsThroughARealDatabase() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var graph = KnowledgeGraph()
        graph.apply(projects: FixtureWorkspace.projects)
        graph.insert(GraphNode(id: "container:redis", label: "redis", kind: .container))
        graph.connect(GraphEdge(from: "project:/ws/store", to: "container:redis", kind: .runsIn))

        let store = try Store.open(path: folder.database)
        try await store.saveGraph(graph)
        // A second Store on the same file: what was written is on disk, not in memory.
        let reopened = try Store.open(path: folder.database)
        let loaded = try await reopened.loadKnowledgeGraph()
        #expect(loaded == graph)
        #expect(loaded.nodes.count == 14)
        #expect(loaded.edges.count == 13)
    }

    @Test func aLoadedGraphStillRemovesWhatARescanDropped() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var graph = KnowledgeGraph()
        graph.apply(projects: FixtureWorkspace.projects)
        graph.insert(GraphNode(id: "container:redis", label: "redis", kind: .container))
        let store = try Store.open(path: folder.database)
        try await store.saveGraph(graph)

        var loaded = try await store.loadKnowledgeGraph()
        let change = loaded.apply(projects: [FixtureWorkspace.web, FixtureWorkspace.api])
        #expect(change.removedNodeIDs == ["dependency:npm/express@^4.19.2", "language:node", "port:3000", "project:/ws/store"])
        #expect(loaded.nodes["container:redis"] != nil)
    }

    @Test func savingReplacesThePreviousGraph() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Store.open(path: folder.database)
        var big = KnowledgeGraph()
        big.apply(projects: FixtureWorkspace.projects)
        try await store.saveGraph(big)
        var small = KnowledgeGraph()
        small.apply(projects: [FixtureWorkspace.store])
        try await store.saveGraph(small)
        let loaded = try await store.loadKnowledgeGraph()
        #expect(loaded == small)
        #expect(Set(loaded.nodes.keys) == ["project:/ws/store", "language:node", "dependency:npm/express@^4.19.2", "port:3000"])
    }
}
