import VantageCore
import VantageStore

extension KnowledgeGraph {
    /// The graph as rows for `Store.saveGraph`, marking what the project layer derived.
    public var stored: StoredGraph {
        StoredGraph(
            nodes: orderedNodes.map {
                StoredGraph.Node(id: $0.id, label: $0.label, kind: $0.kind, projectLayer: projectLayerNodes.contains($0.id))
            },
            edges: orderedEdges.map {
                StoredGraph.Edge(from: $0.from, to: $0.to, kind: $0.kind, projectLayer: projectLayerEdges.contains($0))
            })
    }

    /// Rebuilds a graph from stored rows. The project layer is restored too, so the next
    /// `apply(projects:)` removes exactly what the stored scan derived and is no longer there.
    public init(stored: StoredGraph) {
        self.init()
        for n in stored.nodes {
            insert(GraphNode(id: n.id, label: n.label, kind: n.kind))
            if n.projectLayer { projectLayerNodes.insert(n.id) }
        }
        for e in stored.edges {
            let edge = GraphEdge(from: e.from, to: e.to, kind: e.kind)
            if connect(edge).addedEdges.isEmpty == false, e.projectLayer { projectLayerEdges.insert(edge) }
        }
    }
}

extension Store {
    /// Saves the whole knowledge graph in one transaction.
    public func saveGraph(_ graph: KnowledgeGraph) async throws {
        try await saveGraph(graph.stored)
    }

    /// The stored knowledge graph (empty before the first save).
    public func loadKnowledgeGraph() async throws -> KnowledgeGraph {
        KnowledgeGraph(stored: try await loadGraph())
    }
}
