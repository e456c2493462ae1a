import Foundation
import GRDB
import VantageCore

/// One advisory ready to store: the analyzer parses OSV JSON and normalises names; the store only keeps them.
public struct AdvisoryRecord: Sendable {
    public var id: String
    public var modified: String
    public var withdrawn: String?
    public var summary: String?
    public var aliases: [String]
    /// The whole OSV object, as JSON text (returned unchanged in reports).
    public var json: String
    public var affected: [AffectedRecord]

    public init(id: String, modified: String, withdrawn: String?, summary: String?, aliases: [String], json: String, affected: [AffectedRecord]) {
        self.id = id; self.modified = modified; self.withdrawn = withdrawn; self.summary = summary
        self.aliases = aliases; self.json = json; self.affected = affected
    }
}

/// One `affected[]` entry: which package, and its ranges/versions as compact JSON.
public struct AffectedRecord: Sendable {
    public var ecosystem: String
    public var name: String
    public var normalisedName: String
    /// `{"ranges": [...], "versions": [...]}` of this entry.
    public var json: String

    public init(ecosystem: String, name: String, normalisedName: String, json: String) {
        self.ecosystem = ecosystem; self.name = name; self.normalisedName = normalisedName; self.json = json
    }
}

/// An `affected[]` entry found for a package, with its advisory's withdrawal state.
public struct StoredAffected: Sendable {
    public var advisoryID: String
    public var withdrawn: String?
    public var json: String
}

/// The offline OSV advisory database: its own SQLite file (`advisories.sqlite`), separate from
/// Vantage's main store so its schema never touches the main migrations.
public final class AdvisoryDatabase: Sendable {
    public let path: String
    private let queue: DatabaseQueue

    /// `VANTAGE_HOME/advisories.sqlite`.
    public static func defaultPath(_ paths: VantagePaths = .fromEnvironment()) -> String { paths.home + "/advisories.sqlite" }

    public init(path: String) throws(VantageError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var config = Configuration()
            config.journalMode = .wal
            queue = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(queue)
        } catch {
            throw VantageError(.io, "cannot open the advisory database: \(error)", at: SourceLocation(file: path),
                               hint: "delete the file and run `vantage deps db import DIR` again")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("advisories-v1") { db in
            try db.execute(sql: """
                CREATE TABLE advisory (
                    id TEXT PRIMARY KEY NOT NULL,
                    modified TEXT NOT NULL,
                    withdrawn TEXT,
                    summary TEXT,
                    aliases TEXT NOT NULL,
                    json TEXT NOT NULL
                );
                CREATE TABLE affected (
                    advisory_id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
                    ecosystem TEXT NOT NULL,
                    name TEXT NOT NULL,
                    normalised_name TEXT NOT NULL,
                    json TEXT NOT NULL
                );
                CREATE INDEX affected_by_package ON affected(ecosystem, normalised_name);
                CREATE INDEX affected_by_advisory ON affected(advisory_id);
                CREATE TABLE import_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }
        return m
    }

    /// Replaces the whole content with `records` in one transaction, with prepared statements.
    public func replaceAll(with records: [AdvisoryRecord], source: String, meta extra: [String: String] = [:]) throws(VantageError) {
        do {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM affected; DELETE FROM advisory; DELETE FROM import_meta;")
                let insertAdvisory = try db.makeStatement(sql: "INSERT OR REPLACE INTO advisory (id, modified, withdrawn, summary, aliases, json) VALUES (?, ?, ?, ?, ?, ?)")
                let insertAffected = try db.makeStatement(sql: "INSERT INTO affected (advisory_id, ecosystem, name, normalised_name, json) VALUES (?, ?, ?, ?, ?)")
                for r in records {
                    try insertAdvisory.execute(arguments: [r.id, r.modified, r.withdrawn, r.summary, r.aliases.joined(separator: "\n"), r.json])
                    for a in r.affected {
                        try insertAffected.execute(arguments: [r.id, a.ecosystem, a.name, a.normalisedName, a.json])
                    }
                }
                let meta = try db.makeStatement(sql: "INSERT INTO import_meta (key, value) VALUES (?, ?)")
                try meta.execute(arguments: ["source", source])
                // Wall time on purpose: when this file was written, like its mtime; a note for a person
                // reading the cache (nothing reads it back), written by a CLI or scheduled import.
                try meta.execute(arguments: ["imported_at", UTCTime.iso8601(Date())])
                try meta.execute(arguments: ["count", String(records.count)])
                for (k, v) in extra { try meta.execute(arguments: [k, v]) }
            }
        } catch {
            throw VantageError(.io, "cannot write the advisory database: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Every `affected[]` entry for a package (withdrawn ones included; the caller skips them).
    public func affected(ecosystem: String, normalisedName: String) throws(VantageError) -> [StoredAffected] {
        do {
            return try queue.read { db in
                let statement = try db.cachedStatement(sql: """
                    SELECT f.advisory_id, a.withdrawn, f.json FROM affected f JOIN advisory a ON a.id = f.advisory_id
                    WHERE f.ecosystem = ? AND f.normalised_name = ?
                    """)
                return try Row.fetchAll(statement, arguments: [ecosystem, normalisedName]).map {
                    StoredAffected(advisoryID: $0[0], withdrawn: $0[1], json: $0[2])
                }
            }
        } catch { throw VantageError(.io, "cannot read the advisory database: \(error)", at: SourceLocation(file: path)) }
    }

    /// Looks up many packages in one read transaction: key `ecosystem\u{0}normalisedName`.
    public func affected(packages: [(ecosystem: String, normalisedName: String)]) throws(VantageError) -> [String: [StoredAffected]] {
        do {
            return try queue.read { db in
                let statement = try db.cachedStatement(sql: """
                    SELECT f.advisory_id, a.withdrawn, f.json FROM affected f JOIN advisory a ON a.id = f.advisory_id
                    WHERE f.ecosystem = ? AND f.normalised_name = ?
                    """)
                var out: [String: [StoredAffected]] = [:]
                for p in packages {
                    let key = p.ecosystem + "\u{0}" + p.normalisedName
                    if out[key] != nil { continue }
                    out[key] = try Row.fetchAll(statement, arguments: [p.ecosystem, p.normalisedName]).map {
                        StoredAffected(advisoryID: $0[0], withdrawn: $0[1], json: $0[2])
                    }
                }
                return out
            }
        } catch { throw VantageError(.io, "cannot read the advisory database: \(error)", at: SourceLocation(file: path)) }
    }

    /// The full OSV JSON of advisories, by id.
    public func advisoryJSON(ids: [String]) throws(VantageError) -> [String: String] {
        do {
            return try queue.read { db in
                let statement = try db.cachedStatement(sql: "SELECT json FROM advisory WHERE id = ?")
                var out: [String: String] = [:]
                for id in Set(ids) { if let j = try String.fetchOne(statement, arguments: [id]) { out[id] = j } }
                return out
            }
        } catch { throw VantageError(.io, "cannot read the advisory database: \(error)", at: SourceLocation(file: path)) }
    }

    /// Ecosystems with at least one advisory.
    public func ecosystems() throws(VantageError) -> Set<String> {
        do { return try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT ecosystem FROM affected")) } }
        catch { throw VantageError(.io, "cannot read the advisory database: \(error)", at: SourceLocation(file: path)) }
    }

    /// How many advisories are stored.
    public func advisoryCount() throws(VantageError) -> Int {
        do { return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advisory") ?? 0 } }
        catch { throw VantageError(.io, "cannot read the advisory database: \(error)", at: SourceLocation(file: path)) }
    }

    public func meta(_ key: String) -> String? {
        try? queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM import_meta WHERE key = ?", arguments: [key]) }
    }
}

extension AdvisoryDatabase {
    /// Every version string named in `affected[].versions` of a package: known versions for conflicts.
    public func listedVersions(ecosystem: String, normalisedName: String) throws(VantageError) -> [String] {
        var out = Set<String>()
        for a in try affected(ecosystem: ecosystem, normalisedName: normalisedName) {
            guard let o = try? JSONSerialization.jsonObject(with: Data(a.json.utf8)) as? [String: Any] else { continue }
            for v in (o["versions"] as? [Any]) ?? [] { if let s = v as? String { out.insert(s) } }
            for r in (o["ranges"] as? [[String: Any]]) ?? [] {
                for e in (r["events"] as? [[String: Any]]) ?? [] { for (_, v) in e { if let s = v as? String, s != "0" { out.insert(s) } } }
            }
        }
        return out.sorted()
    }
}
