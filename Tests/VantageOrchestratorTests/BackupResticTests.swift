import Foundation
import Synchronization
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// A project folder, a `$VANTAGE_HOME` and a restic repository beside them, all removed at the end.
final class BackupSandbox: @unchecked Sendable {
    let root: String
    let project: String
    let repository: String
    let paths: VantagePaths
    let password = "correct horse \(UUID().uuidString.prefix(8)) battery"

    init(_ label: String) throws {
        root = NSTemporaryDirectory() + "vantage-backup-\(label)-\(UUID().uuidString.prefix(8))"
        project = root + "/shop"
        repository = root + "/repository"
        paths = VantagePaths(home: root + "/home", config: root + "/config")
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ name: String, _ contents: String) throws {
        let file = project + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// `git` in the project folder, for .gitignore and the commit tag.
    func git(_ arguments: String...) throws {
        let result = try ChildProcess.run(["git", "-C", project, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments)
        try #require(result.succeeded, "git \(arguments): \(result.output)")
    }

    func backup(_ settings: BackupSettings? = nil, password: String? = nil) -> ProjectBackup {
        ProjectBackup(project: "shop", projectPath: project, settings: settings ?? BackupSettings(repository: repository),
                      environment: "staging", password: password ?? self.password, paths: paths)
    }

    /// The files of a snapshot, as `restic ls --json` lists them (paths relative to the project).
    func files(of backup: ProjectBackup, snapshot: String) throws -> Set<String> {
        let output = try backup.repository.run(["ls", "--json", snapshot], command: "ls", timeout: 120)
        var names = Set<String>()
        for line in output.stdout.split(separator: "\n") where line.hasPrefix("{") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["struct_type"] as? String == "node", let path = object["path"] as? String else { continue }
            if path.hasPrefix(project + "/") { names.insert(String(path.dropFirst(project.count + 1))) }
        }
        return names
    }
}

@Suite(.serialized, .enabled(if: ResticProcess().isInstalled, "needs restic (scripts/test installs it)"))
struct BackupResticTests {
    @Test func aBackupIsTaggedHonoursGitignoreAndTheDefaultExcludesAndIsListedWithItsSize() throws {
        let box = try BackupSandbox("run")
        try box.write("src/app.py", "print('shop')\n")
        try box.write("README.md", "# shop\n")
        try box.write(".gitignore", "*.log\ncache/\n")
        try box.write("server.log", "noise\n")
        try box.write("cache/blob", "cached\n")
        try box.write("node_modules/left-pad/index.js", "module.exports = 1\n")
        try box.write(".venv/bin/python", "#!/bin/sh\n")
        try box.git("init", "-q")
        try box.git("add", "-A")
        try box.git("commit", "-q", "-m", "first")
        let commit = try #require(BackupPlan.gitCommit(in: box.project))

        let backup = box.backup()
        try backup.repository.initialize()
        let summary = try backup.run().summary
        #expect(summary.filesNew >= 3)
        #expect(summary.dataAdded > 0)

        let list = try backup.list()
        try #require(list.count == 1)
        let snapshot = list[0]
        #expect(snapshot.id.hasPrefix(summary.snapshotID))
        #expect(Set(snapshot.tags) == ["project:shop", "environment:staging", "commit:" + commit])
        #expect(snapshot.paths == [URL(fileURLWithPath: box.project).standardizedFileURL.path])
        #expect(snapshot.size == summary.totalBytesProcessed)
        #expect(snapshot.added == summary.dataAdded)

        let files = try box.files(of: backup, snapshot: snapshot.id)
        #expect(files.isSuperset(of: ["src/app.py", "README.md", ".gitignore"]), "\(files.sorted())")
        for left in ["server.log", "cache", "cache/blob", "node_modules", "node_modules/left-pad/index.js", ".venv"] {
            #expect(!files.contains(left), "\(left) should not be in the snapshot: \(files.sorted())")
        }
    }

    @Test func anotherProjectsSnapshotsInASharedRepositoryAreNotListed() throws {
        let box = try BackupSandbox("shared")
        try box.write("a.txt", "a\n")
        let backup = box.backup()
        try backup.repository.initialize()
        _ = try backup.run()
        var other = box.backup()
        other.plan.tags = BackupPlan.tags(project: "other", environment: "staging", commit: nil)
        _ = try other.run()
        #expect(try backup.list().count == 1)
        #expect(try backup.repository.snapshots().count == 2)
    }

    @Test func thePasswordIsNeitherOnResticsCommandLineNorInItsEnvironment() throws {
        let box = try BackupSandbox("password")
        try box.write("a.txt", "a\n")
        let seen = Mutex<[String]>([])
        var backup = box.backup()
        backup.repository.started = { pid in
            // restic waits for the password on stdin from here on, so its /proc entries are those of
            // the live process, once the exec (through `sh -c 'cd …'` for a backup) has happened.
            var cmdline = ""
            for _ in 0..<400 {
                cmdline = procFile("/proc/\(pid)/cmdline")
                if cmdline.hasPrefix("restic ") { break }
                usleep(25_000)
            }
            let record = cmdline + "\n--environ--\n" + procFile("/proc/\(pid)/environ")
            seen.withLock { $0.append(record) }
        }
        try backup.repository.initialize()
        _ = try backup.run()
        let records = seen.withLock { $0 }
        try #require(records.count == 2)
        for record in records {
            #expect(record.hasPrefix("restic -r "), "the /proc entries were read: \(record.prefix(200))")
            #expect(record.contains("PATH="), "the environment was read")
            #expect(!record.contains(box.password))
            #expect(!record.contains("RESTIC_PASSWORD"))
        }
    }

    @Test func aMissingRepositoryAndAWrongPasswordAreSaidForAPerson() throws {
        let box = try BackupSandbox("errors")
        try box.write("a.txt", "a\n")
        let error = try #require(vantageFailure {
            _ = try box.backup().run()
        }, "a backup into a missing repository succeeded")
        #expect(error.category == .notFound)
        #expect(error.message == "no restic repository at \(box.repository)")
        #expect(error.hint?.contains("vantage backup init shop") == true)
        try box.backup().repository.initialize()
        let wrong = try #require(vantageFailure {
            _ = try box.backup(password: "not the password").list()
        }, "a wrong password opened the repository")
        #expect(wrong.message.contains("wrong password"))
        #expect(wrong.hint?.contains("vantage secret set shop RESTIC_PASSWORD") == true)
    }

    @Test func aStaleLockIsExplainedAndLeftInPlace() throws {
        let box = try BackupSandbox("lock")
        try box.write("a.txt", "a\n")
        let backup = box.backup()
        try backup.repository.initialize()
        // A restic that takes the lock, then dies without removing it (kill -9).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: try #require(ChildProcess.which("restic")))
        holder.arguments = ["-r", box.repository, "backup", "--stdin", "--stdin-filename", "stream"]
        holder.environment = ["RESTIC_PASSWORD": box.password, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                              "HOME": box.root]
        let feed = Pipe()
        holder.standardInput = feed
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        let locks = box.repository + "/locks"
        for _ in 0..<600 where ((try? FileManager.default.contentsOfDirectory(atPath: locks)) ?? []).isEmpty { usleep(50_000) }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let lockFiles = try FileManager.default.contentsOfDirectory(atPath: locks)
        try #require(lockFiles.count == 1, "restic took its lock")

        let error = try #require(vantageFailure {
            _ = try backup.repository.run(["prune"], command: "prune", timeout: 120)
        }, "prune ran on a locked repository")
        #expect(error.category == .conflict)
        #expect(error.message.contains("locked by restic process \(holder.processIdentifier)"), "\(error)")
        #expect(error.message.contains("no longer runs: the lock is stale"), "\(error)")
        #expect(error.hint?.contains("restic -r \(box.repository) unlock") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: locks) == lockFiles, "the lock is left for the person to remove")
    }

    @Test func aResticThatHangsIsStoppedAtItsTimeoutWithItsTransport() throws {
        let box = try BackupSandbox("timeout")
        let marker = "vantage-backup-timeout-\(UUID().uuidString.prefix(8))"
        var repository = ResticRepository(location: "sftp:nowhere:/srv/restic", password: box.password, project: "shop")
        repository.shortTimeout = 1
        let started = ContinuousClock.now
        let error = try #require(vantageFailure {
            // The sftp transport is a program that never answers: restic waits for it forever.
            try repository.run(["-o", "sftp.command=sh -c 'exec sleep 300 # \(marker)'", "snapshots", "--json"],
                               command: "snapshots", timeout: 1)
        }, "a hanging restic returned")
        #expect(error.message == "restic snapshots did not finish within 1 s and was stopped")
        #expect(ContinuousClock.now - started < .seconds(60))
        usleep(200_000)
        let survivors = Self.pids(withCommandLineContaining: marker)
        #expect(survivors.isEmpty, "the transport was killed with restic: \(survivors)")
    }

    /// Live processes whose command line holds `text` (read from /proc).
    static func pids(withCommandLineContaining text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.filter { pid in
            return procFile("/proc/\(pid)/cmdline").contains(text)
        }
    }
}

/// The VantageError `body` throws; nil when it succeeds (a `do`/`catch` with `#expect`s inside
/// crashes this compiler's ownership verifier).
func vantageFailure(_ body: () throws -> Void) -> VantageError? {
    do {
        try body()
        return nil
    } catch {
        return error as? VantageError
    }
}

/// A /proc file's text, read with read(2) to its end (they report a size of 0, which Foundation's
/// readers take at its word); NUL separators become spaces.
func procFile(_ path: String) -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = read(fd, &chunk, chunk.count)
        if n <= 0 { break }
        bytes += chunk[0..<n]
    }
    return String(decoding: bytes.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
}
