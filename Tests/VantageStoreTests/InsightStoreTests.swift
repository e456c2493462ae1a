import Foundation
import Testing
@testable import VantageStore
import VantageCore

@Suite struct InsightStoreTests {
    static func insight(_ path: String, at seconds: Double, rating: String, minutes: Int) -> ProjectInsight {
        ProjectInsight(project: ProjectID(path), time: Date(timeIntervalSince1970: seconds),
                       quality: .init(files: 1, functions: 2, averageCCN: 3.5, maxCCN: 6,
                                      worstFunctions: [.init(name: "classify", file: "main.py", line: 1, ccn: 6)], smells: 0),
                       debt: .init(minutes: minutes, ratio: 0.04, rating: rating, linesOfCode: 100, hotspots: ["main.py (6)"], trend: [1, 2]),
                       documentation: 0.5, coveragePercent: nil,
                       dependencies: .init(count: 1, checked: false, note: "not checked"), status: "analysed 1 file in 0.1 s")
    }

    @Test func insightEventsAreStoredAndTheNewestPerProjectComesBack() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let old = Self.insight("/w/api", at: 100, rating: "C", minutes: 300)
        let new = Self.insight("/w/api", at: 200, rating: "B", minutes: 150)
        let other = Self.insight("/w/worker", at: 150, rating: "A", minutes: 10)
        try await store.persist([.insight(old), .insight(other), .insight(new)], at: Date(timeIntervalSince1970: 300))
        // The same analysis shown again (after a restart) is not stored twice.
        var again = new
        again.status = "from the last run"
        try await store.persist([.insight(again)], at: Date(timeIntervalSince1970: 400))

        let latest = try await store.latestInsights()
        #expect(latest == [ProjectID("/w/api"): new, ProjectID("/w/worker"): other])
        #expect(try await store.insightHistory(of: ProjectID("/w/api")).map(\.debt.minutes) == [300, 150])
    }

    @Test func onlyTheNewestInsightsOfAProjectAreKept() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let count = InsightRows.keptPerProject + 5
        try await store.persist((0..<count).map { .insight(Self.insight("/w/api", at: Double($0), rating: "A", minutes: $0)) }, at: Date(timeIntervalSince1970: 1_000))
        let history = try await store.insightHistory(of: ProjectID("/w/api"), limit: 1_000)
        #expect(history.count == InsightRows.keptPerProject)
        #expect(history.first?.debt.minutes == 5 && history.last?.debt.minutes == count - 1)
    }

    @Test func aRowThatNoLongerDecodesIsSkipped() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        try await store.save(insight: Self.insight("/w/api", at: 1, rating: "A", minutes: 1))
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO insights (project, time, rating, debt_minutes, json) VALUES ('/w/web', 5, 'A', 1, '{not json')")
        }
        #expect(try await store.latestInsights().keys.sorted() == [ProjectID("/w/api")])
    }
}
