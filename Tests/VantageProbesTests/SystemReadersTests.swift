import Foundation
import Testing
@testable import VantageProbes
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The system-wide readers, checked against what the kernel reports through other channels.
@Suite struct SystemReadersTests {
    let reader = ProcReader()

    @Test func cpuStatHasOneLinePerOnlineCPUAndCountsUp() throws {
        let first = try #require(reader.cpuStat())
        #expect(first.perCPU.count == Int(sysconf(Int32(_SC_NPROCESSORS_CONF))))
        #expect(first.all.total > first.all.idle)
        let perCPUSum = first.perCPU.reduce(UInt64(0)) { $0 + $1.total }
        // The aggregate line is the sum of the per-CPU lines (read within the same instant).
        let diff = Double(max(perCPUSum, first.all.total) - min(perCPUSum, first.all.total))
        #expect(diff / Double(first.all.total) < 0.01)
        // Burn CPU for a moment: the busy counter must advance.
        let end = Date().addingTimeInterval(0.3)
        var x = 0
        while Date() < end { x &+= 1 }
        let second = try #require(reader.cpuStat())
        #expect(second.all.busy > first.all.busy)
        #expect(second.all.busyPercent(since: first.all) > 0)
        #expect(x > 0)
    }

    @Test func memoryMatchesSysinfo() throws {
        let mem = try #require(reader.memory())
        // glibc answers _SC_PHYS_PAGES from sysinfo(2), the kernel's own total.
        let total = UInt64(sysconf(Int32(_SC_PHYS_PAGES))) * UInt64(sysconf(Int32(_SC_PAGESIZE)))
        #expect(mem.totalBytes == total)
        #expect(mem.availableBytes > 0 && mem.availableBytes <= mem.totalBytes)
        #expect(mem.swapFreeBytes <= mem.swapTotalBytes)
    }

    @Test func loadAverageMatchesGetloadavg() throws {
        let load = try #require(reader.load())
        var values = [Double](repeating: 0, count: 3)
        #expect(getloadavg(&values, 3) == 3)
        #expect(abs(load.one - values[0]) < 0.5)
        #expect(abs(load.fifteen - values[2]) < 0.5)
    }

    @Test func networkSumsNonLoopbackInterfacesLikeSysfs() throws {
        let net = try #require(reader.network())
        let names = try FileManager.default.contentsOfDirectory(atPath: "/sys/class/net").filter { $0 != "lo" }
        func counter(_ name: String, _ file: String) -> UInt64 {
            let text = (try? String(contentsOfFile: "/sys/class/net/\(name)/statistics/\(file)", encoding: .utf8)) ?? "0"
            return UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        let rx = names.reduce(UInt64(0)) { $0 + counter($1, "rx_bytes") }
        let tx = names.reduce(UInt64(0)) { $0 + counter($1, "tx_bytes") }
        // Read just after: sysfs can only be ahead, by what arrived in between.
        #expect(rx >= net.inBytes && rx - net.inBytes < 10_000_000)
        #expect(tx >= net.outBytes && tx - net.outBytes < 10_000_000)
    }

    @Test func diskCountsWholeDisksLikeSysBlock() throws {
        let disk = try #require(reader.disk())
        // /sys/block lists whole devices; keep the ones the reader counts (not loop, ram, zram, dm, md).
        let devices = try FileManager.default.contentsOfDirectory(atPath: "/sys/block").filter { name in
            Array(name.utf8).withUnsafeBufferPointer { SystemParsers.isWholeDisk($0) }
        }
        var read: UInt64 = 0, written: UInt64 = 0
        for d in devices {
            let fields = (try String(contentsOfFile: "/sys/block/\(d)/stat", encoding: .utf8))
                .split(separator: " ").compactMap { UInt64($0) }
            read += fields[2] * 512
            written += fields[6] * 512
        }
        #expect(read >= disk.inBytes && read - disk.inBytes < 100_000_000)
        #expect(written >= disk.outBytes && written - disk.outBytes < 100_000_000)
    }

    @Test func wholeDiskNamesSkipPartitionsLoopAndRam() {
        func whole(_ name: String) -> Bool { Array(name.utf8).withUnsafeBufferPointer { SystemParsers.isWholeDisk($0) } }
        for name in ["sda", "vda", "xvdb", "nvme0n1", "mmcblk0", "hdc"] { #expect(whole(name), "\(name)") }
        for name in ["sda1", "vda15", "nvme0n1p2", "mmcblk0p1", "loop3", "ram0", "zram0", "dm-0", "md127", "sr0", ""] {
            #expect(!whole(name), "\(name)")
        }
    }

    @Test func systemSampleFromTwoReadingsHasRatesAndMemory() async throws {
        let first = reader.systemCounters()
        try await Task.sleep(for: .milliseconds(200))
        let second = reader.systemCounters()
        let sample = SystemSample(time: Date(), current: second, previous: first)
        #expect(sample.cpuCount == Int(sysconf(Int32(_SC_NPROCESSORS_CONF))))
        #expect(sample.memTotalBytes > 0 && sample.memPercent > 0 && sample.memPercent < 100)
        #expect(sample.cpuPercent >= 0 && sample.cpuPercent <= 100)
        #expect(sample.netRxBytesPerSec >= 0 && sample.diskWriteBytesPerSec >= 0)
        let firstOnly = SystemSample(time: Date(), current: first, previous: nil)
        #expect(firstOnly.cpuPercent == 0 && firstOnly.netRxBytesPerSec == 0)
    }
}
