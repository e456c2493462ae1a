import Testing
import VantageCore
@testable import VantageKnowledge

@Suite struct PatternFinderTests {
    static func pypi(_ name: String, _ version: String) -> Dependency {
        Dependency(ecosystem: "pypi", name: name, version: "==" + version)
    }

    /// ledger-api and billing overlap on 4 of 5 packages; all three pin urllib3 1.26.5;
    /// billing and web both raise the same error.
    static func fixture() -> KnowledgeGraph {
        let ledger = Project(name: "ledger-api", path: "/ws/ledger-api", kinds: [.python], dependencies: [
            pypi("requests", "2.31.0"), pypi("urllib3", "1.26.5"), pypi("flask", "3.0.0"),
            pypi("sqlalchemy", "2.0.0"), pypi("pydantic", "2.5.0")])
        let billing = Project(name: "billing", path: "/ws/billing", kinds: [.python], dependencies: [
            pypi("requests", "2.31.0"), pypi("urllib3", "1.26.5"), pypi("flask", "3.0.0"), pypi("SQLAlchemy", "2.0.1")])
        let web = Project(name: "web", path: "/ws/web", kinds: [.python], dependencies: [
            pypi("urllib3", "1.26.5"), pypi("django", "5.0")])
        var graph = KnowledgeGraph()
        graph.apply(projects: [ledger, billing, web])
        graph.insert(GraphNode(id: "error:pool-full", label: "Connection pool is full, discarding connection", kind: .error))
        graph.connect(GraphEdge(from: "project:/ws/billing", to: "error:pool-full", kind: .raised))
        graph.connect(GraphEdge(from: "project:/ws/web", to: "error:pool-full", kind: .raised))
        graph.insert(GraphNode(id: "error:once", label: "KeyError: 'TOKEN'", kind: .error))
        graph.connect(GraphEdge(from: "project:/ws/web", to: "error:once", kind: .raised))
        return graph
    }

    @Test func findsTheExpectedSentences() {
        let findings = PatternFinder.findings(Self.fixture())
        #expect(findings.map(\.text) == [
            "2 projects share flask 3.0.0 (billing, ledger-api)",
            "2 projects share requests 2.31.0 (billing, ledger-api)",
            "3 projects share urllib3 1.26.5 (billing, ledger-api, web)",
            "billing and ledger-api share 80 % of their dependencies",
            "The error \"Connection pool is full, discarding connection\" recurs in billing and web, which both depend on urllib3",
        ])
    }

    @Test func aRecurringErrorIsLinkedToItsCommonDependency() throws {
        var graph = Self.fixture()
        let recurring = PatternFinder.findings(graph).filter { $0.kind == .recurringError }
        #expect(recurring.count == 1)
        try #require(recurring.count > 0)
        #expect(recurring[0].impliedEdges == [GraphEdge(from: "error:pool-full", to: "dependency:pypi/urllib3@==1.26.5", kind: .affectedBy)])
        for edge in recurring[0].impliedEdges { graph.connect(edge) }
        #expect(graph.neighbours(of: "error:pool-full").contains("dependency:pypi/urllib3@==1.26.5"))
    }

    @Test func dissimilarProjectsAndUnsharedVersionsAreNotReported() {
        var graph = KnowledgeGraph()
        graph.apply(projects: [
            Project(name: "a", path: "/a", kinds: [.python], dependencies: [Self.pypi("x", "1"), Self.pypi("y", "1"), Self.pypi("z", "1")]),
            Project(name: "b", path: "/b", kinds: [.python], dependencies: [Self.pypi("x", "2"), Self.pypi("q", "1"), Self.pypi("r", "1")]),
        ])
        #expect(PatternFinder.findings(graph) == [])
    }
}
