import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

@Suite("Workspace conflicts")
struct DependencyConflictTests {
    @Test func realConflictPrintsTheChain() throws {
        let inv = DepsFixtures.inventory("conflicts")
        let results = ConflictResolver.analyse(inv)
        let requests = try #require(results.first { $0.name == "requests" })
        #expect(requests.isConflict)
        #expect(requests.best == nil)
        let text = ConflictResolver.explain(requests)
        #expect(text.hasPrefix("ResolutionImpossible: no known version of requests (PyPI)"))
        // The transitive requirement is explained through its path: worker → legacy-client 1.4.0 → requests.
        #expect(requests.chains.contains { $0.contains("legacy-client 1.4.0") && $0.last == "requests>=2.0,<2.20" && $0.first == "worker" })
        #expect(text.contains("api/requirements.txt:1"))
        #expect(text.contains("legacy-client 1.4.0 requires requests>=2.0,<2.20"))
    }

    @Test func bestVersionWhenOneExists() throws {
        let inv = DepsFixtures.inventory("resolvable")
        let django = try #require(ConflictResolver.analyse(inv).first { $0.name.lowercased() == "django" })
        #expect(!django.isConflict)
        #expect(django.best == "4.1.7")          // 4.2.1 is locked elsewhere but excluded by <4.2
    }

    @Test func extraKnownVersionsAreUsed() throws {
        let inv = DepsFixtures.inventory("resolvable")
        let django = try #require(ConflictResolver.analyse(inv) { _, _ in ["4.1.9", "4.1.10", "4.2.0"] }.first { $0.name.lowercased() == "django" })
        #expect(django.best == "4.1.10")          // version order, not string order
    }
}
