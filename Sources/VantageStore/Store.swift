import Foundation
import GRDB
import VantageCore

/// Vantage's SQLite database (WAL, versioned migrations): projects, scans, the timeline,
/// diagnostics and metric history. Every method is async and safe to call from any task; writes
/// are serialized by SQLite's single writer, reads run concurrently.
public final class Store: Sendable {
    /// Absolute path of the database file.
    public let path: String
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens (creating it and its folder, 0700, when missing) and migrates the database at `path`.
    /// A corrupt, unreadable or unwritable file becomes a `VantageError` that names it and says
    /// what to do.
    public static func open(path: String) throws -> Store {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw VantageError(.io, "cannot create the database: \(folder) is a file, not a folder",
                                       at: SourceLocation(file: path),
                                       hint: "set VANTAGE_HOME to a folder Vantage may write to")
                }
            } else {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                            attributes: [.posixPermissions: 0o700])
                } catch {
                    throw VantageError(.io, "cannot create the folder \(folder) for the database",
                                       at: SourceLocation(file: path),
                                       hint: "check its parent's permissions, or set VANTAGE_HOME to a writable folder")
                }
            }
        }
        // Owner only: SQLite gives the -wal and -shm files the database file's mode.
        let created = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if created >= 0 { close(created) }
        for file in [path, path + "-wal", path + "-shm"] { VantagePaths.makePrivate(file) }
        var config = Configuration()
        config.busyMode = .timeout(5)          // another vantage (status, a second TUI) may be writing
        config.label = "vantage"
        config.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a commit survives a crash of Vantage; only a power cut can
            // lose the last second of samples. It saves an fsync on every tick's write.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            try StoreMigrations.migrator.migrate(pool)
            return Store(path: path, pool: pool)
        } catch {
            throw StoreError.describe(error, path: path, doing: "open")
        }
    }

    /// Gives back SQLite's page caches: the writer's is emptied and idle reader connections close
    /// (a read opens one again). The dashboard calls it once start-up is over; blocks until running
    /// reads finish.
    public func releaseMemory() { pool.releaseMemory() }

    /// Opens the database at `paths.database` (`$VANTAGE_HOME/vantage.sqlite`).
    public static func open(paths: VantagePaths = .fromEnvironment()) throws -> Store {
        try open(path: paths.database)
    }

    /// The journal mode SQLite reports (`wal` once opened).
    public func journalMode() async throws -> String {
        try await read("read the journal mode") { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// The names of the migrations applied so far, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await read("read the applied migrations") { db in
            try StoreMigrations.migrator.appliedMigrations(db)
        }
    }

    // MARK: access with errors a person can act on

    func write<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch { throw StoreError.describe(error, path: path, doing: doing) }
    }

    func read<T: Sendable>(_ doing: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw StoreError.describe(error, path: path, doing: doing) }
    }
}
