import VantageCore

/// A node of the knowledge graph. Its `id` is stable across scans (see `GraphNodeID`).
public struct GraphNode: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
    public var kind: GraphNodeKind

    public init(id: String, label: String, kind: GraphNodeKind) {
        self.id = id
        self.label = label
        self.kind = kind
    }
}

/// A typed, directed edge between two node ids. The layout treats edges as undirected.
public struct GraphEdge: Codable, Sendable, Hashable, Comparable {
    public var from: String
    public var to: String
    public var kind: GraphEdgeKind

    public init(from: String, to: String, kind: GraphEdgeKind) {
        self.from = from
        self.to = to
        self.kind = kind
    }

    public static func < (a: GraphEdge, b: GraphEdge) -> Bool {
        (a.from, a.to, a.kind.rawValue) < (b.from, b.to, b.kind.rawValue)
    }
}
