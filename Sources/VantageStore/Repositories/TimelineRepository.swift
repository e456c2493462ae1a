import Foundation
import GRDB
import VantageCore

extension Store {
    public func append(timeline entry: TimelineEntry) async throws {
        try await write("save a timeline entry") { db in try TimelineRows.insert(db, entry) }
    }

    /// The newest `limit` timeline entries, oldest first (ready to show top to bottom); with
    /// `before`, only entries older than it (what happened before a console started).
    public func recentTimeline(limit: Int = 200, before: Date? = nil) async throws -> [TimelineEntry] {
        try await read("read the timeline") { db in try TimelineRows.recent(db, limit: limit, before: before) }
    }

    /// Timeline entries since `since`, oldest first (for export).
    public func timeline(since: Date) async throws -> [TimelineEntry] {
        try await read("read the timeline") { db in try TimelineRows.since(db, since) }
    }

    public func append(diagnostic: Diagnostic) async throws {
        try await write("save a diagnostic") { db in try TimelineRows.insert(db, diagnostic) }
    }

    /// The newest `limit` diagnostics, oldest first.
    public func recentDiagnostics(limit: Int = 200) async throws -> [Diagnostic] {
        try await read("read the diagnostics") { db in try TimelineRows.recentDiagnostics(db, limit: limit) }
    }
}

/// SQL for the timeline and diagnostics tables, usable inside any transaction.
enum TimelineRows {
    static func insert(_ db: Database, _ e: TimelineEntry) throws {
        try db.cachedStatement(sql: "INSERT INTO timeline (time, kind, project, text) VALUES (?, ?, ?, ?)")
            .execute(arguments: [e.time.timeIntervalSince1970, e.kind.rawValue, e.project?.rawValue, e.text])
    }

    static func insert(_ db: Database, _ d: Diagnostic) throws {
        try db.cachedStatement(sql: "INSERT INTO diagnostics (time, severity, source, project, message) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [d.time.timeIntervalSince1970, d.severity.rawValue, d.source, d.project?.rawValue, d.message])
    }

    static func recent(_ db: Database, limit: Int, before: Date? = nil) throws -> [TimelineEntry] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM timeline WHERE time < ? ORDER BY time DESC, id DESC LIMIT ?",
                                    arguments: [before?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude, limit])
        return rows.reversed().map(entry)
    }

    static func since(_ db: Database, _ since: Date) throws -> [TimelineEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM timeline WHERE time >= ? ORDER BY time, id", arguments: [since.timeIntervalSince1970]).map(entry)
    }

    static func entry(_ row: Row) -> TimelineEntry {
        let project: String? = row["project"]
        return TimelineEntry(time: Date(timeIntervalSince1970: row["time"]),
                             kind: TimelineEntry.Kind(rawValue: row["kind"]) ?? .error,
                             project: project.map(ProjectID.init), text: row["text"])
    }

    static func recentDiagnostics(_ db: Database, limit: Int) throws -> [Diagnostic] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM diagnostics ORDER BY time DESC, id DESC LIMIT ?", arguments: [limit])
        return rows.reversed().map { row in
            let project: String? = row["project"]
            return Diagnostic(time: Date(timeIntervalSince1970: row["time"]),
                              severity: Diagnostic.Severity(rawValue: row["severity"]) ?? .error,
                              source: row["source"], project: project.map(ProjectID.init), message: row["message"])
        }
    }
}
