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
        try #require(values.count > 0)
        #expect(abs(load.one - values[0]) < 0.5)
        try #require(values.count > 2)
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

    @Test func systemSampleFromTwoReadingsHasRatesAndMemory() throws {
        let first = reader.systemCounters()
        // Keep a core busy between the readings: the machine's CPU share must rise above zero.
        let end = Date().addingTimeInterval(0.3)
        var x = 0
        while Date() < end { x &+= 1 }
        let second = reader.systemCounters()
        #expect(x > 0)
        let sample = SystemSample(time: Date(), current: second, previous: first)
        #expect(sample.cpuCount == Int(sysconf(Int32(_SC_NPROCESSORS_CONF))))
        // Memory: the kernel's total (sysinfo through glibc) and MemAvailable of that reading.
        let total = UInt64(sysconf(Int32(_SC_PHYS_PAGES))) * UInt64(sysconf(Int32(_SC_PAGESIZE)))
        #expect(sample.memTotalBytes == total)
        #expect(sample.memAvailableBytes == second.memory?.availableBytes)
        #expect(sample.memPercent > 0 && sample.memPercent < 100)
        // Rates are the counters' differences over the monotonic time between the readings.
        let dt = second.monotonicSeconds - first.monotonicSeconds
        #expect(dt >= 0.3 && dt < 30)
        let cpuNow = try #require(second.cpu?.all), cpuBefore = try #require(first.cpu?.all)
        let busy = Double(cpuNow.busy - cpuBefore.busy), all = Double(cpuNow.total - cpuBefore.total)
        #expect(abs(sample.cpuPercent - busy / all * 100) < 1e-9)
        #expect(sample.cpuPercent > 0 && sample.cpuPercent <= 100, "one core was busy for 0.3 s: \(sample.cpuPercent)")
        let netNow = try #require(second.network), netBefore = try #require(first.network)
        #expect(sample.netRxBytesPerSec == Double(netNow.inBytes - netBefore.inBytes) / dt)
        #expect(sample.netTxBytesPerSec == Double(netNow.outBytes - netBefore.outBytes) / dt)
        if let diskNow = second.disk, let diskBefore = first.disk {
            #expect(sample.diskReadBytesPerSec == Double(diskNow.inBytes - diskBefore.inBytes) / dt)
            #expect(sample.diskWriteBytesPerSec == Double(diskNow.outBytes - diskBefore.outBytes) / dt)
        }
        // A first reading has no rates yet.
        let firstOnly = SystemSample(time: Date(), current: first, previous: nil)
        #expect(firstOnly.cpuPercent == 0 && firstOnly.netRxBytesPerSec == 0 && firstOnly.diskWriteBytesPerSec == 0)
        #expect(firstOnly.memTotalBytes == total)
    }

    @Test func ratesOfKnownCountersAreExactAndACounterResetIsNoRate() {
        let before = SystemCounters(monotonicSeconds: 10, cpu: CPUStat(all: CPUTimes(total: 1_000, idle: 800), perCPU: [CPUTimes(total: 1_000, idle: 800)]),
                                    memory: MemoryInfo(totalBytes: 8_000, availableBytes: 2_000),
                                    network: ByteCounters(inBytes: 5_000, outBytes: 9_000), disk: ByteCounters(inBytes: 100, outBytes: 100))
        var after = before
        after.monotonicSeconds = 12
        after.cpu = CPUStat(all: CPUTimes(total: 1_400, idle: 1_100), perCPU: [CPUTimes(total: 1_400, idle: 1_100)])
        after.network = ByteCounters(inBytes: 7_000, outBytes: 8_000)     // tx went down: an interface was reset
        after.disk = ByteCounters(inBytes: 4_196, outBytes: 100)
        let s = SystemSample(time: Date(timeIntervalSince1970: 0), current: after, previous: before)
        #expect(s.cpuPercent == 25)                 // 100 busy of 400
        #expect(s.netRxBytesPerSec == 1_000)
        #expect(s.netTxBytesPerSec == 0)
        #expect(s.diskReadBytesPerSec == 2_048)
        #expect(s.diskWriteBytesPerSec == 0)
        #expect(s.memTotalBytes == 8_000 && s.memAvailableBytes == 2_000 && s.memPercent == 75)
        #expect(s.cpuCount == 1)
    }

    /// Per-core busy shares and swap, as the monitor publishes them, from the real /proc.
    @Test func sampleHasOneBusyShareperOnlineCPUAndTheKernelsSwap() throws {
        let sampler = MonitorSampler(projects: [])
        let first = sampler.sample(at: Date()).system
        #expect(first.corePercents.isEmpty)             // no earlier reading: no rates yet
        let end = Date().addingTimeInterval(0.3)
        var x = 0
        while Date() < end { x &+= 1 }
        let second = sampler.sample(at: Date()).system
        // glibc counts the online CPUs from /sys/devices/system/cpu/online, not from /proc/stat.
        #expect(second.corePercents.count == Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #expect(second.corePercents.allSatisfy { (0...100).contains($0) })
        // One core was kept busy: the busiest core is busy too, and the cores average to the total.
        #expect((second.corePercents.max() ?? 0) > 0, "\(second.corePercents)")
        let mean = second.corePercents.reduce(0, +) / Double(max(1, second.corePercents.count))
        #expect(abs(mean - second.cpuPercent) < 5, "mean \(mean) vs \(second.cpuPercent)")
        #expect(x > 0)

        // Swap, against /proc/meminfo searched line by line here.
        let text = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        func kilobytes(_ key: String) throws -> UInt64 {
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(key + ":") })
            let number = try #require(line.split(separator: " ").dropFirst().first)
            return try #require(UInt64(number))
        }
        #expect(second.swapTotalBytes == (try kilobytes("SwapTotal")) * 1024)
        #expect(second.swapFreeBytes <= second.swapTotalBytes)
        #expect(second.swapUsedBytes == second.swapTotalBytes - second.swapFreeBytes)
    }

    @Test func perCoreSharesFromKnownCountersAndNoneWhenTheCPUCountChanges() {
        let before = SystemCounters(monotonicSeconds: 10, cpu: CPUStat(all: CPUTimes(total: 2_000, idle: 1_600),
                                                                        perCPU: [CPUTimes(total: 1_000, idle: 800), CPUTimes(total: 1_000, idle: 800)]),
                                    memory: MemoryInfo(totalBytes: 8_000, availableBytes: 2_000, swapTotalBytes: 4_096, swapFreeBytes: 1_024))
        var after = before
        after.monotonicSeconds = 11
        after.cpu = CPUStat(all: CPUTimes(total: 2_200, idle: 1_700),
                            perCPU: [CPUTimes(total: 1_100, idle: 810), CPUTimes(total: 1_100, idle: 890)])
        let s = SystemSample(time: Date(timeIntervalSince1970: 0), current: after, previous: before)
        #expect(s.corePercents == [90, 10])
        #expect(s.swapTotalBytes == 4_096 && s.swapFreeBytes == 1_024 && s.swapUsedBytes == 3_072)
        after.cpu?.perCPU.removeLast()                  // a CPU went offline between the readings
        #expect(SystemSample(time: Date(), current: after, previous: before).corePercents.isEmpty)
    }
}
