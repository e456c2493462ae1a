import Foundation
import Testing
@testable import VantageProbes
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Per-process readers, against this test process and children it spawns.
@Suite struct ProcessReaderTests {
    let reader = ProcReader()

    @Test func readsThisProcessLikeTheSystemCallsDo() throws {
        let me = try #require(reader.process(getpid()))
        #expect(me.pid == getpid())
        #expect(me.ppid == getppid())
        #expect(me.pgid == getpgrp())
        #expect(me.sid == getsid(0))
        // The main thread's state (the test body runs on another thread): running or sleeping.
        #expect([UInt8(ascii: "R"), UInt8(ascii: "S")].contains(me.state))
        #expect(me.threads >= 1)
        #expect(me.rssBytes > 1_000_000)
        #expect(me.cwd == FileManager.default.currentDirectoryPath)
        let statm = try #require(reader.residentBytes(getpid()))
        #expect(abs(Double(statm) - Double(me.rssBytes)) < 20_000_000)
        #expect(reader.commandLine(getpid()) == CommandLine.arguments)
        let comm = try #require(reader.comm(getpid()))
        #expect(me.comm == comm)
        #expect(reader.processIDs().contains(getpid()))
    }

    @Test func ioCountsBytesWrittenToStorage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let before = try #require(reader.io(getpid()))
        // Write 4 MB and force it to the device; write_bytes counts what this process caused.
        let fd = open(folder.path + "/blob", O_CREAT | O_WRONLY, 0o600)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 7, count: 1 << 20)
        for _ in 0..<4 { _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
        fsync(fd)
        let after = try #require(reader.io(getpid()))
        // (On tmpfs nothing reaches a device; this machine's /tmp is ext4.)
        #expect(after.write >= before.write + 4 << 20)
        #expect(after.read >= before.read)
    }

    @Test func commWithSpacesAndParenthesesIsParsedFromTheLastParenthesis() throws {
        // A real process whose name holds ") (" : the kernel writes it as is in /proc/PID/stat.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let odd = folder.path + "/a) (b c"
        try FileManager.default.createSymbolicLink(atPath: odd, withDestinationPath: "/bin/sleep")
        let child = try SpawnedProcess(odd, ["30"])
        defer { child.kill() }
        #expect(waitUntil { reader.process(child.pid)?.comm == "a) (b c" })
        let p = try #require(reader.process(child.pid))
        #expect(p.ppid == getpid())
        #expect(p.pgid == child.pid)       // spawned into its own group
        #expect(p.threads == 1)
        // sleep(1) settles into S (sleeping) once it has started.
        #expect(waitUntil { reader.process(child.pid)?.state == UInt8(ascii: "S") })
    }

    @Test func statmResidentIsCloseToStatRSS() throws {
        // stat's rss is an approximate read of per-CPU counters, statm's the exact sum: they differ
        // by at most the counters' batches (a few hundred KB), and the monitor uses statm.
        let child = try SpawnedProcess("/bin/sleep", ["30"])
        defer { child.kill() }
        #expect(waitUntil { reader.process(child.pid)?.state == UInt8(ascii: "S") })
        let fromStat = try #require(reader.process(child.pid)?.rssBytes)
        let fromStatm = try #require(reader.residentBytes(child.pid))
        #expect(abs(Double(fromStat) - Double(fromStatm)) < 2_000_000)
        #expect(fromStatm > 100_000)
    }

    @Test func aVanishedProcessReadsAsNil() throws {
        let child = try SpawnedProcess("/bin/true", [])
        child.kill()   // reaped: its pid is gone
        #expect(reader.process(child.pid) == nil)
        #expect(reader.io(child.pid) == nil)
        #expect(reader.cwd(child.pid) == nil)
        #expect(reader.residentBytes(child.pid) == nil)
        #expect(reader.socketInodes(child.pid).isEmpty)
    }

    @Test func statFilesKeptOpenAreClosedWhenTheirProcessGoes() throws {
        let reader = ProcReader()
        let child = try SpawnedProcess("/bin/sleep", ["30"])
        _ = ProcessTable.read(from: reader, withCWD: false)
        let open = reader.openStatFiles
        #expect(open >= 2 && open <= reader.maxOpenStatFiles)
        let first = try #require(reader.process(child.pid))
        #expect(reader.process(child.pid)?.startTicks == first.startTicks)   // read again through the kept fd
        child.kill()
        #expect(reader.process(child.pid) == nil)
        let table = ProcessTable.read(from: reader, withCWD: false)
        #expect(table.processes[child.pid] == nil)
        #expect(reader.openStatFiles <= table.processes.count)
    }

    @Test func everyProcessReadsWithoutFailingAndInitIsThere() {
        let table = ProcessTable.read(from: reader)
        #expect(table.processes[1] != nil)
        #expect(table.processes[getpid()] != nil)
        #expect(table.tree(of: getppid()).contains(getpid()))
        #expect(table.tree(of: getpid()).first == getpid())
        // io of every pid: a value or nil (pid 1's is closed to non-root users), never a crash.
        var readable = 0
        for pid in table.processes.keys where reader.io(pid) != nil { readable += 1 }
        #expect(readable >= 1)
        #expect(getuid() == 0 || reader.io(1) == nil)
    }

    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}
