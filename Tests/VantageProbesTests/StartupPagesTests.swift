import Foundation
import Testing
import VantageCore
@testable import VantageProbes

/// `StartupPages.release` really takes read-only file pages out of this process's resident set.
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
        let path = NSTemporaryDirectory() + "vantage-pages-\(getpid())"
        let size = 4 << 20
        FileManager.default.createFile(atPath: path, contents: Data((0..<size).map { UInt8($0 % 251) }))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let mapped = try #require(mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0))
        try #require(mapped != MAP_FAILED)
        defer { munmap(mapped, size) }
        let bytes = mapped.assumingMemoryBound(to: UInt8.self)
        var sum = 0
        for i in stride(from: 0, to: size, by: 4096) { sum &+= Int(bytes[i]) }
        #expect(try Self.residentKB(at: mapped) >= 4000, "every page was touched")
        #expect(StartupPages.readOnlyFileMappings().contains { $0.start == mapped && $0.length == size })

        // Only this mapping: paging out the whole test binary would slow every test running beside this one.
        #expect(StartupPages.release(including: { start, _ in start == mapped }) == size)
        #expect(try Self.residentKB(at: mapped) < 400, "the pages left the resident set")
        var again = 0
        for i in stride(from: 0, to: size, by: 4096) { again &+= Int(bytes[i]) }
        #expect(again == sum, "and read back the same")
    }

    /// More mappings than fit in 4 KB of /proc/self/maps text are all seen (Foundation stops there).
    @Test func everyMappingIsSeenNotOnlyTheFirstPage() throws {
        let lines = try ChildProcess.run(["/bin/cat", "/proc/\(getpid())/maps"]).output
            .split(separator: "\n").filter { l in
                let f = l.split(separator: " ", omittingEmptySubsequences: true)
                return f.count >= 6 && f[5].hasPrefix("/") && !f[1].contains("w")
            }
        #expect(lines.count > 40)
        #expect(StartupPages.readOnlyFileMappings().count == lines.count)
    }
}
