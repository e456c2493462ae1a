/// The kinds of node in the knowledge graph. Each has a theme colour role.
/// `vulnerability` is a package with known advisories, linked to every project that uses it.
public enum GraphNodeKind: String, Codable, Sendable, CaseIterable {
    case project, language, dependency, container, port, error, solution, hotspot, advisor, vulnerability
}

public enum GraphEdgeKind: String, Codable, Sendable, CaseIterable {
    case dependsOn = "depends_on"
    case writtenIn = "written_in"
    case exposes
    case runsIn = "runs_in"
    case raised
    case fixedBy = "fixed_by"
    case sharesDependency = "shares_dependency"
    case affectedBy = "affected_by"
}

/// A laid-out frame of the knowledge graph: what the Graph pane draws.
/// Positions are in layout space; the view fits them to the pane.
public struct GraphSnapshot: Codable, Sendable, Equatable {
    public struct Node: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var kind: GraphNodeKind
        public var x: Double
        public var y: Double
        /// The node's community (Louvain, largest first from 0); the view colours clusters by it.
        public var cluster: Int
        public init(id: String, label: String, kind: GraphNodeKind, x: Double, y: Double, cluster: Int = 0) {
            self.id = id
            self.label = label
            self.kind = kind
            self.x = x
            self.y = y
            self.cluster = cluster
        }
    }
    public struct Edge: Codable, Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var kind: GraphEdgeKind
        public init(from: Int, to: Int, kind: GraphEdgeKind) {
            self.from = from
            self.to = to
            self.kind = kind
        }
    }
    public var nodes: [Node]
    /// Edges index into `nodes`.
    public var edges: [Edge]
    public init(nodes: [Node] = [], edges: [Edge] = []) {
        self.nodes = nodes
        self.edges = edges
    }
}
