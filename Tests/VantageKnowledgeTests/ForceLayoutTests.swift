import Testing
import VantageCore
@testable import VantageKnowledge

@Suite struct ForceLayoutTests {
    static func twoComponents() -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        for c in ["a", "b"] {
            for i in 0..<12 { graph.insert(GraphNode(id: "\(c)\(i)", label: "\(c)\(i)", kind: .dependency)) }
            for i in 1..<12 { graph.connect(GraphEdge(from: "\(c)0", to: "\(c)\(i)", kind: .dependsOn)) }
            for i in 1..<11 { graph.connect(GraphEdge(from: "\(c)\(i)", to: "\(c)\(i + 1)", kind: .dependsOn)) }
        }
        return graph
    }

    static func settled(_ graph: KnowledgeGraph, seed: UInt64) -> ForceLayout {
        var layout = ForceLayout(seed: seed)
        layout.sync(with: graph)
        layout.settle()
        return layout
    }

    @Test func positionsAreFiniteAndBounded() {
        let graph = PowerLawGraph.make(nodes: 800, edges: 2_400, seed: 3)
        var layout = ForceLayout(seed: 1)
        layout.sync(with: graph)
        for _ in 0..<60 {
            layout.step()
            for node in layout.snapshot().nodes {
                #expect(node.x.isFinite && node.y.isFinite)
                #expect(abs(node.x) <= layout.bound && abs(node.y) <= layout.bound)
            }
        }
    }

    @Test func coincidentNodesNeverProduceNaN() {
        // Every node starts at the same point: distances are zero on the first tick.
        var graph = KnowledgeGraph()
        for i in 0..<50 { graph.insert(GraphNode(id: "n\(i)", label: "", kind: .port)) }
        var params = ForceLayoutParameters()
        params.springLength = 0 // new nodes of an edgeless component land exactly on their anchor
        var layout = ForceLayout(seed: 9, parameters: params)
        layout.sync(with: graph)
        layout.settle(maxTicks: 50)
        let snap = layout.snapshot()
        #expect(snap.nodes.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        #expect(Set(snap.nodes.map { "\($0.x),\($0.y)" }).count > 1, "coincident nodes were pushed apart")
    }

    @Test func disconnectedComponentsEndUpApart() throws {
        let layout = Self.settled(Self.twoComponents(), seed: 5)
        #expect(layout.isSettled)
        let snap = layout.snapshot()
        func centroidAndRadius(_ prefix: String) -> (Double, Double, Double) {
            let nodes = snap.nodes.filter { $0.id.hasPrefix(prefix) }
            let cx = nodes.map(\.x).reduce(0, +) / Double(nodes.count)
            let cy = nodes.map(\.y).reduce(0, +) / Double(nodes.count)
            let r = nodes.map { ((($0.x - cx) * ($0.x - cx)) + (($0.y - cy) * ($0.y - cy))).squareRoot() }.max()!
            return (cx, cy, r)
        }
        let a = centroidAndRadius("a"), b = centroidAndRadius("b")
        let distance = ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
        #expect(distance > a.2 + b.2, "centroids \(distance) apart, radii \(a.2) and \(b.2): the components overlap")
        #expect(Set(layout.components).count == 2)
    }

    @Test func sameSeedSameSnapshotDifferentSeedDifferentSnapshot() {
        let graph = PowerLawGraph.make(nodes: 200, edges: 500, seed: 11)
        let one = Self.settled(graph, seed: 42).snapshot()
        let two = Self.settled(graph, seed: 42).snapshot()
        let other = Self.settled(graph, seed: 43).snapshot()
        #expect(one == two)
        #expect(one != other)
        #expect(one.nodes.map(\.id) == other.nodes.map(\.id))
    }

    @Test func newNodesStartNearTheirNeighboursAndSettledNodesStayPut() throws {
        var graph = Self.twoComponents()
        var layout = ForceLayout(seed: 2)
        layout.sync(with: graph)
        layout.settle()
        let before = layout.snapshot()
        #expect(layout.isSettled)
        layout.step()
        #expect(layout.snapshot() == before, "a settled layout does not move")

        graph.insert(GraphNode(id: "a-new", label: "new", kind: .dependency))
        graph.connect(GraphEdge(from: "a5", to: "a-new", kind: .dependsOn))
        layout.sync(with: graph)
        #expect(!layout.isSettled, "a change warms the layout up")
        let anchor = try #require(layout.position(of: "a5"))
        let placed = try #require(layout.position(of: "a-new"))
        let gap = ((anchor.x - placed.x) * (anchor.x - placed.x) + (anchor.y - placed.y) * (anchor.y - placed.y)).squareRoot()
        #expect(gap <= layout.parameters.springLength, "placed next to its neighbour, \(gap) away")
        for node in before.nodes {
            let now = try #require(layout.position(of: node.id))
            #expect(now.x == node.x && now.y == node.y, "sync alone moves no existing node")
        }
        layout.settle()
        let after = layout.snapshot()
        let moved = before.nodes.map { old -> Double in
            let p = layout.position(of: old.id)!
            return ((p.x - old.x) * (p.x - old.x) + (p.y - old.y) * (p.y - old.y)).squareRoot()
        }
        let median = moved.sorted()[moved.count / 2]
        #expect(median < layout.parameters.springLength, "old nodes shift a little (median \(median)), not re-laid out")
        #expect(after.nodes.count == before.nodes.count + 1)

        graph.remove(nodeID: "a-new")
        layout.sync(with: graph)
        #expect(layout.position(of: "a-new") == nil)
        #expect(layout.snapshot().nodes.count == before.nodes.count)
    }

    @Test func snapshotEdgesIndexIntoNodes() {
        var graph = KnowledgeGraph()
        graph.apply(projects: FixtureWorkspace.projects)
        let layout = Self.settled(graph, seed: 1)
        let snap = layout.snapshot()
        #expect(snap.edges.count == graph.edges.count)
        for edge in snap.edges {
            let from = snap.nodes[edge.from].id, to = snap.nodes[edge.to].id
            #expect(graph.edges.contains(GraphEdge(from: from, to: to, kind: edge.kind)))
        }
    }

    @Test func brailleSketchIsTheAskedSizeAndDrawsSomething() {
        let layout = Self.settled(Self.twoComponents(), seed: 1)
        let rows = BrailleSketch.render(layout.snapshot(), columns: 120, rows: 40)
        #expect(rows.count == 40)
        #expect(rows.allSatisfy { $0.unicodeScalars.count == 120 })
        let inked = rows.joined().unicodeScalars.filter { $0.value != 0x2800 }.count
        #expect(inked > 24, "24 nodes and their edges leave ink")
    }
}
