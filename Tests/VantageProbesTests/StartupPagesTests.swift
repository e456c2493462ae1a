import Foundation
import Synchronization
import Testing
import VantageCore
@testable import VantageProbes

/// `StartupPages.release` really takes clean file pages of private mappings out of this process's
/// resident set, and keeps what the process wrote.
struct StartupPagesTests {
    /// Resident kB of the mapping that starts at `address`, from `/proc/self/smaps` (read with `cat`,
    /// a separate reader from the one under test).
    static func residentKB(at address: UnsafeMutableRawPointer) throws -> Int {
        let start = String(UInt(bitPattern: address), radix: 16)
        let smaps = try ChildProcess.run(["/bin/cat", "/proc/\(getpid())/smaps"]).output
        var inside = false
        for line in smaps.split(separator: "\n") {
            if line.first?.isHexDigit == true, line.contains("-") { inside = line.hasPrefix(start + "-") }
            else if inside, line.hasPrefix("Rss:") { return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1 }
        }
        return -1
    }

    @Test func aTouchedReadOnlyFileMappingIsDroppedAndStillReadable() throws {
        let file = try MappedTestFile(name: "vantage-pages", size: 4 << 20, modulo: 251, writable: false)
        defer { file.remove() }
        let size = file.size
        let mapped = try file.map(PROT_READ, MAP_PRIVATE)
        let sum = file.sumOfFirstBytes(mapped)
        #expect(try Self.residentKB(at: mapped) >= 4000, "every page was touched")
        #expect(StartupPages.privateFileMappings().contains { $0.start == mapped && $0.length == size })

        // Only this mapping: paging out the whole test binary would slow every test running beside this one.
        #expect(StartupPages.release(including: { start, _ in start == mapped }) == size)
        #expect(try Self.residentKB(at: mapped) < 400, "the pages left the resident set")
        #expect(file.sumOfFirstBytes(mapped) == sum, "and read back the same")
    }

    /// More mappings than fit in 4 KB of /proc/self/maps text are all seen (Foundation stops there).
    @Test func everyMappingIsSeenNotOnlyTheFirstPage() throws {
        let lines = try ChildProcess.run(["/bin/cat", "/proc/\(getpid())/maps"]).output
            .split(separator: "\n").filter { l in
                let f = l.split(separator: " ", omittingEmptySubsequences: true)
                return f.count >= 6 && f[5].hasPrefix("/") && f[1].hasSuffix("p")
            }
        #expect(lines.count > 40)
        #expect(StartupPages.privateFileMappings().count == lines.count)
    }

    /// A private writable mapping (a binary's data segment) loses its clean pages but keeps every page
    /// written to; a shared mapping (SQLite's -shm file) is not touched at all.
    @Test func privateWritableMappingKeepsWrittenPagesAndSharedOnesAreLeftAlone() throws {
        let file = try MappedTestFile(name: "vantage-pages-rw", size: 4 << 20, modulo: 241, writable: true)
        defer { file.remove() }
        let size = file.size
        let mapped = try file.map(PROT_READ | PROT_WRITE, MAP_PRIVATE)
        let shared = try file.map(PROT_READ | PROT_WRITE, MAP_SHARED)
        let bytes = mapped.assumingMemoryBound(to: UInt8.self)
        // 16 written pages (64 kB) become the process's own copies. They are written first: a write
        // into a large page-cache folio unmaps the folio's other pages from this mapping.
        for page in 0..<16 { bytes[page * 64 * 4096] = 7 }
        let written = (0..<16).reduce(0) { $0 &+ Int(UInt8((($1 * 64 * 4096) % 241))) }
        let sum = file.sumOfFirstBytes(mapped)
        let touched = try Self.residentKB(at: mapped)
        #expect(touched >= 4000, "every page was read or written: \(touched) kB")
        let listed = StartupPages.privateFileMappings()
        #expect(listed.contains { $0.start == mapped && $0.length == size })
        #expect(!listed.contains { $0.start == shared }, "shared mappings are never advised")

        StartupPages.release(including: { start, _ in start == mapped })
        let left = try Self.residentKB(at: mapped)
        #expect(left >= 64 && left < 400, "only the written pages stay: \(left) kB")
        #expect(file.sumOfFirstBytes(mapped) == sum, "written bytes kept, the rest read back from the file")
        #expect(sum == (0..<1024).reduce(0) { $0 &+ Int(UInt8(($1 * 4096) % 241)) } - written + 16 * 7)
    }
}

/// A temporary file of `size` bytes (byte i is i % modulo) and the mappings the test makes of it;
/// `remove()` unmaps, closes and deletes them.
final class MappedTestFile {
    let size: Int
    private let path: String
    private let fd: Int32
    private var mappings: [UnsafeMutableRawPointer] = []

    init(name: String, size: Int, modulo: Int, writable: Bool) throws {
        self.size = size
        path = NSTemporaryDirectory() + "\(name)-\(getpid())"
        FileManager.default.createFile(atPath: path, contents: Data((0..<size).map { UInt8($0 % modulo) }))
        fd = open(path, writable ? O_RDWR : O_RDONLY)
        try #require(fd >= 0, "open \(path)")
    }

    func map(_ protection: Int32, _ flags: Int32) throws -> UnsafeMutableRawPointer {
        let mapped = try #require(mmap(nil, size, protection, flags, fd, 0))
        try #require(mapped != MAP_FAILED, "mmap \(path)")
        mappings.append(mapped)
        return mapped
    }

    /// The sum of every page's first byte at `mapped`: reading them touches each page.
    func sumOfFirstBytes(_ mapped: UnsafeMutableRawPointer) -> Int {
        let bytes = mapped.assumingMemoryBound(to: UInt8.self)
        return stride(from: 0, to: size, by: 4096).reduce(0) { $0 &+ Int(bytes[$1]) }
    }

    func remove() {
        for mapped in mappings { munmap(mapped, size) }
        close(fd)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// When start-up is over: the process's own CPU time, and the wait for it to go quiet.
struct StartupQuietTests {
    @Test func processCPUSecondsCountsThisProcessesWork() {
        let before = ProcReader.processCPUSeconds()
        var x: UInt64 = 1
        let until = Date().addingTimeInterval(0.3)
        while Date() < until { for _ in 0..<10_000 { x = x &* 6364136223846793005 &+ 1442695040888963407 } }
        #expect(x != 0)
        #expect(ProcReader.processCPUSeconds() - before >= 0.1, "300 ms of spinning shows in the process CPU clock")
    }

    /// Busy windows are waited out; the first quiet one ends the wait. The CPU counter is scripted
    /// so the policy is checked apart from whatever else the test run keeps busy.
    @Test func waitsOutBusyWindowsAndStopsAtTheFirstQuietOne() async {
        let used = Mutex<[Double]>([0, 2.5, 2.5, 4.0, 4.0, 4.05])   // readings: before/after each window
        let windows = Mutex(0)
        let quiet = await StartupPages.waitUntilQuiet(share: 0.05, window: .seconds(3), atMost: .seconds(60),
                                                     cpuSeconds: { used.withLock { $0.removeFirst() } },
                                                     sleep: { _ in windows.withLock { $0 += 1 } })
        #expect(quiet)
        #expect(windows.withLock { $0 } == 3, "two busy windows (2.5 s, 1.5 s of CPU in 3 s), then 0.05 s")
    }

    @Test func givesUpAfterAtMost() async {
        let clock = Mutex(0.0)
        let windows = Mutex(0)
        let quiet = await StartupPages.waitUntilQuiet(share: 0.05, window: .seconds(3), atMost: .seconds(12),
                                                     cpuSeconds: { clock.withLock { $0 += 1; return $0 } },
                                                     sleep: { _ in windows.withLock { $0 += 1 } })
        #expect(!quiet)
        #expect(windows.withLock { $0 } == 4)
    }
}
