import Testing
import VantageCore
@testable import VantageKnowledge

@Suite struct GraphErrorsTests {
    @Test func theSameErrorFromTwoProjectsIsOneNodeLinkedToTheirCommonDependency() throws {
        // Two real projects fail to reach the same kind of service; only numbers differ.
        let a = try RealFailure.python("import socket; socket.create_connection(('127.0.0.1', 1))")
        let b = try RealFailure.python("import socket; socket.create_connection(('127.0.0.1', 2))")
        let context = ProjectContext(name: "x")
        let lineA = try #require(TroubleshootingKB.match(a, project: context).first).evidence
        let lineB = try #require(TroubleshootingKB.match(b, project: context).first).evidence

        let redis = Dependency(ecosystem: "pypi", name: "redis", version: "==5.0.1")
        var graph = KnowledgeGraph()
        graph.apply(projects: [
            Project(name: "queue", path: "/ws/queue", kinds: [.python], dependencies: [redis]),
            Project(name: "cache", path: "/ws/cache", kinds: [.python], dependencies: [redis, Dependency(ecosystem: "pypi", name: "flask")]),
        ])
        let idA = graph.attachError(lineA, raisedBy: ProjectID("/ws/queue"))
        let idB = graph.attachError(lineB, raisedBy: ProjectID("/ws/cache"))
        #expect(idA == idB)
        #expect(idA == "error:ConnectionRefusedError: [Errno <*>] Connection refused")

        let recurring = PatternFinder.findings(graph).filter { $0.kind == .recurringError }
        #expect(recurring.map(\.text) == [
            "The error \"ConnectionRefusedError: [Errno <*>] Connection refused\" recurs in cache and queue, which both depend on redis",
        ])
        try #require(recurring.count > 0)
        #expect(recurring[0].impliedEdges == [GraphEdge(from: idA, to: "dependency:pypi/redis@==5.0.1", kind: .affectedBy)])
    }
}
