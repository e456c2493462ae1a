/// What one update did to the graph: the seam through which a store persists the graph
/// incrementally (apply the removals, then the additions) and the layout follows it.
public struct GraphChange: Sendable, Equatable {
    public var addedNodes: [GraphNode] = []
    /// Nodes whose label changed (a project renamed in its manifest).
    public var updatedNodes: [GraphNode] = []
    public var removedNodeIDs: [String] = []
    public var addedEdges: [GraphEdge] = []
    /// Includes every edge that touched a removed node.
    public var removedEdges: [GraphEdge] = []

    public init() {}

    public var isEmpty: Bool {
        addedNodes.isEmpty && updatedNodes.isEmpty && removedNodeIDs.isEmpty && addedEdges.isEmpty && removedEdges.isEmpty
    }
}
