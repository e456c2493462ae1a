import VantageCore

/// A deterministic, incremental force-directed layout of a `KnowledgeGraph`.
///
/// Each `step()` applies:
/// - repulsion between all nodes through a Barnes–Hut quadtree (O(n log n), theta 0.8);
/// - springs along edges, weaker at hubs (1 / the smaller degree, as d3-force does);
/// - gravity toward the anchor of the node's connected component; anchors sit on a spiral,
///   biggest component in the middle, spaced by component size, so components stay apart;
/// - velocity damping (`friction`) and a cooling temperature `alpha` that scales all forces.
///
/// When `alpha` falls below `alphaMin` the layout is settled and `step()` returns at once.
/// `sync(with:)` follows graph changes: existing nodes keep their positions, new nodes start
/// next to the neighbours already placed, and the layout warms up just enough to fit them in.
/// Positions never become NaN (coincident points are separated, distances are floored) and stay
/// within ±`bound`. The same seed and the same sequence of graphs give identical positions.
public struct ForceLayout: Sendable {
    public let parameters: ForceLayoutParameters
    private var random: SplitMix64

    public private(set) var ids: [String] = []
    private var index: [String: Int] = [:]
    private var labels: [String] = []
    private var kinds: [GraphNodeKind] = []
    private var x: [Double] = []
    private var y: [Double] = []
    private var vx: [Double] = []
    private var vy: [Double] = []
    /// How freely each node moves (scales its forces): 1 in a fresh layout; after an incremental
    /// change 1 for new nodes, `neighbourMobility` next to a change, `settledMobility` elsewhere.
    private var mobility: [Double] = []
    /// Undirected springs, each once, as index pairs, with the original edges for snapshots.
    private var springFrom: [Int32] = []
    private var springTo: [Int32] = []
    private var springStrength: [Double] = []
    private var springBias: [Double] = []
    private var snapshotEdges: [GraphSnapshot.Edge] = []
    private var component: [Int32] = []
    private var anchorX: [Double] = []
    private var anchorY: [Double] = []

    private var tree = QuadTree()

    /// The temperature: 1 when fresh, multiplied by (1 - alphaDecay) each tick.
    public private(set) var alpha: Double = 0
    /// Ticks run so far.
    public private(set) var ticks = 0

    public init(seed: UInt64 = 1, parameters: ForceLayoutParameters = ForceLayoutParameters()) {
        self.parameters = parameters
        self.random = SplitMix64(seed: seed)
    }

    public var nodeCount: Int { ids.count }
    public var isSettled: Bool { alpha < parameters.alphaMin }

    /// Positions are kept within ±bound on both axes.
    public var bound: Double { max(1_000, parameters.springLength * 40 * Double(ids.count).squareRoot()) }

    public func position(of id: String) -> (x: Double, y: Double)? {
        index[id].map { (x[$0], y[$0]) }
    }

    // MARK: following the graph

    /// Makes the layout hold exactly the graph's nodes and edges (see the type's notes).
    public mutating func sync(with graph: KnowledgeGraph) {
        let nodes = graph.orderedNodes
        let wasEmpty = ids.isEmpty
        var newIndex: [String: Int] = [:]
        newIndex.reserveCapacity(nodes.count)
        for (i, n) in nodes.enumerated() { newIndex[n.id] = i }

        let n = nodes.count
        var nx = [Double](repeating: 0, count: n), ny = nx, nvx = nx, nvy = nx
        var placed = [Bool](repeating: false, count: n)
        var nmobility = [Double](repeating: 1, count: n)
        var changed = n != ids.count
        let stillMoving = !isSettled
        for (i, node) in nodes.enumerated() {
            if let old = index[node.id] {
                nx[i] = x[old]; ny[i] = y[old]; nvx[i] = vx[old]; nvy[i] = vy[old]
                nmobility[i] = stillMoving ? max(mobility[old], parameters.settledMobility) : parameters.settledMobility
                placed[i] = true
            } else {
                changed = true
            }
        }

        // Springs: one per unordered pair, whatever the number of typed edges between them.
        var adjacency = [[Int32]](repeating: [], count: n)
        var pairs = Set<UInt64>()
        var sFrom: [Int32] = [], sTo: [Int32] = []
        var edgesOut: [GraphSnapshot.Edge] = []
        for e in graph.orderedEdges {
            guard let a = newIndex[e.from], let b = newIndex[e.to], a != b else { continue }
            edgesOut.append(GraphSnapshot.Edge(from: a, to: b, kind: e.kind))
            let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
            guard pairs.insert(key).inserted else { continue }
            sFrom.append(Int32(a)); sTo.append(Int32(b))
            adjacency[a].append(Int32(b)); adjacency[b].append(Int32(a))
        }
        if edgesOut != snapshotEdges { changed = true }
        // Nodes next to something new, or whose edges changed, may move more than the rest.
        let oldEdgeSet = Set(snapshotEdges.map { EdgeKey(from: ids[$0.from], to: ids[$0.to], kind: $0.kind) })
        for e in edgesOut {
            let key = EdgeKey(from: nodes[e.from].id, to: nodes[e.to].id, kind: e.kind)
            if !oldEdgeSet.contains(key) || !placed[e.from] || !placed[e.to] {
                for end in [e.from, e.to] where placed[end] {
                    nmobility[end] = max(nmobility[end], parameters.neighbourMobility)
                }
            }
        }
        for old in oldEdgeSet {
            for end in [old.from, old.to] {
                if let i = newIndex[end], newIndex[old.from] == nil || newIndex[old.to] == nil {
                    nmobility[i] = max(nmobility[i], parameters.neighbourMobility)
                }
            }
        }

        ids = nodes.map(\.id)
        index = newIndex
        labels = nodes.map(\.label)
        kinds = nodes.map(\.kind)
        springFrom = sFrom; springTo = sTo
        snapshotEdges = edgesOut
        springStrength = []; springBias = []
        for k in sFrom.indices {
            let da = Double(adjacency[Int(sFrom[k])].count), db = Double(adjacency[Int(sTo[k])].count)
            springStrength.append(1 / min(da, db))
            springBias.append(da / (da + db)) // the better-connected end moves less
        }
        computeComponents(adjacency: adjacency)

        // Place new nodes next to their placed neighbours, spreading outward from what exists.
        let jitter = parameters.springLength * 0.5
        var progress = true
        while progress {
            progress = false
            for i in 0..<n where !placed[i] {
                var sx = 0.0, sy = 0.0, count = 0.0
                for j in adjacency[i] where placed[Int(j)] { sx += nx[Int(j)]; sy += ny[Int(j)]; count += 1 }
                guard count > 0 else { continue }
                let angle = random.unit() * 2 * .pi
                nx[i] = sx / count + cos(angle) * jitter
                ny[i] = sy / count + sin(angle) * jitter
                placed[i] = true
                progress = true
            }
        }
        // Whatever is left belongs to components with no placed node: scatter them around their anchor.
        for i in 0..<n where !placed[i] {
            let c = Int(component[i])
            let size = Double(componentSizes[c])
            let radius = parameters.springLength * (size.squareRoot() + 1) * random.unit()
            let angle = random.unit() * 2 * .pi
            nx[i] = anchorX[c] + cos(angle) * radius
            ny[i] = anchorY[c] + sin(angle) * radius
        }
        x = nx; y = ny; vx = nvx; vy = nvy
        mobility = wasEmpty ? [Double](repeating: 1, count: n) : nmobility
        if changed {
            alpha = wasEmpty ? 1 : max(alpha, parameters.reheatAlpha)
        }
        if n == 0 { alpha = 0 }
    }

    private var componentSizes: [Int] = []

    /// Labels connected components, then gives each an anchor: the largest in the middle, the
    /// others on a sunflower spiral whose radius grows with the room the earlier ones take.
    private mutating func computeComponents(adjacency: [[Int32]]) {
        let n = adjacency.count
        component = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        var firstMember: [Int] = []
        var queue: [Int] = []
        for start in 0..<n where component[start] < 0 {
            let c = Int32(sizes.count)
            component[start] = c
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let i = queue[head]; head += 1
                for j in adjacency[i] where component[Int(j)] < 0 {
                    component[Int(j)] = c
                    queue.append(Int(j))
                }
            }
            sizes.append(queue.count)
            firstMember.append(start)
        }
        componentSizes = sizes
        // Order: biggest first, ties by first member (node ids are sorted, so this is stable).
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : firstMember[$0] < firstMember[$1] }
        anchorX = [Double](repeating: 0, count: sizes.count)
        anchorY = anchorX
        let golden = Double.pi * (3 - 5.0.squareRoot())
        var area = 0.0
        for (rank, c) in order.enumerated() {
            let s = Double(sizes[c])
            if rank == 0 {
                area = s
                continue
            }
            // Distance from the centre grows like the square root of the area used so far.
            let radius = parameters.springLength * (1.6 * (area + s / 2).squareRoot() + 2)
            anchorX[c] = cos(Double(rank) * golden) * radius
            anchorY[c] = sin(Double(rank) * golden) * radius
            area += s
        }
    }

    // MARK: simulation

    /// Advances the simulation one tick. Does nothing once settled.
    public mutating func step() {
        let n = ids.count
        guard n > 0, !isSettled else { return }
        let p = parameters
        let a = alpha
        let theta2 = p.theta * p.theta
        let minD2 = p.minDistance * p.minDistance
        let bound = self.bound

        x.withUnsafeMutableBufferPointer { x in
        y.withUnsafeMutableBufferPointer { y in
        vx.withUnsafeMutableBufferPointer { vx in
        vy.withUnsafeMutableBufferPointer { vy in
            let xs = UnsafeBufferPointer(x), ys = UnsafeBufferPointer(y)
            // Repulsion.
            tree.build(x: xs, y: ys)
            mobility.withUnsafeBufferPointer { mobility in
                tree.applyRepulsion(xs: xs, ys: ys, vx: vx, vy: vy, scale: mobility,
                                    strength: p.repulsion * a, theta2: theta2, minDistance2: minD2)
            }
            // Springs (on positions moved by the current velocities, as d3-force does).
            for k in 0..<springFrom.count {
                let s = Int(springFrom[k]), t = Int(springTo[k])
                var dx = x[t] + vx[t] - x[s] - vx[s]
                var dy = y[t] + vy[t] - y[s] - vy[s]
                var d = (dx * dx + dy * dy).squareRoot()
                if d < 1e-9 { dx = 1e-3; dy = 0; d = 1e-3 }
                let l = (d - p.springLength) / d * a * springStrength[k]
                dx *= l; dy *= l
                let bias = springBias[k]
                let mt = mobility[t] * bias, ms = mobility[s] * (1 - bias)
                vx[t] -= dx * mt; vy[t] -= dy * mt
                vx[s] += dx * ms; vy[s] += dy * ms
            }
            // Gravity toward the component's anchor, damping, integration, bounds.
            let maxSpeed = p.maxSpeed
            for i in 0..<n {
                let c = Int(component[i])
                vx[i] += (anchorX[c] - x[i]) * p.gravity * a * mobility[i]
                vy[i] += (anchorY[c] - y[i]) * p.gravity * a * mobility[i]
                vx[i] *= 1 - p.friction
                vy[i] *= 1 - p.friction
                let speed2 = vx[i] * vx[i] + vy[i] * vy[i]
                if speed2 > maxSpeed * maxSpeed {
                    let scale = maxSpeed / speed2.squareRoot()
                    vx[i] *= scale; vy[i] *= scale
                }
                if !vx[i].isFinite || !vy[i].isFinite { vx[i] = 0; vy[i] = 0 }
                x[i] = min(max(x[i] + vx[i], -bound), bound)
                y[i] = min(max(y[i] + vy[i], -bound), bound)
            }
        }}}}
        alpha *= 1 - p.alphaDecay
        ticks += 1
    }

    /// Runs up to `maxTicks` ticks or until settled; returns the ticks run.
    @discardableResult
    public mutating func settle(maxTicks: Int = 1_000) -> Int {
        var count = 0
        while !isSettled && count < maxTicks { step(); count += 1 }
        return count
    }

    /// The current frame: every node with its position, and the edges as indices into `nodes`.
    public func snapshot() -> GraphSnapshot {
        var nodes: [GraphSnapshot.Node] = []
        nodes.reserveCapacity(ids.count)
        for i in ids.indices {
            nodes.append(GraphSnapshot.Node(id: ids[i], label: labels[i], kind: kinds[i], x: x[i], y: y[i]))
        }
        return GraphSnapshot(nodes: nodes, edges: snapshotEdges)
    }

    /// The connected component each node belongs to, in `ids` order (for tests and clustering).
    public var components: [Int] { component.map(Int.init) }
}

/// An edge by node ids, to compare edge sets across syncs.
private struct EdgeKey: Hashable {
    var from: String
    var to: String
    var kind: GraphEdgeKind
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
