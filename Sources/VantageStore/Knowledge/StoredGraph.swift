import VantageCore

/// The knowledge graph as rows: what `saveGraph`/`loadGraph` write and read.
/// (VantageKnowledge maps its `KnowledgeGraph` to and from this value.)
public struct StoredGraph: Sendable, Equatable {
    public struct Node: Sendable, Equatable, Hashable {
        public var id: String
        public var label: String
        public var kind: GraphNodeKind
        /// True when the node was derived from scanned projects (a rescan may remove it).
        public var projectLayer: Bool
        public init(id: String, label: String, kind: GraphNodeKind, projectLayer: Bool) {
            self.id = id
            self.label = label
            self.kind = kind
            self.projectLayer = projectLayer
        }
    }
    public struct Edge: Sendable, Equatable, Hashable {
        public var from: String
        public var to: String
        public var kind: GraphEdgeKind
        public var projectLayer: Bool
        public init(from: String, to: String, kind: GraphEdgeKind, projectLayer: Bool) {
            self.from = from
            self.to = to
            self.kind = kind
            self.projectLayer = projectLayer
        }
    }
    /// Sorted by id.
    public var nodes: [Node]
    /// Sorted by (from, to, kind).
    public var edges: [Edge]
    public init(nodes: [Node] = [], edges: [Edge] = []) {
        self.nodes = nodes
        self.edges = edges
    }
}
