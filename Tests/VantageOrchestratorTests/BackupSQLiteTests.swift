import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// A database a real writer (python3's sqlite3) keeps writing while the backup runs comes back
/// whole: `PRAGMA integrity_check` is ok and every row committed before the backup started is
/// there. Databases are found by their header, not their name.
@Suite(.serialized, .enabled(if: ResticProcess().isInstalled && ChildProcess.which("python3") != nil, "needs restic and python3 (scripts/test installs both)"))
struct BackupSQLiteTests {
    /// Inserts one row per transaction (2 KB each) until killed; `journal` is SQLite's journal mode.
    static let writer = """
        import sqlite3, sys, os
        db = sqlite3.connect(sys.argv[1], timeout=60)
        db.execute("PRAGMA journal_mode=" + sys.argv[2])
        db.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload BLOB)")
        db.commit()
        while True:
            db.execute("INSERT INTO t (payload) VALUES (?)", (os.urandom(2048),))
            db.commit()
        """

    static func query(_ database: String, _ sql: String) throws -> String {
        let result = try ChildProcess.run(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=60).execute(sys.argv[2]).fetchone()[0])",
                                           database, sql], timeout: 120)
        // A plain error, not #require: the writer's first rows are polled for, and a query before it
        // created its table fails without being a failure of the test.
        guard result.succeeded else { throw VantageError(.io, "python3 sqlite3 query failed: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["delete", "wal"])
    func aDatabaseWrittenDuringTheBackupIsRestoredConsistent(journal: String) throws {
        let box = try BackupSandbox("sqlite-\(journal)")
        try box.write("app.py", "print('shop')\n")
        try box.write(".gitignore", "state/\n")   // databases are usually ignored by git; they are backed up all the same
        try FileManager.default.createDirectory(atPath: box.project + "/state", withIntermediateDirectories: true)
        let live = box.project + "/state/store"     // no .db, .sqlite: found by its header
        try Self.writer.write(toFile: box.root + "/writer.py", atomically: true, encoding: .utf8)
        let writer = try ChildProcess.spawn(["python3", box.root + "/writer.py", live, journal]) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        defer {
            kill(writer, SIGKILL)
            var status: Int32 = 0
            waitpid(writer, &status, 0)
        }
        var committed = 0
        for _ in 0..<1200 where committed < 300 {
            usleep(50_000)
            committed = Int((try? Self.query(live, "SELECT count(*) FROM t")) ?? "") ?? 0
        }
        try #require(committed >= 300, "the writer is writing")

        let backup = box.backup()
        try backup.repository.initialize()
        let before = Int(try Self.query(live, "SELECT max(id) FROM t")) ?? 0
        let outcome = try backup.run()
        #expect(outcome.databases == ["state/store"])
        #expect(Int(try Self.query(live, "SELECT max(id) FROM t")) ?? 0 > before, "the writer kept writing during the backup")

        let target = box.root + "/restored"
        let restore = ProjectRestore(backup)
        _ = try restore.restore(try restore.snapshot(nil), into: target, allowNonEmpty: false)
        let restored = target + "/state/store"
        #expect(try Self.query(restored, "PRAGMA integrity_check") == "ok")
        let rows = Int(try Self.query(restored, "SELECT count(*) FROM t")) ?? -1
        let last = Int(try Self.query(restored, "SELECT max(id) FROM t")) ?? -1
        #expect(last >= before, "every row committed before the backup started is there")
        #expect(rows == last, "no row is missing in between")
        for companion in ["-wal", "-shm", "-journal"] {
            #expect(!FileManager.default.fileExists(atPath: restored + companion), "the live \(companion) file is not restored beside the copy")
        }
        #expect(!FileManager.default.fileExists(atPath: backup.staging.folder), "the staging copy is removed after the backup")
    }

    @Test func onlyFilesWithTheHeaderAreDatabases() throws {
        let box = try BackupSandbox("sqlite-detect")
        try box.write("notes.db", "not a database, whatever its name says\n")
        try box.write("node_modules/cache.sqlite", "skipped folder\n")
        let db = box.project + "/data/real"
        try FileManager.default.createDirectory(atPath: box.project + "/data", withIntermediateDirectories: true)
        try #require(try ChildProcess.run(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table x(a)'); c.commit()", db], timeout: 60).succeeded)
        #expect(SQLiteStaging.find(under: [box.project], projectPath: box.project, excludes: []) == ["data/real"])
    }
}
