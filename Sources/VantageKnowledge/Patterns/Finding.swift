/// A pattern discovered in the knowledge graph, as a sentence a person can read.
public struct Finding: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Several projects depend on the same package at the same version.
        case sharedVersion = "shared_version"
        /// Two projects' dependency sets overlap strongly (Jaccard).
        case similarDependencies = "similar_dependencies"
        /// The same error pattern is raised by several projects that share a dependency.
        case recurringError = "recurring_error"
    }
    public var kind: Kind
    public var text: String
    /// The node ids the finding is about.
    public var nodes: [String]
    /// Edges the finding implies (a recurring error `affected_by` its common dependency),
    /// for the caller to `connect` into the graph.
    public var impliedEdges: [GraphEdge]

    public init(kind: Kind, text: String, nodes: [String], impliedEdges: [GraphEdge] = []) {
        self.kind = kind
        self.text = text
        self.nodes = nodes
        self.impliedEdges = impliedEdges
    }
}
