import Foundation
import GRDB
import VantageCore

/// One coverage report's totals for a project, as kept in the coverage history.
public struct CoverageSample: Codable, Sendable, Equatable {
    public var project: ProjectID
    /// When the report was written (its modification time): the point in time the figures describe.
    public var time: Date
    /// When Vantage read the report.
    public var recorded: Date
    /// The report's path.
    public var report: String
    /// "lcov", "cobertura", "coverage.py" or "llvm-cov".
    public var format: String
    public var linesFound: Int
    public var linesHit: Int
    /// Nil when the report has no branch data.
    public var branchesFound: Int?
    public var branchesHit: Int?

    public init(project: ProjectID, time: Date, recorded: Date, report: String, format: String, linesFound: Int, linesHit: Int,
                branchesFound: Int? = nil, branchesHit: Int? = nil) {
        self.project = project
        self.time = time
        self.recorded = recorded
        self.report = report
        self.format = format
        self.linesFound = linesFound
        self.linesHit = linesHit
        self.branchesFound = branchesFound
        self.branchesHit = branchesHit
    }

    /// Line coverage 0…100, nil when the report instruments no line.
    public var linePercent: Double? { linesFound > 0 ? Double(linesHit) * 100 / Double(linesFound) : nil }
    /// Branch coverage 0…100, nil without branch data.
    public var branchPercent: Double? {
        guard let found = branchesFound, let hit = branchesHit, found > 0 else { return nil }
        return Double(hit) * 100 / Double(found)
    }
}

extension Store {
    /// Adds a report's totals to its project's history. The same report (path and modification
    /// time) read again is not added twice; returns whether a row was added.
    @discardableResult
    public func record(coverage sample: CoverageSample) async throws -> Bool {
        try await write("record a coverage report") { db in try CoverageRows.insert(db, sample) }
    }

    /// A project's coverage history, oldest first (the newest `limit` reports).
    public func coverageHistory(of project: ProjectID, limit: Int = 100) async throws -> [CoverageSample] {
        try await read("read a project's coverage history") { db in try CoverageRows.history(db, project: project, limit: limit) }
    }
}

/// SQL for the coverage_history table: the newest `keptPerProject` reports per project.
enum CoverageRows {
    static let keptPerProject = 500

    static func insert(_ db: Database, _ s: CoverageSample) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO coverage_history
                (project, time, recorded, report, format, lines_found, lines_hit, branches_found, branches_hit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [s.project.rawValue, s.time.timeIntervalSince1970, s.recorded.timeIntervalSince1970,
                                     s.report, s.format, s.linesFound, s.linesHit, s.branchesFound, s.branchesHit])
        let added = db.changesCount > 0
        if added {
            try db.cachedStatement(sql: """
                DELETE FROM coverage_history WHERE project = ? AND id NOT IN
                    (SELECT id FROM coverage_history WHERE project = ? ORDER BY time DESC, id DESC LIMIT ?)
                """).execute(arguments: [s.project.rawValue, s.project.rawValue, keptPerProject])
        }
        return added
    }

    static func history(_ db: Database, project: ProjectID, limit: Int) throws -> [CoverageSample] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM coverage_history WHERE project = ? ORDER BY time DESC, id DESC LIMIT ?
            """, arguments: [project.rawValue, limit])
        return rows.reversed().map { row in
            CoverageSample(project: project, time: Date(timeIntervalSince1970: row["time"]),
                           recorded: Date(timeIntervalSince1970: row["recorded"]), report: row["report"], format: row["format"],
                           linesFound: row["lines_found"], linesHit: row["lines_hit"],
                           branchesFound: row["branches_found"], branchesHit: row["branches_hit"])
        }
    }
}
