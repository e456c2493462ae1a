import Foundation
import GRDB
import VantageCore

/// A consistent copy of a SQLite database that another process may be writing: SQLite's online
/// backup API (`sqlite3_backup_*`, through GRDB's `backup(to:)`) copies the pages of one read
/// transaction, so the copy holds every transaction committed before it began and none half
/// written, whatever the journal mode. The source is opened read-only; a writer holding its lock
/// is waited for (up to `busyTimeout` seconds).
public enum SQLiteOnlineBackup {
    /// The 16 bytes every SQLite 3 database file starts with.
    public static let header = Array("SQLite format 3\u{0}".utf8)

    /// Whether the file at `path` starts with SQLite's header (its name does not matter).
    public static func isDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: header.count) else { return false }
        return Array(data) == header
    }

    /// Copies `source` into a new database at `destination` (replaced if it exists).
    public static func copy(_ source: String, to destination: String, busyTimeout: Double = 30) throws(VantageError) {
        try? FileManager.default.removeItem(atPath: destination)
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(busyTimeout)
            let from = try DatabaseQueue(path: source, configuration: readOnly)
            let to = try DatabaseQueue(path: destination)
            try from.backup(to: to)
            try from.close()
            try to.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            let why: String
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: why = "a writer held it locked for more than \(Int(busyTimeout)) s"
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: why = "it is damaged (\(error.message ?? "not a database"))"
            case .SQLITE_FULL: why = "the disk of the copy is full"
            default: why = error.message ?? "\(error.resultCode)"
            }
            throw VantageError(.io, "cannot copy the SQLite database consistently: \(why)", at: SourceLocation(file: source))
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw VantageError(.io, "cannot copy the SQLite database: \(error)", at: SourceLocation(file: source))
        }
    }
}
