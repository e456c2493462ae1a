import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads processes from /proc.
enum ProcessTable {
    struct Stat: Sendable, Equatable {
        var pid: pid_t
        var comm: String
        var state: Character
        var ppid: pid_t
        var pgid: pid_t
        var sid: pid_t
        /// utime + stime in clock ticks.
        var cpuTicks: UInt64
        /// Start time after boot in clock ticks: with the pid, identifies a process across pid reuse.
        var startTicks: UInt64
        var rssPages: Int
    }

    static func stat(_ pid: pid_t) -> Stat? {
        guard let text = LinuxCalls.readSmallFile("/proc/\(pid)/stat"),
              let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let comm = String(text[text.index(after: open)..<close])
        let rest = text[text.index(close, offsetBy: 2)...].split(separator: " ")
        guard rest.count > 21 else { return nil }
        // rest[0] = state (field 3), so field N is rest[N - 3].
        func f(_ n: Int) -> Substring { rest[n - 3] }
        return Stat(pid: pid, comm: comm, state: f(3).first ?? "?",
                    ppid: pid_t(f(4)) ?? 0, pgid: pid_t(f(5)) ?? 0, sid: pid_t(f(6)) ?? 0,
                    cpuTicks: (UInt64(f(14)) ?? 0) + (UInt64(f(15)) ?? 0),
                    startTicks: UInt64(f(22)) ?? 0, rssPages: Int(f(24)) ?? 0)
    }

    /// Bytes read and written from storage (`read_bytes`, `write_bytes` of /proc/PID/io).
    static func io(_ pid: pid_t) -> (read: UInt64, write: UInt64) {
        guard let text = LinuxCalls.readSmallFile("/proc/\(pid)/io") else { return (0, 0) }
        var r: UInt64 = 0, w: UInt64 = 0
        for line in text.split(separator: "\n") {
            if line.hasPrefix("read_bytes: ") { r = UInt64(line.dropFirst(12)) ?? 0 }
            if line.hasPrefix("write_bytes: ") { w = UInt64(line.dropFirst(13)) ?? 0 }
        }
        return (r, w)
    }

    static func isZombie(_ pid: pid_t) -> Bool { stat(pid)?.state == "Z" }

    static func allPids() -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { pid_t($0) }
    }

    /// Live (non-zombie) processes whose process group is `pgid`.
    static func members(ofGroup pgid: pid_t) -> [pid_t] {
        allPids().filter { pid in
            guard let s = stat(pid) else { return false }
            return s.pgid == pgid && s.state != "Z"
        }
    }

    /// Processes whose environment carries `VANTAGE_PROJECT=<marker>`: finds a project's processes
    /// even when they left its session and no cgroup is available.
    static func pids(withMarker marker: String) -> [pid_t] {
        let needle = Array("\(ProjectMarker.variable)=\(marker)\0".utf8)
        return allPids().filter { pid in
            guard pid != getpid(), let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            let bytes = [UInt8](data)
            if bytes.starts(with: needle.dropLast()) && (bytes.count == needle.count - 1 || bytes[needle.count - 1] == 0) { return true }
            return bytes.firstRange(of: [0] + needle) != nil
        }.filter { !isZombie($0) }
    }

    static var pageSize: Int { Int(sysconf(Int32(_SC_PAGESIZE))) }
    static var ticksPerSecond: Double { Double(sysconf(Int32(_SC_CLK_TCK))) }
}

/// The environment variable that marks every process of a supervised project.
enum ProjectMarker {
    static let variable = "VANTAGE_PROJECT"
}
