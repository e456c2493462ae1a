import Foundation
import GRDB
import VantageCore

extension Store {
    /// Stores a decision and returns it with its row id.
    @discardableResult
    public func append(decision: DecisionRecord) async throws -> DecisionRecord {
        try await write("save a decision") { db in try MemoryRows.insert(db, decision) }
    }

    /// Decisions oldest first, optionally of one project, at most the newest `limit`.
    public func decisions(project: ProjectID? = nil, limit: Int = 500) async throws -> [DecisionRecord] {
        try await read("read the decisions") { db in try MemoryRows.decisions(db, project: project, limit: limit) }
    }

    /// Counts one outcome of applying `fix` to `signature` and appends the confidence that
    /// `confidence(successes, failures)` gives for the new counts, in one transaction.
    @discardableResult
    public func recordFixOutcome(signature: String, fix: String, succeeded: Bool, time: Date,
                                 confidence: @escaping @Sendable (Int, Int) -> Double) async throws -> LearnedFixRecord {
        try await write("save a fix outcome") { db in
            try MemoryRows.recordOutcome(db, signature: signature, fix: fix, succeeded: succeeded, time: time, confidence: confidence)
        }
    }

    /// Every learned fix with its history, by signature then fix.
    public func learnedFixes() async throws -> [LearnedFixRecord] {
        try await read("read the learned fixes") { db in try MemoryRows.learnedFixes(db) }
    }
}

enum MemoryRows {
    static func insert(_ db: Database, _ d: DecisionRecord) throws -> DecisionRecord {
        let inputs = String(decoding: try JSONEncoder().encode(d.inputs), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO decisions (time, actor, what, why, inputs, outcome, project) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [d.time.timeIntervalSince1970, d.actor.rawValue, d.what, d.why, inputs, d.outcome, d.project?.rawValue])
        var stored = d
        stored.id = db.lastInsertedRowID
        return stored
    }

    static func decisions(_ db: Database, project: ProjectID?, limit: Int) throws -> [DecisionRecord] {
        let rows: [Row]
        if let project {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM decisions WHERE project = ? ORDER BY time DESC, id DESC LIMIT ?",
                                    arguments: [project.rawValue, limit])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM decisions ORDER BY time DESC, id DESC LIMIT ?", arguments: [limit])
        }
        return rows.reversed().map { row in
            let inputsText: String = row["inputs"]
            let inputs = (try? JSONDecoder().decode([String].self, from: Data(inputsText.utf8))) ?? []
            let project: String? = row["project"]
            return DecisionRecord(id: row["id"], time: Date(timeIntervalSince1970: row["time"]),
                                  actor: DecisionRecord.Actor(rawValue: row["actor"]) ?? .orchestrator,
                                  what: row["what"], why: row["why"], inputs: inputs, outcome: row["outcome"],
                                  project: project.map(ProjectID.init))
        }
    }

    static func recordOutcome(_ db: Database, signature: String, fix: String, succeeded: Bool, time: Date,
                              confidence: (Int, Int) -> Double) throws -> LearnedFixRecord {
        let row = try Row.fetchOne(db, sql: "SELECT successes, failures FROM learned_fixes WHERE signature = ? AND fix = ?",
                                   arguments: [signature, fix])
        var successes: Int = row?["successes"] ?? 0
        var failures: Int = row?["failures"] ?? 0
        if succeeded { successes += 1 } else { failures += 1 }
        // An upsert, not INSERT OR REPLACE: a replace deletes the row and cascades to its history.
        try db.execute(sql: """
            INSERT INTO learned_fixes (signature, fix, successes, failures) VALUES (?, ?, ?, ?)
            ON CONFLICT (signature, fix) DO UPDATE SET successes = excluded.successes, failures = excluded.failures
            """,
                       arguments: [signature, fix, successes, failures])
        try db.execute(sql: "INSERT INTO learned_fix_history (signature, fix, time, confidence) VALUES (?, ?, ?, ?)",
                       arguments: [signature, fix, time.timeIntervalSince1970, confidence(successes, failures)])
        return try learnedFix(db, signature: signature, fix: fix)!
    }

    static func learnedFix(_ db: Database, signature: String, fix: String) throws -> LearnedFixRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM learned_fixes WHERE signature = ? AND fix = ?",
                                         arguments: [signature, fix]) else { return nil }
        return try record(db, row)
    }

    static func learnedFixes(_ db: Database) throws -> [LearnedFixRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM learned_fixes ORDER BY signature, fix").map { try record(db, $0) }
    }

    private static func record(_ db: Database, _ row: Row) throws -> LearnedFixRecord {
        let signature: String = row["signature"]
        let fix: String = row["fix"]
        let history = try Row.fetchAll(db, sql: """
            SELECT time, confidence FROM learned_fix_history WHERE signature = ? AND fix = ? ORDER BY time, rowid
            """, arguments: [signature, fix]).map {
            LearnedFixRecord.ConfidencePoint(time: Date(timeIntervalSince1970: $0["time"]), confidence: $0["confidence"])
        }
        return LearnedFixRecord(signature: signature, fix: fix, successes: row["successes"], failures: row["failures"], history: history)
    }
}
