import Testing
import VantageCore
@testable import VantageKnowledge

/// A fixture workspace as the scanner would report it.
enum FixtureWorkspace {
    static let web = Project(name: "web", path: "/ws/web", kinds: [.procfile, .python], command: "gunicorn app:app",
                             ports: [5000], dependencies: [Dependency(ecosystem: "pypi", name: "flask", version: "==3.1.3"),
                                                           Dependency(ecosystem: "pypi", name: "urllib3", version: "==1.26.5")])
    static let api = Project(name: "api", path: "/ws/api", kinds: [.python], command: "python app.py",
                             ports: [8000], dependencies: [Dependency(ecosystem: "pypi", name: "Flask", version: ">=3")])
    static let store = Project(name: "store", path: "/ws/store", kinds: [.node], command: "npm start",
                               ports: [3000], dependencies: [Dependency(ecosystem: "npm", name: "express", version: "^4.19.2")])
    static let projects = [web, api, store]
}

@Suite struct KnowledgeGraphTests {
    @Test func buildsTheKnownNodesAndEdges() {
        var graph = KnowledgeGraph()
        graph.apply(projects: FixtureWorkspace.projects)
        let labels = Dictionary(uniqueKeysWithValues: graph.orderedNodes.map { ($0.id, "\($0.kind.rawValue) \($0.label)") })
        #expect(labels == [
            "project:/ws/web": "project web",
            "project:/ws/api": "project api",
            "project:/ws/store": "project store",
            "language:procfile": "language procfile",
            "language:python": "language python",
            "language:node": "language node",
            "dependency:pypi/flask@==3.1.3": "dependency flask@3.1.3",
            "dependency:pypi/urllib3@==1.26.5": "dependency urllib3@1.26.5",
            "dependency:pypi/Flask@>=3": "dependency Flask@>=3",
            "dependency:npm/express@^4.19.2": "dependency express@^4.19.2",
            "port:5000": "port :5000",
            "port:8000": "port :8000",
            "port:3000": "port :3000",
        ])
        let edges = Set(graph.edges.map { "\($0.from) -\($0.kind.rawValue)-> \($0.to)" })
        #expect(edges == [
            "project:/ws/web -written_in-> language:procfile",
            "project:/ws/web -written_in-> language:python",
            "project:/ws/api -written_in-> language:python",
            "project:/ws/store -written_in-> language:node",
            "project:/ws/web -depends_on-> dependency:pypi/flask@==3.1.3",
            "project:/ws/web -depends_on-> dependency:pypi/urllib3@==1.26.5",
            "project:/ws/api -depends_on-> dependency:pypi/Flask@>=3",
            "project:/ws/store -depends_on-> dependency:npm/express@^4.19.2",
            "project:/ws/web -exposes-> port:5000",
            "project:/ws/api -exposes-> port:8000",
            "project:/ws/store -exposes-> port:3000",
            // flask and Flask are the same PyPI package in two versions: the projects share it.
            "project:/ws/api -shares_dependency-> project:/ws/web",
        ])
    }

    @Test func applyIsIncrementalAndKeepsOtherLayers() {
        var graph = KnowledgeGraph()
        graph.apply(projects: FixtureWorkspace.projects)
        // Another source adds a container node tied to a project.
        graph.insert(GraphNode(id: "container:redis", label: "redis", kind: .container))
        graph.connect(GraphEdge(from: "project:/ws/store", to: "container:redis", kind: .runsIn))

        #expect(graph.apply(projects: FixtureWorkspace.projects).isEmpty, "a rescan with no change changes nothing")

        var renamed = FixtureWorkspace.api
        renamed.name = "api-v2"
        let change = graph.apply(projects: [FixtureWorkspace.web, renamed])
        #expect(change.updatedNodes.map(\.label) == ["api-v2"])
        #expect(change.removedNodeIDs.sorted() == ["dependency:npm/express@^4.19.2", "language:node", "port:3000", "project:/ws/store"])
        #expect(change.addedNodes.isEmpty)
        #expect(change.removedEdges.contains(GraphEdge(from: "project:/ws/store", to: "container:redis", kind: .runsIn)),
                "edges to a removed project go with it")
        #expect(graph.nodes["container:redis"] != nil, "nodes from other sources stay")
        #expect(graph.nodes["language:python"] != nil)

        let back = graph.apply(projects: FixtureWorkspace.projects)
        #expect(back.addedNodes.map(\.id).sorted() == ["dependency:npm/express@^4.19.2", "language:node", "port:3000", "project:/ws/store"])
    }

    @Test func sharedPortsBecomeOneNode() {
        var a = FixtureWorkspace.store
        a.path = "/ws/a"
        var graph = KnowledgeGraph()
        graph.apply(projects: [FixtureWorkspace.store, a])
        #expect(graph.neighbours(of: "port:3000") == ["project:/ws/a", "project:/ws/store"])
    }

    @Test func powerLawGraphHasTheAskedSizeAndHubs() throws {
        let graph = PowerLawGraph.make(nodes: 2_000, edges: 6_000, seed: 7)
        #expect(graph.nodes.count == 2_000)
        #expect(graph.edges.count == 6_000)
        var degree: [String: Int] = [:]
        for e in graph.edges { degree[e.from, default: 0] += 1; degree[e.to, default: 0] += 1 }
        let sorted = degree.values.sorted(by: >)
        try #require(sorted.count > 0)
        #expect(sorted[0] > 10 * 6, "preferential attachment makes hubs far above the mean degree of 6")
        #expect(PowerLawGraph.make(nodes: 300, edges: 900, seed: 7) == PowerLawGraph.make(nodes: 300, edges: 900, seed: 7))
    }
}
