import VantageCore

/// What the Graph pane shows of the layout's snapshot: nodes of the chosen kind only (all when
/// none is chosen), and collapsed nodes standing for their dependency neighbourhood. A collapsed
/// node hides each neighbour that is not a project and links to nothing but collapsed nodes; its
/// label gets the count ("api +12"). Edges survive when both ends do. Pure and deterministic.
public struct GraphProjection: Sendable, Equatable {
    /// The snapshot as drawn (indices are into these nodes).
    public var shown: GraphSnapshot
    /// Nodes hidden behind each collapsed node, by id.
    public var hidden: [String: Int]
    /// Node count of each cluster in the whole snapshot, by cluster index.
    public var clusterSizes: [Int: Int]

    public init(shown: GraphSnapshot = GraphSnapshot(), hidden: [String: Int] = [:], clusterSizes: [Int: Int] = [:]) {
        self.shown = shown
        self.hidden = hidden
        self.clusterSizes = clusterSizes
    }

    public static func project(_ graph: GraphSnapshot, kind: GraphNodeKind?, collapsed: Set<String>) -> GraphProjection {
        let n = graph.nodes.count
        var neighbours = [[Int]](repeating: [], count: n)
        for e in graph.edges where e.from >= 0 && e.to >= 0 && e.from < n && e.to < n && e.from != e.to {
            neighbours[e.from].append(e.to)
            neighbours[e.to].append(e.from)
        }
        let isCollapsed = graph.nodes.map { collapsed.contains($0.id) }
        var hiddenNode = [Bool](repeating: false, count: n)
        var hiddenCount: [String: Int] = [:]
        for c in 0..<n where isCollapsed[c] {
            var count = 0
            for m in Set(neighbours[c]) where graph.nodes[m].kind != .project && !isCollapsed[m]
                && neighbours[m].allSatisfy({ isCollapsed[$0] }) {
                hiddenNode[m] = true
                count += 1
            }
            hiddenCount[graph.nodes[c].id] = count
        }
        var newIndex = [Int](repeating: -1, count: n)
        var nodes: [GraphSnapshot.Node] = []
        for (i, node) in graph.nodes.enumerated() where !hiddenNode[i] && (kind == nil || node.kind == kind) {
            newIndex[i] = nodes.count
            var shown = node
            if let count = hiddenCount[node.id], count > 0 { shown.label += " +\(count)" }
            nodes.append(shown)
        }
        let edges = graph.edges.compactMap { e -> GraphSnapshot.Edge? in
            guard e.from >= 0, e.to >= 0, e.from < n, e.to < n, newIndex[e.from] >= 0, newIndex[e.to] >= 0 else { return nil }
            return GraphSnapshot.Edge(from: newIndex[e.from], to: newIndex[e.to], kind: e.kind)
        }
        var sizes: [Int: Int] = [:]
        for node in graph.nodes { sizes[node.cluster, default: 0] += 1 }
        return GraphProjection(shown: GraphSnapshot(nodes: nodes, edges: edges), hidden: hiddenCount, clusterSizes: sizes)
    }

    /// The kinds the filter key walks through for `graph`: all (nil), then each kind present, in
    /// `GraphNodeKind` order (projects, languages, dependencies, …).
    public static func kindCycle(_ graph: GraphSnapshot) -> [GraphNodeKind?] {
        let present = Set(graph.nodes.map(\.kind))
        return [nil] + GraphNodeKind.allCases.filter(present.contains)
    }

    /// "a" for cluster 0, "b" for 1, … (upper case for projects): how ASCII and colourless
    /// screens tell clusters apart.
    public static func clusterLetter(_ cluster: Int, project: Bool = false) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let c = String(letters[((cluster % 26) + 26) % 26])
        return project ? c.uppercased() : c
    }

    /// "dependencies" for `.dependency`: the filter as the pane title says it.
    public static func plural(_ kind: GraphNodeKind) -> String {
        kind.rawValue.hasSuffix("y") ? String(kind.rawValue.dropLast()) + "ies" : kind.rawValue + "s"
    }
}
