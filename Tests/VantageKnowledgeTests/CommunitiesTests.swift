import Testing
import VantageCore
@testable import VantageKnowledge

@Suite struct CommunitiesTests {
    /// `groups` cliques of `size` nodes named "g<group>n<i>", each joined to the next by one edge.
    static func plantedCliques(groups: Int, size: Int) -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        for g in 0..<groups {
            for i in 0..<size { graph.insert(GraphNode(id: "g\(g)n\(i)", label: "n\(i)", kind: .project)) }
            for i in 0..<size {
                for j in (i + 1)..<size { graph.connect(GraphEdge(from: "g\(g)n\(i)", to: "g\(g)n\(j)", kind: .sharesDependency)) }
            }
        }
        for g in 0..<groups {
            // A single bridge from the last node of each group to the first of the next (a ring).
            graph.connect(GraphEdge(from: "g\(g)n\(size - 1)", to: "g\((g + 1) % groups)n0", kind: .dependsOn))
        }
        return graph
    }

    static func expectedGroups(groups: Int, size: Int) -> Set<[String]> {
        Set((0..<groups).map { g in (0..<size).map { "g\(g)n\($0)" }.sorted() })
    }

    @Test func recoversThreeDenseGroupsJoinedBySingleEdges() {
        let found = Communities.detect(Self.plantedCliques(groups: 3, size: 5))
        #expect(Set(found) == Self.expectedGroups(groups: 3, size: 5))
    }

    @Test func recoversNoisyPlantedPartitions() {
        // 4 groups of 12: inside, each pair linked with probability 0.5; across, 0.02.
        var rng = SplitMix64(seed: 7)
        var graph = KnowledgeGraph()
        let ids = (0..<48).map { "p\($0 / 12)-\($0 % 12)" }
        for id in ids { graph.insert(GraphNode(id: id, label: id, kind: .project)) }
        for i in ids.indices {
            for j in ids.indices where j > i {
                let p = (i / 12 == j / 12) ? 0.5 : 0.02
                if rng.unit() < p { graph.connect(GraphEdge(from: ids[i], to: ids[j], kind: .sharesDependency)) }
            }
        }
        let found = Communities.detect(graph)
        let planted = Set((0..<4).map { g in ids.filter { $0.hasPrefix("p\(g)-") }.sorted() })
        #expect(Set(found) == planted)
    }

    @Test func everyNodeIsInExactlyOneCommunityAndIsolatedNodesStandAlone() {
        var graph = Self.plantedCliques(groups: 2, size: 4)
        graph.insert(GraphNode(id: "lonely", label: "lonely", kind: .port))
        let found = Communities.detect(graph)
        #expect(found.flatMap { $0 }.sorted() == graph.orderedNodes.map(\.id))
        #expect(found.contains(["lonely"]))
        #expect(found.count == 3)
    }

    @Test func theSameGraphGivesTheSameCommunities() {
        let graph = Self.plantedCliques(groups: 5, size: 6)
        #expect(Communities.detect(graph) == Communities.detect(graph))
        #expect(Communities.detect(KnowledgeGraph()) == [])
    }
}
