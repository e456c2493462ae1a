#if canImport(Glibc)
import Glibc
#endif

/// One-off reads of processes for callers that are not on a sampling loop (the supervisor's
/// launch, stop and adoption, its exit watcher, its health tick): each call reads /proc afresh
/// through its own `ProcReader`, so it is safe from any thread. A process that is gone reads as nil.
public enum ProcessLookup {
    /// /proc/PID/stat (no cwd).
    public static func stat(_ pid: Int32) -> ProcessReading? { ProcReader(maxOpenStatFiles: 0).process(pid, withCWD: false) }

    /// The working directory of `pid` (nil when it is gone or closed to us).
    public static func cwd(_ pid: Int32) -> String? { ProcReader(maxOpenStatFiles: 0).cwd(pid) }

    /// The arguments `pid` was started with, joined by spaces; its short name for a kernel thread.
    public static func commandLine(_ pid: Int32) -> String? {
        let reader = ProcReader(maxOpenStatFiles: 0)
        guard let args = reader.commandLine(pid), !args.isEmpty else { return reader.comm(pid) }
        return args.joined(separator: " ")
    }

    public static func isZombie(_ pid: Int32) -> Bool { stat(pid)?.isZombie ?? false }

    /// Storage bytes read and written so far (/proc/PID/io; nil when closed to us).
    public static func io(_ pid: Int32) -> (read: UInt64, write: UInt64)? { ProcReader(maxOpenStatFiles: 0).io(pid) }

    public static func allPids() -> [Int32] { ProcReader(maxOpenStatFiles: 0).processIDs() }

    /// The readings of several processes, read with one reader (those gone are left out).
    public static func stats(_ pids: [Int32]) -> [ProcessReading] {
        let reader = ProcReader(maxOpenStatFiles: 0)
        return pids.compactMap { reader.process($0, withCWD: false) }
    }

    /// Every live process by its process group, from one walk of /proc (a tick over many projects
    /// reads /proc once, not once per project).
    public static func processGroups() -> [Int32: [Int32]] {
        let reader = ProcReader(maxOpenStatFiles: 0)
        var groups: [Int32: [Int32]] = [:]
        for pid in reader.processIDs() {
            guard let s = reader.process(pid, withCWD: false), !s.isZombie else { continue }
            groups[s.pgid, default: []].append(pid)
        }
        return groups
    }

    /// Live (non-zombie) processes whose process group is `pgid`.
    public static func members(ofGroup pgid: Int32) -> [Int32] {
        let reader = ProcReader(maxOpenStatFiles: 0)
        return reader.processIDs().filter { pid in
            guard let s = reader.process(pid, withCWD: false) else { return false }
            return s.pgid == pgid && !s.isZombie
        }
    }

    /// Live processes other than this one whose environment holds exactly `entry` (`NAME=value`):
    /// finds a project's processes by a marker variable even when they left its session and no
    /// cgroup holds them.
    public static func pids(withEnvironmentEntry entry: String) -> [Int32] {
        let reader = ProcReader(maxOpenStatFiles: 0)
        let me = getpid()
        return reader.processIDs().filter { pid in
            pid != me && reader.environment(pid, contains: entry) && !(reader.process(pid, withCWD: false)?.isZombie ?? true)
        }
    }

    /// The TCP ports these processes listen on, sorted.
    public static func listeningPorts(of pids: [Int32]) -> [Int] {
        let reader = ProcReader(maxOpenStatFiles: 0)
        let listening = reader.listeningSockets()
        guard !listening.isEmpty else { return [] }
        return Set(pids.flatMap { reader.socketInodes($0).compactMap { listening[$0] } }).sorted()
    }

    /// How long this process has existed, in milliseconds: /proc/uptime minus its start time in
    /// /proc/self/stat (clock-tick granularity, usually 10 ms).
    @Sendable public static func ageOfThisProcess() -> Double? {
        let reader = ProcReader(maxOpenStatFiles: 0)
        guard let me = reader.process(getpid(), withCWD: false), let uptime = reader.uptime() else { return nil }
        return max(0, (uptime - Double(me.startTicks) / reader.ticksPerSecond) * 1000)
    }

    /// Clock ticks per second, the unit of `cpuTicks` and `startTicks`.
    public static var ticksPerSecond: Double { Double(max(1, sysconf(Int32(_SC_CLK_TCK)))) }
}
