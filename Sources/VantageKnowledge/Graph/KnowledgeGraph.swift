import VantageCore

/// The workspace's knowledge graph: typed nodes and typed edges, as a plain value.
///
/// `apply(projects:)` derives the project layer (project, language, dependency and port nodes;
/// `written_in`, `depends_on`, `exposes` and `shares_dependency` edges) and changes only what
/// differs from the previous call, so node identities (and the layout's positions for them)
/// survive rescans. Other sources (containers, errors, advisors) add their own nodes and edges
/// through `insert`/`connect`; a rescan does not remove those unless a removed project node
/// was one of their endpoints.
///
/// Persistence (issue 6) goes through `GraphChange`, which every mutation returns, and through
/// `Codable` for whole snapshots.
public struct KnowledgeGraph: Codable, Sendable, Equatable {
    public private(set) var nodes: [String: GraphNode] = [:]
    public private(set) var edges: Set<GraphEdge> = []
    /// What the last `apply(projects:)` derived, so the next one can remove exactly that.
    var projectLayerNodes: Set<String> = []
    var projectLayerEdges: Set<GraphEdge> = []

    public init() {}

    /// Nodes sorted by id: a deterministic order for layouts, snapshots and exports.
    public var orderedNodes: [GraphNode] { nodes.values.sorted { $0.id < $1.id } }
    /// Edges in a deterministic order.
    public var orderedEdges: [GraphEdge] { edges.sorted() }

    /// Ids of the nodes joined to `id` by an edge in either direction, sorted.
    public func neighbours(of id: String) -> [String] {
        var result = Set<String>()
        for e in edges {
            if e.from == id { result.insert(e.to) } else if e.to == id { result.insert(e.from) }
        }
        return result.sorted()
    }

    // MARK: generic mutations

    /// Adds a node, or updates its label and kind. Returns what changed.
    @discardableResult
    public mutating func insert(_ node: GraphNode) -> GraphChange {
        var change = GraphChange()
        if let old = nodes[node.id] {
            if old != node { nodes[node.id] = node; change.updatedNodes.append(node) }
        } else {
            nodes[node.id] = node
            change.addedNodes.append(node)
        }
        return change
    }

    /// Adds an edge between two existing nodes (an edge to an unknown node is ignored).
    @discardableResult
    public mutating func connect(_ edge: GraphEdge) -> GraphChange {
        var change = GraphChange()
        guard edge.from != edge.to, nodes[edge.from] != nil, nodes[edge.to] != nil else { return change }
        if edges.insert(edge).inserted { change.addedEdges.append(edge) }
        return change
    }

    @discardableResult
    public mutating func disconnect(_ edge: GraphEdge) -> GraphChange {
        var change = GraphChange()
        if edges.remove(edge) != nil { change.removedEdges.append(edge) }
        return change
    }

    /// Removes a node and every edge touching it.
    @discardableResult
    public mutating func remove(nodeID id: String) -> GraphChange {
        var change = GraphChange()
        guard nodes.removeValue(forKey: id) != nil else { return change }
        change.removedNodeIDs.append(id)
        let touching = edges.filter { $0.from == id || $0.to == id }
        for e in touching.sorted() { edges.remove(e); change.removedEdges.append(e) }
        return change
    }

    // MARK: the project layer

    /// Brings the project layer in line with `projects`: adds what is new, removes what is gone,
    /// relabels what was renamed, and leaves everything else (and its identity) untouched.
    @discardableResult
    public mutating func apply(projects: [Project]) -> GraphChange {
        let (wantedNodes, wantedEdges) = Self.projectLayer(projects)
        var change = GraphChange()

        for edge in projectLayerEdges.subtracting(wantedEdges).sorted() {
            if edges.remove(edge) != nil { change.removedEdges.append(edge) }
        }
        let wantedIDs = Set(wantedNodes.keys)
        for id in projectLayerNodes.subtracting(wantedIDs).sorted() {
            change.merge(remove(nodeID: id))
        }
        for id in wantedNodes.keys.sorted() { change.merge(insert(wantedNodes[id]!)) }
        for edge in wantedEdges.sorted() { change.merge(connect(edge)) }

        projectLayerNodes = wantedIDs
        projectLayerEdges = wantedEdges
        return change
    }

    /// The nodes and edges `projects` imply.
    /// `shares_dependency` joins two projects that depend on the same package (same ecosystem
    /// and name, any version), once per pair, from the smaller project id to the larger.
    static func projectLayer(_ projects: [Project]) -> ([String: GraphNode], Set<GraphEdge>) {
        var nodes: [String: GraphNode] = [:]
        var edges = Set<GraphEdge>()
        var usersOfPackage: [String: Set<String>] = [:]
        for project in projects {
            let pid = GraphNodeID.project(project.id)
            nodes[pid] = GraphNode(id: pid, label: project.name, kind: .project)
            for kind in project.kinds {
                let kid = GraphNodeID.language(kind)
                nodes[kid] = GraphNode(id: kid, label: kind.rawValue, kind: .language)
                edges.insert(GraphEdge(from: pid, to: kid, kind: .writtenIn))
            }
            for dep in project.dependencies {
                let did = GraphNodeID.dependency(dep)
                nodes[did] = GraphNode(id: did, label: GraphNodeID.dependencyLabel(dep), kind: .dependency)
                edges.insert(GraphEdge(from: pid, to: did, kind: .dependsOn))
                usersOfPackage[dep.ecosystem + "/" + dep.name.lowercased(), default: []].insert(pid)
            }
            for port in project.ports {
                let portID = GraphNodeID.port(port)
                nodes[portID] = GraphNode(id: portID, label: ":\(port)", kind: .port)
                edges.insert(GraphEdge(from: pid, to: portID, kind: .exposes))
            }
        }
        for users in usersOfPackage.values where users.count > 1 {
            let sorted = users.sorted()
            for i in sorted.indices {
                for j in sorted.indices where j > i {
                    edges.insert(GraphEdge(from: sorted[i], to: sorted[j], kind: .sharesDependency))
                }
            }
        }
        return (nodes, edges)
    }
}

extension GraphChange {
    mutating func merge(_ other: GraphChange) {
        addedNodes += other.addedNodes
        updatedNodes += other.updatedNodes
        removedNodeIDs += other.removedNodeIDs
        addedEdges += other.addedEdges
        removedEdges += other.removedEdges
    }
}
