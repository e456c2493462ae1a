import Foundation
import Testing
@testable import VantageProbes
import VantageCore

/// Edge cases the real /proc cannot be made to show on demand, in a folder laid out like /proc:
/// a process whose files vanished, an unreadable io file, truncated files, odd names, pid reuse.
@Suite struct FixtureProcTests {
    /// Writes `files` (relative path → contents) under a fresh folder.
    private func fixture(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("vantage-fixture-proc")
        for (path, contents) in files {
            let full = folder.path + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try contents.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return folder
    }

    private func stat(pid: Int, comm: String = "app", ppid: Int = 1, utime: Int = 10, stime: Int = 5, start: Int = 1000, rss: Int = 25) -> String {
        "\(pid) (\(comm)) S \(ppid) \(pid) \(pid) 0 -1 4194304 100 0 0 0 \(utime) \(stime) 0 0 20 0 3 0 \(start) 1000000 \(rss) 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n"
    }

    @Test func brokenEntriesAreSkippedAndTheRestIsRead() throws {
        let f = try fixture([
            "10/stat": stat(pid: 10, comm: "a) (b", rss: 25),
            "10/io": "rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n",
            "11/stat": "11 (trunc) S 1 11",           // cut short mid-read
            "12/comm": "gone\n",                      // its stat vanished
            "13/stat": "",                             // empty
            "14/stat": stat(pid: 14, ppid: 10),
            "notapid/stat": stat(pid: 99),
        ])
        defer { f.remove() }
        // 14's io is a directory: reading it fails like a permission refusal would.
        try FileManager.default.createDirectory(atPath: f.path + "/14/io", withIntermediateDirectories: true)
        let reader = ProcReader(root: f.path)
        #expect(Set(reader.processIDs()) == [10, 11, 12, 13, 14])
        let table = ProcessTable.read(from: reader)
        #expect(Set(table.processes.keys) == [10, 14])
        let p = try #require(table.processes[10])
        #expect(p.comm == "a) (b")
        #expect(p.cpuTicks == 15 && p.startTicks == 1000 && p.threads == 3 && p.ppid == 1)
        #expect(p.rssBytes == 25 * reader.pageSize)
        #expect(p.cwd == nil)
        #expect(reader.io(10)! == (4096, 8192))
        #expect(reader.io(14) == nil)
        #expect(reader.io(12) == nil)
        #expect(table.tree(of: 10) == [10, 14])
        // A whole monitoring tick on this fixture: no system files, no crash, zero figures.
        let sampler = MonitorSampler(projects: [Project(name: "x", path: "/nowhere", kinds: [.command])], procRoot: f.path)
        let (system, projects) = sampler.sampleNow()
        #expect(system.memTotalBytes == 0 && system.cpuPercent == 0)
        try #require(projects.count == 1)
        #expect(projects[0].state == .stopped)
    }

    @Test func systemFilesParseFromKernelText() throws {
        let f = try fixture([
            "stat": "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\ncpu1 50 0 25 400 25 0 0 0 0 0\nintr 1 2 3\nctxt 5\n",
            "meminfo": "MemTotal:        2048 kB\nMemFree:          512 kB\nMemAvailable:    1024 kB\nBuffers: 1 kB\nSwapTotal:        100 kB\nSwapFree:          40 kB\n",
            "loadavg": "0.52 1.05 12.00 2/300 4000\n",
            "net/dev": """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo: 9999999     100    0    0    0     0          0         0  9999999     100    0    0    0     0       0          0
              eth0:    1000      10    0    0    0     0          0         0     2000      20    0    0    0     0       0          0
            wlan0:      500       5    0    0    0     0          0         0      700       7    0    0    0     0       0          0

            """,
            "diskstats": """
               7       0 loop0 100 0 800 10 0 0 0 0 0 10 10 0 0 0 0 0 0
             259       0 nvme0n1 10 0 100 1 20 0 200 2 0 3 3 0 0 0 0 0 0
             259       1 nvme0n1p1 5 0 50 1 10 0 100 2 0 3 3 0 0 0 0 0 0
               8       0 sda 1 0 10 1 2 0 20 2 0 3 3 0 0 0 0 0 0
               8       1 sda1 1 0 10 1 2 0 20 2 0 3 3 0 0 0 0 0 0
             252       0 zram0 1 0 999 1 2 0 999 2 0 3 3 0 0 0 0 0 0

            """,
            "uptime": "350.25 600.00\n",
        ])
        defer { f.remove() }
        let reader = ProcReader(root: f.path)
        let cpu = try #require(reader.cpuStat())
        #expect(cpu.all == CPUTimes(total: 1000, idle: 850))
        #expect(cpu.perCPU.count == 2)
        #expect(reader.memory() == MemoryInfo(totalBytes: 2048 * 1024, availableBytes: 1024 * 1024,
                                              swapTotalBytes: 100 * 1024, swapFreeBytes: 40 * 1024))
        #expect(reader.load() == LoadAverage(one: 0.52, five: 1.05, fifteen: 12))
        #expect(reader.network() == ByteCounters(inBytes: 1500, outBytes: 2700))
        #expect(reader.disk() == ByteCounters(inBytes: 110 * 512, outBytes: 220 * 512))
        #expect(reader.uptime() == 350.25)
    }

    @Test func listeningSocketsComeFromStateOAOnly() throws {
        let f = try fixture([
            "net/tcp": """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5001 1 0000000000000000 100 0 0 10 0
               1: 0100007F:1F91 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 5002 1 0000000000000000 20 4 30 10 -1

            """,
            "net/tcp6": """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6001 1 0000000000000000 100 0 0 10 0

            """,
        ])
        defer { f.remove() }
        #expect(ProcReader(root: f.path).listeningSockets() == [5001: 8080, 6001: 3000])
    }

    @Test func aReusedPidIsNotComparedWithTheProcessThatHadItBefore() {
        var tracker = ProcessRateTracker(ticksPerSecond: 100)
        func table(_ t: Double, _ readings: [ProcessReading], uptime: Double) -> ProcessTable {
            ProcessTable(processes: Dictionary(uniqueKeysWithValues: readings.map { ($0.pid, $0) }),
                         monotonicSeconds: t, uptimeSeconds: uptime)
        }
        func reading(_ pid: Int32, ticks: UInt64, start: UInt64) -> ProcessReading {
            ProcessReading(pid: pid, ppid: 1, pgid: pid, sid: pid, state: UInt8(ascii: "R"), comm: "x",
                           cpuTicks: ticks, startTicks: start, threads: 1, rssBytes: 0)
        }
        _ = tracker.advance(to: table(10, [reading(50, ticks: 5000, start: 100)], uptime: 100))
        // One second later pid 50 is a different process that started 0.5 s ago with 40 ticks.
        let reused = tracker.advance(to: table(11, [reading(50, ticks: 40, start: 10_050)], uptime: 101))
        #expect(reused[50]?.cpuPercent == 40)
        // The same process one second later, 100 ticks more: one full core.
        let same = tracker.advance(to: table(12, [reading(50, ticks: 140, start: 10_050)], uptime: 102))
        #expect(same[50]?.cpuPercent == 100)
        // A process first seen now but started long before has no rate for this window.
        let old = tracker.advance(to: table(13, [reading(50, ticks: 240, start: 10_050), reading(60, ticks: 9999, start: 5)], uptime: 103))
        #expect(old[60] == nil)
        #expect(old[50]?.cpuPercent == 100)
    }
}
