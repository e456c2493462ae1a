import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// `verify` finds a flipped byte in a pack file (the benchmark repeats it 20 times), and `forget`
/// keeps what `[backup] keep` says.
@Suite(.serialized, .enabled(if: ResticProcess().isInstalled, "needs restic (scripts/test installs it)"))
struct BackupVerifyForgetTests {
    /// The largest pack file of the repository (it holds the files' data).
    static func largestPack(_ repository: String) throws -> String {
        let data = repository + "/data"
        var best: (String, Int) = ("", -1)
        for folder in try FileManager.default.contentsOfDirectory(atPath: data) {
            for pack in try FileManager.default.contentsOfDirectory(atPath: data + "/" + folder) {
                let path = data + "/" + folder + "/" + pack
                let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
                if size > best.1 { best = (path, size) }
            }
        }
        try #require(best.1 > 0)
        return best.0
    }

    @Test func aFlippedByteInAPackIsReportedAsDamage() throws {
        let box = try BackupSandbox("verify")
        var text = ""
        for i in 0..<20_000 { text += "line \(i) of the shop's ledger\n" }
        try box.write("ledger.txt", text)
        try box.write("src/app.py", "print('shop')\n")
        let backup = box.backup()
        try backup.repository.initialize()
        _ = try backup.run()

        let healthy = try BackupVerification(backup).run()
        #expect(healthy.restored == 2)
        #expect(healthy.compared == 2, "both files are unchanged and equal by hash")

        let pack = try Self.largestPack(box.repository)
        chmod(pack, 0o600)
        let handle = try #require(FileHandle(forUpdatingAtPath: pack))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data([byte ^ 0x01]))
        try handle.close()

        let error = try #require(vantageFailure {
            _ = try BackupVerification(backup).run()
        }, "a flipped byte went unnoticed")
        #expect(error.message.hasPrefix("the repository at \(box.repository) is damaged"), "\(error)")
    }

    @Test func forgetKeepsWhatKeepSaysAndPrunes() throws {
        let box = try BackupSandbox("forget")
        let backup = box.backup()
        try backup.repository.initialize()
        for i in 0..<3 {
            try box.write("file.txt", "version \(i)\n")
            _ = try backup.run()
        }
        #expect(try backup.list().count == 3)
        let outcome = try BackupRetention(backup, keep: .init(daily: 1, weekly: 0, monthly: 0)).run()
        #expect(outcome == BackupRetention.Outcome(kept: 1, removed: 2))
        let left = try backup.list()
        try #require(left.count == 1)
        let restored = box.root + "/restored"
        let restore = ProjectRestore(backup)
        _ = try restore.restore(left[0], into: restored, allowNonEmpty: false)
        #expect(try String(contentsOfFile: restored + "/file.txt", encoding: .utf8) == "version 2\n", "the newest is the one kept")
    }

    @Test func subsetsAreCheckedBeforeResticRuns() {
        #expect(BackupVerification.isValidSubset("100%"))
        #expect(BackupVerification.isValidSubset("2.5%"))
        #expect(BackupVerification.isValidSubset("1/5"))
        #expect(!BackupVerification.isValidSubset("0%"))
        #expect(!BackupVerification.isValidSubset("150%"))
        #expect(!BackupVerification.isValidSubset("6/5"))
        #expect(!BackupVerification.isValidSubset("--read-data"))
    }
}
