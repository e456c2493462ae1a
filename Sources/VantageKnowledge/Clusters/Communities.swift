/// Community detection on the knowledge graph (edges taken as undirected, weight 1): Louvain
/// modularity optimisation, deterministic (nodes visited in id order, ties keep the current
/// community, then the smallest community index wins).
public enum Communities {
    /// The communities of `graph`: each a sorted list of node ids, largest first (then by first id).
    /// Every node is in exactly one community; an isolated node is a community of one.
    public static func detect(_ graph: KnowledgeGraph) -> [[String]] {
        let ids = graph.orderedNodes.map(\.id)
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        var weights: [[Int: Double]] = Array(repeating: [:], count: ids.count)
        for e in graph.orderedEdges {
            guard let a = index[e.from], let b = index[e.to], a != b else { continue }
            weights[a][b, default: 0] += 1
            weights[b][a, default: 0] += 1
        }
        let membership = louvain(weights)
        var groups: [Int: [String]] = [:]
        for (i, c) in membership.enumerated() { groups[c, default: []].append(ids[i]) }
        return groups.values.map { $0.sorted() }.sorted { a, b in
            a.count != b.count ? a.count > b.count : a[0] < b[0]
        }
    }

    /// Each node id's community index in `detect`'s order (0 is the largest community).
    public static func membership(_ graph: KnowledgeGraph) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, ids) in detect(graph).enumerated() { for id in ids { out[id] = i } }
        return out
    }

    /// Community index per node of a weighted undirected graph (`weights[i][j]` = weight of i–j,
    /// symmetric; `weights[i][i]` a self-loop counted once in each direction).
    static func louvain(_ weights: [[Int: Double]]) -> [Int] {
        var membership = Array(0..<weights.count)
        var graph = weights
        while true {
            let level = localMoving(graph)
            let count = (level.max() ?? -1) + 1
            if count == graph.count { break }              // nothing merged: done
            membership = membership.map { level[$0] }
            graph = aggregate(graph, level, count: count)
        }
        return membership
    }

    /// One Louvain phase: moves nodes between communities while modularity rises. Returns the
    /// community of each node, renumbered 0..<k in order of first appearance.
    static func localMoving(_ graph: [[Int: Double]]) -> [Int] {
        let n = graph.count
        let degree = graph.map { $0.values.reduce(0, +) }
        let total = degree.reduce(0, +)                    // 2m
        guard total > 0 else { return Array(0..<n) }
        var community = Array(0..<n)
        var communityDegree = degree
        var moved = true
        var passes = 0
        while moved && passes < 100 {
            moved = false
            passes += 1
            for i in 0..<n {
                let own = community[i]
                communityDegree[own] -= degree[i]
                var links: [Int: Double] = [:]
                for (j, w) in graph[i] where j != i { links[community[j], default: 0] += w }
                func gain(_ c: Int) -> Double { (links[c] ?? 0) - communityDegree[c] * degree[i] / total }
                var best = own
                var bestGain = gain(own)
                for c in links.keys.sorted() {
                    let g = gain(c)
                    if g > bestGain + 1e-12 { best = c; bestGain = g }
                }
                communityDegree[best] += degree[i]
                if best != own { community[i] = best; moved = true }
            }
        }
        var renumber: [Int: Int] = [:]
        return community.map { c in
            if let r = renumber[c] { return r }
            renumber[c] = renumber.count
            return renumber[c]!
        }
    }

    /// The graph of communities: one node per community, edge weights summed, inner edges as self-loops.
    static func aggregate(_ graph: [[Int: Double]], _ community: [Int], count: Int) -> [[Int: Double]] {
        var result: [[Int: Double]] = Array(repeating: [:], count: count)
        for (i, row) in graph.enumerated() {
            for (j, w) in row { result[community[i]][community[j], default: 0] += w }
        }
        return result
    }
}
