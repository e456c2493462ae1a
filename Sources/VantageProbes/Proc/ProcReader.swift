#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads /proc (or a directory laid out like it, for tests). Every method returns nil or an empty
/// value when an entry is missing or unreadable: processes vanish between two reads, and some
/// files (`/proc/1/io` for a normal user) are closed to us. Nothing here throws.
///
/// Not thread-safe (it reuses one buffer): give each actor its own reader.
public final class ProcReader {
    public let root: String
    public let pageSize: UInt64
    /// Clock ticks per second (`sysconf(_SC_CLK_TCK)`), the unit of process CPU times.
    public let ticksPerSecond: Double
    let files = ProcFileReader()
    /// `/proc/PID/stat` files kept open between ticks (pid → fd), so a tick costs one `pread` per
    /// process instead of open + read + close. An fd names the process, not the number: once the
    /// process is gone its reads fail, even if the pid was reused, and it is reopened.
    private var statFiles: [Int32: Int32] = [:]
    /// How many stat files may stay open (a small share of the fd limit).
    public let maxOpenStatFiles: Int

    public init(root: String = "/proc", maxOpenStatFiles: Int? = nil) {
        self.root = root
        pageSize = UInt64(max(1, sysconf(Int32(_SC_PAGESIZE))))
        ticksPerSecond = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let share = limit.rlim_cur >= UInt64(Int32.max) ? 1024 : Int(limit.rlim_cur / 8)
        self.maxOpenStatFiles = maxOpenStatFiles ?? min(1024, share)
    }

    deinit {
        for fd in statFiles.values { close(fd) }
    }

    // MARK: system

    public func cpuStat() -> CPUStat? { files.withContents(of: root + "/stat", SystemParsers.cpuStat) ?? nil }
    public func memory() -> MemoryInfo? { files.withContents(of: root + "/meminfo", SystemParsers.memory) ?? nil }
    public func load() -> LoadAverage? { files.withContents(of: root + "/loadavg", SystemParsers.load) ?? nil }
    public func network() -> ByteCounters? { files.withContents(of: root + "/net/dev", SystemParsers.network) ?? nil }
    public func disk() -> ByteCounters? { files.withContents(of: root + "/diskstats", SystemParsers.disk) ?? nil }
    /// Seconds since boot, from /proc/uptime.
    public func uptime() -> Double? { files.withContents(of: root + "/uptime", SystemParsers.uptime) ?? nil }

    /// Every system-wide counter, read now.
    public func systemCounters() -> SystemCounters {
        SystemCounters(monotonicSeconds: Self.monotonicSeconds(), cpu: cpuStat(), memory: memory(), load: load(),
                       network: network(), disk: disk())
    }

    // MARK: processes

    /// The pids present now (the numeric entries of the root).
    public func processIDs() -> [Int32] { files.numericEntries(root) }

    /// /proc/PID/stat, plus the cwd link when `withCWD`. Nil when the process is gone.
    public func process(_ pid: Int32, withCWD: Bool = true) -> ProcessReading? {
        guard var reading = stat(pid) else { return nil }
        if withCWD { reading.cwd = cwd(pid) }
        return reading
    }

    private func stat(_ pid: Int32) -> ProcessReading? {
        let pageSize = self.pageSize
        let parse = { (bytes: UnsafeBufferPointer<UInt8>) in ProcessParsers.stat(bytes, pageSize: pageSize) }
        if let fd = statFiles[pid] {
            if let reading = files.withContents(ofOpen: fd, parse) ?? nil { return reading }
            close(fd)                       // that process is gone; the pid may be someone else's now
            statFiles[pid] = nil
        }
        let fd = open(root + "/" + String(pid) + "/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let reading = files.withContents(ofOpen: fd, parse) ?? nil
        if reading != nil, statFiles.count < maxOpenStatFiles {
            statFiles[pid] = fd
        } else {
            close(fd)
        }
        return reading
    }

    /// Closes the stat files kept for processes not in `alive` (call after each pass).
    public func forgetProcesses(notIn alive: [Int32: ProcessReading]) {
        guard statFiles.count > alive.count || statFiles.contains(where: { alive[$0.key] == nil }) else { return }
        for (pid, fd) in statFiles where alive[pid] == nil {
            close(fd)
            statFiles[pid] = nil
        }
    }

    /// How many stat files are open now.
    public var openStatFiles: Int { statFiles.count }

    /// Resident bytes from /proc/PID/statm.
    public func residentBytes(_ pid: Int32) -> UInt64? {
        let pageSize = self.pageSize
        return files.withContents(of: root + "/" + String(pid) + "/statm") { ProcessParsers.statmResident($0, pageSize: pageSize) } ?? nil
    }

    /// Storage bytes read and written so far, from /proc/PID/io (nil when closed to us).
    public func io(_ pid: Int32) -> (read: UInt64, write: UInt64)? {
        files.withContents(of: root + "/" + String(pid) + "/io", ProcessParsers.io) ?? nil
    }

    public func cwd(_ pid: Int32) -> String? {
        files.readLink(root + "/" + String(pid) + "/cwd").map(ProcessParsers.cleanLinkTarget)
    }

    /// The arguments the process was started with; empty for kernel threads.
    public func commandLine(_ pid: Int32) -> [String]? {
        files.withContents(of: root + "/" + String(pid) + "/cmdline", ProcessParsers.commandLine)
    }

    /// Whether /proc/PID/environ holds exactly the entry `NAME=value` (false when it cannot be read).
    public func environment(_ pid: Int32, contains entry: String) -> Bool {
        let needle = Array(entry.utf8)
        return files.withContents(of: root + "/" + String(pid) + "/environ") { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0 { end += 1 }
                if end - start == needle.count, needle.withUnsafeBufferPointer({ n in
                    (0 ..< n.count).allSatisfy { bytes[start + $0] == n[$0] }
                }) { return true }
                start = end + 1
            }
            return false
        } ?? false
    }

    /// /proc/PID/comm without its newline.
    public func comm(_ pid: Int32) -> String? {
        files.withContents(of: root + "/" + String(pid) + "/comm") { bytes -> String in
            var n = bytes.count
            while n > 0, bytes[n - 1] == ByteScanner.newline { n -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<n]), as: UTF8.self)
        }
    }

    // MARK: sockets

    /// Listening TCP sockets (IPv4 and IPv6): socket inode → local port. Asks the kernel through
    /// netlink when reading the real /proc (much cheaper), else parses `net/tcp` and `net/tcp6`.
    public func listeningSockets() -> [UInt64: Int] {
        if root == "/proc", let viaNetlink = NetlinkListeningSockets.read() { return viaNetlink }
        return listeningSocketsFromFiles()
    }

    /// Listening TCP sockets parsed from `net/tcp` and `net/tcp6` under the root.
    public func listeningSocketsFromFiles() -> [UInt64: Int] {
        var result: [UInt64: Int] = [:]
        for file in ["/net/tcp", "/net/tcp6"] {
            _ = files.withContents(of: root + file) { bytes in
                SocketParsers.listening(bytes, into: &result)
            }
        }
        return result
    }

    /// Inodes of the sockets a process holds open (its `fd/N -> socket:[inode]` links).
    public func socketInodes(_ pid: Int32) -> [UInt64] {
        let dir = root + "/" + String(pid) + "/fd"
        var inodes: [UInt64] = []
        for fd in files.numericEntries(dir) {
            let inode: UInt64? = files.withLinkTarget(dir + "/" + String(fd)) { target in
                var s = ByteScanner(target)
                guard s.consume("socket:[") else { return nil }
                return s.readUInt64()
            } ?? nil
            if let inode { inodes.append(inode) }
        }
        return inodes
    }

    /// Seconds on a clock that never jumps (CLOCK_MONOTONIC).
    public static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU time this process has used so far, all threads, user and system (CLOCK_PROCESS_CPUTIME_ID).
    public static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
