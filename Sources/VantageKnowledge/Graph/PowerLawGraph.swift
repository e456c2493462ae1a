import VantageCore

/// Random scale-free graphs by preferential attachment (Barabási–Albert), for benchmarks and
/// tests: each new node links to existing nodes chosen with probability proportional to degree.
public enum PowerLawGraph {
    /// A graph with `nodes` nodes and (as near as the node count allows) `edges` distinct edges.
    public static func make(nodes: Int, edges: Int, seed: UInt64) -> KnowledgeGraph {
        var random = SplitMix64(seed: seed)
        var graph = KnowledgeGraph()
        guard nodes > 0 else { return graph }
        func id(_ i: Int) -> String { "n\(i)" }
        for i in 0..<nodes {
            graph.insert(GraphNode(id: id(i), label: id(i), kind: i % 7 == 0 ? .project : .dependency))
        }
        let maxEdges = nodes * (nodes - 1) / 2
        let target = min(edges, maxEdges)
        var endpoints: [Int] = [] // every edge's two ends: sampling from it is sampling by degree
        var pairs = Set<UInt64>()
        func link(_ a: Int, _ b: Int) -> Bool {
            guard a != b else { return false }
            let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
            guard pairs.insert(key).inserted else { return false }
            endpoints.append(a); endpoints.append(b)
            graph.connect(GraphEdge(from: id(a), to: id(b), kind: .dependsOn))
            return true
        }
        func pick(below limit: Int) -> Int {
            if endpoints.isEmpty || random.unit() < 0.1 { return Int(random.next() % UInt64(limit)) }
            let candidate = endpoints[Int(random.next() % UInt64(endpoints.count))]
            return candidate < limit ? candidate : Int(random.next() % UInt64(limit))
        }
        // Grow: node i attaches its share of the edges to earlier nodes.
        let perNode = max(1, target / max(nodes - 1, 1)) // every node gets at least one edge when there are enough
        for i in 1..<max(nodes, 1) where pairs.count < target {
            var attempts = 0
            var made = 0
            while made < min(perNode, i) && pairs.count < target && attempts < perNode * 8 {
                if link(i, pick(below: i)) { made += 1 }
                attempts += 1
            }
        }
        // Top up with degree-biased pairs until the target is met.
        var attempts = 0
        while pairs.count < target && attempts < target * 20 {
            _ = link(pick(below: nodes), pick(below: nodes))
            attempts += 1
        }
        return graph
    }
}
