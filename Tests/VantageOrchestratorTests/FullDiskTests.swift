import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// A real full disk: a 256 KB tmpfs mounted for the test (root only; `scripts/test` runs as root
/// under CI), filled up with a filler file, then given space again by deleting it.
final class SmallDisk {
    let path: String
    private let filler: String

    static var canMount: Bool { getuid() == 0 && ChildProcess.which("mount") != nil }

    init() throws {
        path = NSTemporaryDirectory() + "vantage-full-disk-\(UUID().uuidString.prefix(8))"
        filler = path + "/filler"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mounted = try ChildProcess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", path])
        try #require(mounted.succeeded, "mount tmpfs: \(mounted.output)")
    }

    deinit {
        _ = try? ChildProcess.run(["umount", "-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes until no byte fits any more.
    func fill() {
        let fd = open(filler, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        defer { close(fd) }
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        var one: UInt8 = 0x2E
        while write(fd, &one, 1) == 1 {}
    }

    func free() { unlink(filler) }
}

@Suite(.serialized, .enabled(if: SmallDisk.canMount, "needs root to mount a small tmpfs (scripts/test runs as root under CI)"))
struct FullDiskTests {
    /// A full disk used to leave a 0-byte master.key, and secrets stayed broken after space came
    /// back. Now the key appears whole or not at all.
    @Test func aFailedFirstMasterKeyWriteLeavesNoPartialKey() throws {
        let disk = try SmallDisk()
        let paths = VantagePaths(home: disk.path + "/home", config: disk.path + "/config")
        try paths.ensurePrivateHome()
        disk.fill()
        #expect {
            try SecretVault.open(paths).set(project: "api", environment: "dev", key: "TOKEN", value: "t0k3n")
        } throws: { error in
            guard let e = error as? VantageError else { return false }
            return e.message.hasPrefix("cannot create the master key:") && e.location?.file == paths.keyFile
        }
        #expect(!FileManager.default.fileExists(atPath: paths.keyFile), "no partial master.key")
        #expect(try FileManager.default.contentsOfDirectory(atPath: paths.home).filter { $0.contains(".tmp") }.isEmpty)
        disk.free()
        let vault = try SecretVault.open(paths)
        try vault.set(project: "api", environment: "dev", key: "TOKEN", value: "t0k3n")
        #expect(try vault.get(project: "api", environment: "dev", key: "TOKEN") == "t0k3n")
        var st = stat()
        #expect(stat(paths.keyFile, &st) == 0 && st.st_size == 32 && st.st_mode & 0o777 == 0o600)
    }

    /// Lines written while the disk is full are counted, no torn line stays in the file, and the
    /// first line written once there is space again says how many were lost.
    @Test func aProjectLogOnAFullDiskNotesTheLostLinesAndLeavesNoTornLine() throws {
        let disk = try SmallDisk()
        let log = ProjectLog(directory: disk.path + "/logs", name: "api", project: ProjectID("/p/api"), bus: nil, clock: SystemClock())
        log.append("before the disk filled", stream: .stdout)
        disk.fill()
        let long = String(repeating: "x", count: 5000) // more than the page the file already has
        for i in 1...5 { log.append("lost \(i) \(long)", stream: .stdout) }
        disk.free()
        log.append("after the disk was freed", stream: .stdout)
        log.close()
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(text.hasSuffix("\n"))
        #expect(lines.allSatisfy { ProjectLog.parse(String($0), project: ProjectID("/p/api")) != nil }, "every line whole: \(lines.map { $0.prefix(60) })")
        #expect(lines.count == 3, "\(lines.map { $0.prefix(80) }) df: \((try? ChildProcess.run(["df", disk.path]).output) ?? "")")
        #expect(lines.first?.hasSuffix("out before the disk filled") == true)
        #expect(lines.dropFirst().first?.hasSuffix("err [vantage] 5 lines lost while the disk was full") == true)
        #expect(lines.last?.hasSuffix("out after the disk was freed") == true)
    }
}
