import Foundation
import GRDB
import VantageCore

extension Store {
    public func save(insight: ProjectInsight) async throws {
        try await write("save an analyzer insight") { db in try InsightRows.insert(db, insight) }
    }

    /// The newest insight of each project, by project.
    public func latestInsights() async throws -> [ProjectID: ProjectInsight] {
        try await read("read the analyzer insights") { db in try InsightRows.latest(db) }
    }

    /// A project's insights, oldest first (at most `limit`, the newest ones).
    public func insightHistory(of project: ProjectID, limit: Int = 100) async throws -> [ProjectInsight] {
        try await read("read a project's insight history") { db in try InsightRows.history(db, project: project, limit: limit) }
    }
}

/// SQL for the insights table: one row per analysis, the newest `keptPerProject` per project.
enum InsightRows {
    static let keptPerProject = 200

    static func insert(_ db: Database, _ i: ProjectInsight) throws {
        let json = String(decoding: try JSONEncoder().encode(i), as: UTF8.self)
        // An insight already stored (the same analysis shown again after a restart) is not added twice.
        try db.cachedStatement(sql: """
            INSERT INTO insights (project, time, rating, debt_minutes, json) SELECT ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM insights WHERE project = ? AND time = ?)
            """)
            .execute(arguments: [i.project.rawValue, i.time.timeIntervalSince1970, i.debt.rating, i.debt.minutes, json,
                                 i.project.rawValue, i.time.timeIntervalSince1970])
        try db.cachedStatement(sql: """
            DELETE FROM insights WHERE project = ? AND id NOT IN
                (SELECT id FROM insights WHERE project = ? ORDER BY time DESC, id DESC LIMIT ?)
            """).execute(arguments: [i.project.rawValue, i.project.rawValue, keptPerProject])
    }

    static func latest(_ db: Database) throws -> [ProjectID: ProjectInsight] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT json FROM insights i WHERE id = (SELECT id FROM insights WHERE project = i.project ORDER BY time DESC, id DESC LIMIT 1)
            """)
        var out: [ProjectID: ProjectInsight] = [:]
        for row in rows {
            // A row written by another version that no longer decodes is skipped, not fatal.
            guard let i = decode(row["json"]) else { continue }
            out[i.project] = i
        }
        return out
    }

    static func history(_ db: Database, project: ProjectID, limit: Int) throws -> [ProjectInsight] {
        let rows = try Row.fetchAll(db, sql: "SELECT json FROM insights WHERE project = ? ORDER BY time DESC, id DESC LIMIT ?",
                                    arguments: [project.rawValue, limit])
        return rows.reversed().compactMap { decode($0["json"]) }
    }

    static func decode(_ json: String) -> ProjectInsight? {
        try? JSONDecoder().decode(ProjectInsight.self, from: Data(json.utf8))
    }
}
