import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// Restores of real restic snapshots: byte-identical (by SHA-256 of every file), into new folders
/// only unless asked, never outside the destination, and in place after a safety snapshot.
@Suite(.serialized, .enabled(if: ResticProcess().isInstalled, "needs restic (scripts/test installs it)"))
struct BackupRestoreTests {
    /// `sha256sum` of every file under `folder`, by relative path (links and folders left out).
    static func hashes(_ folder: String, skipping: Set<String> = []) throws -> [String: String] {
        let result = try ChildProcess.run(["/bin/sh", "-c", "cd \"$0\" && find . -type f -print0 | xargs -0 -r sha256sum", folder])
        try #require(result.succeeded, "\(result.output)")
        var out: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let path = String(parts[1].drop { $0 == " " || $0 == "*" }.dropFirst(2))
            if !skipping.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { out[path] = String(parts[0]) }
        }
        return out
    }

    static func fill(_ box: BackupSandbox) throws {
        try box.write("src/main.swift", "print(\"shop\")\n")
        try box.write("src/deep/er/still/file.txt", String(repeating: "line\n", count: 5000))
        try box.write("name with spaces [1].txt", "odd name\n")
        try box.write("node_modules/dep/index.js", "left out\n")
        var bytes = [UInt8](repeating: 0, count: 300_000)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 13) }
        FileManager.default.createFile(atPath: box.project + "/data.bin", contents: Data(bytes))
        try FileManager.default.createSymbolicLink(atPath: box.project + "/link-to-src", withDestinationPath: "src")
    }

    @Test func aRestoreIntoANewFolderIsByteIdenticalAndANonEmptyFolderIsRefused() throws {
        let box = try BackupSandbox("restore")
        try Self.fill(box)
        let backup = box.backup()
        try backup.repository.initialize()
        _ = try backup.run()
        let restore = ProjectRestore(backup)
        let target = box.root + "/restored"
        let outcome = try restore.restore(try restore.snapshot(nil), into: target, allowNonEmpty: false)
        let original = try Self.hashes(box.project, skipping: ["node_modules"])
        #expect(original.count == 4)
        #expect(try Self.hashes(target) == original)
        #expect(outcome.files == original.count + 1, "the files and the link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target + "/link-to-src") == "src")
        #expect(!FileManager.default.fileExists(atPath: target + "/node_modules"))

        let error = try #require(vantageFailure {
            _ = try restore.restore(try restore.snapshot(nil), into: target, allowNonEmpty: false)
        }, "a restore into a non-empty folder went ahead")
        #expect(error.category == .conflict)
        #expect(error.message.hasPrefix("\(target) is not empty"))
        #expect(error.hint?.contains("--overwrite") == true)
        // Asked for, it writes over the folder and the result is still identical.
        try "changed\n".write(toFile: target + "/src/main.swift", atomically: true, encoding: .utf8)
        _ = try restore.restore(try restore.snapshot(nil), into: target, allowNonEmpty: true)
        #expect(try Self.hashes(target) == original)
    }

    @Test func aSnapshotPathOutsideTheProjectIsRefusedBeforeAnythingIsWritten() throws {
        let box = try BackupSandbox("escape")
        try box.write("a.txt", "a\n")
        try FileManager.default.createDirectory(atPath: box.root + "/elsewhere", withIntermediateDirectories: true)
        try "outside\n".write(toFile: box.root + "/elsewhere/passwd", atomically: true, encoding: .utf8)
        var backup = box.backup()
        try backup.repository.initialize()
        // A snapshot of the project's repository and tag that holds a folder outside the project.
        backup.plan.paths = [box.root + "/elsewhere"]
        _ = try backup.run()
        let restore = ProjectRestore(box.backup())
        let target = box.root + "/restored"
        let error = try #require(vantageFailure {
            _ = try restore.restore(try restore.snapshot(nil), into: target, allowNonEmpty: false)
        }, "a snapshot escaping the project was restored")
        #expect(error.message.contains("holds \(box.root)/elsewhere, which is not inside \(box.project)"), "\(error)")
        #expect(error.message.hasSuffix("so nothing was restored"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func anInPlaceRestoreTakesASafetySnapshotFirstAndPutsTheFilesBack() throws {
        let box = try BackupSandbox("in-place")
        try Self.fill(box)
        let backup = box.backup()
        try backup.repository.initialize()
        _ = try backup.run()
        let original = try Self.hashes(box.project, skipping: ["node_modules"])
        let restore = ProjectRestore(backup)
        let chosen = try restore.snapshot(nil)

        try "broken by a bad deploy\n".write(toFile: box.project + "/src/main.swift", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: box.project + "/data.bin")
        try box.write("new-file.txt", "made after the snapshot\n")
        let outcome = try restore.restoreInPlace(chosen)

        var now = try Self.hashes(box.project, skipping: ["node_modules"])
        #expect(now.removeValue(forKey: "new-file.txt") != nil, "a file the snapshot does not hold is kept")
        #expect(now == original)
        let safety = try #require(outcome.safetySnapshot)
        let list = try backup.list()
        try #require(list.count == 2)
        #expect(list[1].id.hasPrefix(safety))
        #expect(list[1].tags.contains("vantage:before-restore"))
        // The safety snapshot holds the state that was replaced.
        let saved = box.root + "/saved"
        _ = try restore.restore(list[1], into: saved, allowNonEmpty: false)
        #expect(try String(contentsOfFile: saved + "/src/main.swift", encoding: .utf8) == "broken by a bad deploy\n")
        #expect(!FileManager.default.fileExists(atPath: box.project + "/.vantage-restore-"), "no scratch folder is left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.project).allSatisfy { !$0.hasPrefix(".vantage-restore-") })
    }
}
