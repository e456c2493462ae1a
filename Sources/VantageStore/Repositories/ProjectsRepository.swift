import Foundation
import GRDB
import VantageCore

extension Store {
    /// Records a finished scan and upserts every project it found (their `lastSeen` becomes `time`),
    /// in one transaction. Projects not found this time are kept, with their older `lastSeen`.
    @discardableResult
    public func saveScan(roots: [String], projects: [Project], duration: Duration?, at time: Date) async throws -> ScanRecord {
        try await write("save a scan") { db in
            try ProjectRows.saveScan(db, roots: roots, projects: projects, duration: duration, time: time)
        }
    }

    /// Every project ever found, by path.
    public func projects() async throws -> [Project] {
        try await storedProjects().map(\.project)
    }

    /// Every project ever found, by path, with when a scan last found it.
    public func storedProjects() async throws -> [StoredProject] {
        try await read("read the projects") { db in try ProjectRows.all(db) }
    }

    /// The most recent scans, newest first.
    public func recentScans(limit: Int = 20) async throws -> [ScanRecord] {
        try await read("read the scans") { db in try ProjectRows.scans(db, limit: limit) }
    }
}

/// SQL for the projects and scans tables, usable inside any transaction.
enum ProjectRows {
    static func saveScan(_ db: Database, roots: [String], projects: [Project], duration: Duration?, time: Date) throws -> ScanRecord {
        let t = time.timeIntervalSince1970
        try db.execute(sql: "INSERT INTO scans (time, roots, projectCount, duration) VALUES (?, ?, ?, ?)",
                       arguments: [t, JSONColumn.encode(roots), projects.count, duration?.seconds])
        let id = db.lastInsertedRowID
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO projects (path, name, kinds, command, ports, dependencies, lastSeen)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET name = excluded.name, kinds = excluded.kinds, command = excluded.command,
                ports = excluded.ports, dependencies = excluded.dependencies, lastSeen = excluded.lastSeen
            """)
        for p in projects {
            try upsert.execute(arguments: [p.path, p.name, JSONColumn.encode(p.kinds.map(\.rawValue)), p.command,
                                           JSONColumn.encode(p.ports), JSONColumn.encode(p.dependencies), t])
        }
        return ScanRecord(id: id, time: Date(timeIntervalSince1970: t), roots: roots, projectCount: projects.count,
                          duration: duration)
    }

    static func all(_ db: Database) throws -> [StoredProject] {
        try Row.fetchAll(db, sql: "SELECT * FROM projects ORDER BY path").map { row in
            let kinds = JSONColumn.decode([String].self, row["kinds"]) ?? []
            let project = Project(name: row["name"], path: row["path"],
                                  kinds: kinds.compactMap(ProjectKind.init(rawValue:)),
                                  command: row["command"],
                                  ports: JSONColumn.decode([Int].self, row["ports"]) ?? [],
                                  dependencies: JSONColumn.decode([Dependency].self, row["dependencies"]) ?? [])
            return StoredProject(project: project, lastSeen: Date(timeIntervalSince1970: row["lastSeen"]))
        }
    }

    static func scans(_ db: Database, limit: Int) throws -> [ScanRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM scans ORDER BY time DESC, id DESC LIMIT ?", arguments: [limit]).map { row in
            let seconds: Double? = row["duration"]
            return ScanRecord(id: row["id"], time: Date(timeIntervalSince1970: row["time"]),
                              roots: JSONColumn.decode([String].self, row["roots"]) ?? [],
                              projectCount: row["projectCount"],
                              duration: seconds.map { .milliseconds(Int64(($0 * 1000).rounded())) })
        }
    }
}

/// Small JSON values stored in TEXT columns.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
