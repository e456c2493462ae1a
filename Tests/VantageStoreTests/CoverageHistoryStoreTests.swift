import Foundation
import Testing
@testable import VantageStore
import VantageCore

@Suite struct CoverageHistoryStoreTests {
    static func sample(_ project: String, written seconds: Double, hit: Int, of found: Int, branches: (Int, Int)? = nil,
                       report: String = "/w/api/coverage/lcov.info") -> CoverageSample {
        CoverageSample(project: ProjectID(project), time: Date(timeIntervalSince1970: seconds),
                       recorded: Date(timeIntervalSince1970: seconds + 5), report: report, format: "lcov",
                       linesFound: found, linesHit: hit, branchesFound: branches?.1, branchesHit: branches?.0)
    }

    @Test func reportsComeBackOldestFirstPerProjectWithTheirBranchFigures() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        #expect(try await store.record(coverage: Self.sample("/w/api", written: 300, hit: 90, of: 100, branches: (3, 4))))
        #expect(try await store.record(coverage: Self.sample("/w/api", written: 100, hit: 50, of: 100)))
        #expect(try await store.record(coverage: Self.sample("/w/worker", written: 200, hit: 1, of: 4, report: "/w/worker/lcov.info")))
        #expect(try await store.record(coverage: Self.sample("/w/api", written: 200, hit: 70, of: 100)))

        let api = try await store.coverageHistory(of: ProjectID("/w/api"))
        #expect(api.map(\.linePercent) == [50, 70, 90])
        #expect(api.map(\.branchPercent) == [nil, nil, 75])
        #expect(api.last == Self.sample("/w/api", written: 300, hit: 90, of: 100, branches: (3, 4)))
        #expect(try await store.coverageHistory(of: ProjectID("/w/worker")).map(\.linePercent) == [25])
        #expect(try await store.coverageHistory(of: ProjectID("/w/api"), limit: 2).map(\.linePercent) == [70, 90])
    }

    @Test func theSameReportReadAgainIsKeptOnce() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        #expect(try await store.record(coverage: Self.sample("/w/api", written: 100, hit: 50, of: 100)))
        var again = Self.sample("/w/api", written: 100, hit: 50, of: 100)
        again.recorded = Date(timeIntervalSince1970: 9_999)
        #expect(try await store.record(coverage: again) == false)
        #expect(try await store.coverageHistory(of: ProjectID("/w/api")).count == 1)
    }

    @Test func theHistorySurvivesReopeningTheDatabase() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        do {
            let store = try Store.open(path: tmp.path)
            try await store.record(coverage: Self.sample("/w/api", written: 100, hit: 50, of: 100))
        }
        let reopened = try Store.open(path: tmp.path)
        #expect(try await reopened.coverageHistory(of: ProjectID("/w/api")).map(\.linesHit) == [50])
    }

    @Test func onlyTheNewestReportsPerProjectAreKept() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let n = CoverageRows.keptPerProject + 3
        try await store.pool.write { db in
            for k in 0..<n { _ = try CoverageRows.insert(db, Self.sample("/w/api", written: Double(k), hit: k % 100, of: 100)) }
        }
        let kept = try await store.coverageHistory(of: ProjectID("/w/api"), limit: 10_000)
        #expect(kept.count == CoverageRows.keptPerProject)
        #expect(kept.first?.time == Date(timeIntervalSince1970: 3))
    }
}
