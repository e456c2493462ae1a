import Foundation
import GRDB
import Testing
import VantageCore
@testable import VantageStore

@Suite struct KnowledgeRepositoryTests {
    @Test func graphRowsRoundTripAndDanglingEdgesAreSkipped() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        #expect(try await store.loadGraph() == StoredGraph())
        let graph = StoredGraph(
            nodes: [StoredGraph.Node(id: "a", label: "A \"quoted\"", kind: .project, projectLayer: true),
                    StoredGraph.Node(id: "b", label: "redis", kind: .container, projectLayer: false)],
            edges: [StoredGraph.Edge(from: "a", to: "b", kind: .runsIn, projectLayer: false),
                    StoredGraph.Edge(from: "a", to: "ghost", kind: .dependsOn, projectLayer: true)])
        try await store.saveGraph(graph)
        let loaded = try await Store.open(path: tmp.path).loadGraph()
        #expect(loaded.nodes == graph.nodes)
        try #require(graph.edges.count > 0)
        #expect(loaded.edges == [graph.edges[0]])
    }

    @Test func rowsOfUnknownKindsAreSkippedNotFatal() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO graph_nodes VALUES ('x', 'x', 'hologram', 0), ('p', 'p', 'project', 1)")
        }
        #expect(try await store.loadGraph().nodes.map(\.id) == ["p"])
    }

    @Test func aFailedSaveLeavesThePreviousGraph() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let first = StoredGraph(nodes: [StoredGraph.Node(id: "a", label: "a", kind: .project, projectLayer: true)])
        try await store.saveGraph(first)
        // A trigger makes the second save fail halfway: the transaction must roll back whole.
        try await store.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON graph_nodes WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        let second = StoredGraph(nodes: [StoredGraph.Node(id: "b", label: "b", kind: .port, projectLayer: true),
                                         StoredGraph.Node(id: "boom", label: "boom", kind: .port, projectLayer: true)])
        await #expect(throws: (any Error).self) { try await store.saveGraph(second) }
        #expect(try await store.loadGraph() == first)
    }

    @Test func fixOutcomesAccumulateWithHistory() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let ratio: @Sendable (Int, Int) -> Double = { s, f in Double(s) / Double(s + f) }
        try await store.recordFixOutcome(signature: "oom", fix: "raise", succeeded: true, time: Date(timeIntervalSince1970: 1), confidence: ratio)
        try await store.recordFixOutcome(signature: "oom", fix: "raise", succeeded: false, time: Date(timeIntervalSince1970: 2), confidence: ratio)
        let fix = try await store.recordFixOutcome(signature: "oom", fix: "raise", succeeded: true, time: Date(timeIntervalSince1970: 3), confidence: ratio)
        #expect(fix.successes == 2 && fix.failures == 1)
        #expect(fix.history.map(\.confidence) == [1, 0.5, 2.0 / 3.0])
        #expect(try await store.learnedFixes() == [fix])
    }
}
