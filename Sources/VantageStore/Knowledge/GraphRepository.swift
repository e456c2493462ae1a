import Foundation
import GRDB
import VantageCore

extension Store {
    /// Replaces the stored graph with `graph` in one transaction: a reader sees the old graph or
    /// the new one, never a mix. Edges whose endpoints are not among the nodes are skipped.
    public func saveGraph(_ graph: StoredGraph) async throws {
        try await write("save the knowledge graph") { db in try GraphRows.replace(db, with: graph) }
    }

    /// The stored graph (empty before the first save). Rows with an unknown kind (written by a
    /// newer Vantage) are skipped rather than failing the load.
    public func loadGraph() async throws -> StoredGraph {
        try await read("read the knowledge graph") { db in try GraphRows.load(db) }
    }
}

enum GraphRows {
    static func replace(_ db: Database, with graph: StoredGraph) throws {
        try db.execute(sql: "DELETE FROM graph_edges")
        try db.execute(sql: "DELETE FROM graph_nodes")
        let insertNode = try db.cachedStatement(sql: "INSERT OR REPLACE INTO graph_nodes (id, label, kind, projectLayer) VALUES (?, ?, ?, ?)")
        var ids = Set<String>()
        for n in graph.nodes {
            try insertNode.execute(arguments: [n.id, n.label, n.kind.rawValue, n.projectLayer])
            ids.insert(n.id)
        }
        let insertEdge = try db.cachedStatement(sql: "INSERT OR REPLACE INTO graph_edges (source, target, kind, projectLayer) VALUES (?, ?, ?, ?)")
        for e in graph.edges where ids.contains(e.from) && ids.contains(e.to) {
            try insertEdge.execute(arguments: [e.from, e.to, e.kind.rawValue, e.projectLayer])
        }
    }

    static func load(_ db: Database) throws -> StoredGraph {
        let nodes = try Row.fetchAll(db, sql: "SELECT * FROM graph_nodes ORDER BY id").compactMap { row -> StoredGraph.Node? in
            guard let kind = GraphNodeKind(rawValue: row["kind"]) else { return nil }
            return StoredGraph.Node(id: row["id"], label: row["label"], kind: kind, projectLayer: row["projectLayer"])
        }
        let edges = try Row.fetchAll(db, sql: "SELECT * FROM graph_edges ORDER BY source, target, kind").compactMap { row -> StoredGraph.Edge? in
            guard let kind = GraphEdgeKind(rawValue: row["kind"]) else { return nil }
            return StoredGraph.Edge(from: row["source"], to: row["target"], kind: kind, projectLayer: row["projectLayer"])
        }
        return StoredGraph(nodes: nodes, edges: edges)
    }
}
