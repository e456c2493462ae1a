import Foundation

/// Reads a running container's CPU, memory and IO straight from its cgroup files, so polling a
/// dashboard costs the engine nothing. The cgroup is found through `/proc/<pid>/cgroup` of the
/// container's init process, which works whatever the engine's cgroup parent or driver is.
/// Supports cgroup v1 (one hierarchy per controller) and v2 (unified).
public struct ContainerCgroup: Sendable, Equatable {
    public enum Version: Sendable, Equatable { case v1, v2 }

    public struct Reading: Sendable, Equatable {
        /// Total CPU time used, in nanoseconds.
        public var cpuNanoseconds: UInt64
        /// Memory in use the way `docker stats` counts it (usage minus inactive file cache).
        public var memoryBytes: UInt64
        public var memoryLimitBytes: UInt64?
        public var ioReadBytes: UInt64
        public var ioWriteBytes: UInt64
        /// Times the kernel OOM killer acted in this cgroup.
        public var oomKills: UInt64
        public var pids: Int
    }

    public var version: Version
    /// Directory per controller ("cpuacct", "memory", "blkio", "pids"), or the one unified directory.
    public var directories: [String: String]

    public static let cgroupRoot = "/sys/fs/cgroup"

    /// Locates the cgroup of process `pid` (the container's `State.Pid`). Nil if it cannot be read.
    public static func locate(pid: Int, procRoot: String = "/proc", cgroupRoot: String = cgroupRoot) -> ContainerCgroup? {
        guard pid > 0, let text = try? String(contentsOfFile: "\(procRoot)/\(pid)/cgroup", encoding: .utf8) else { return nil }
        var dirs: [String: String] = [:]
        var unified: String?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let controllers = parts[1], path = String(parts[2])
            if controllers.isEmpty {
                unified = path
                continue
            }
            for c in controllers.split(separator: ",") {
                let name = String(c)
                for mount in [name, String(controllers)] {
                    let dir = "\(cgroupRoot)/\(mount)\(path)"
                    if dirs[name] == nil, FileManager.default.fileExists(atPath: dir) { dirs[name] = dir }
                }
            }
        }
        if dirs["memory"] != nil || dirs["cpuacct"] != nil {
            return ContainerCgroup(version: .v1, directories: dirs)
        }
        if let unified {
            let dir = cgroupRoot + unified
            if FileManager.default.fileExists(atPath: dir + "/cgroup.controllers") {
                return ContainerCgroup(version: .v2, directories: ["unified": dir])
            }
        }
        return nil
    }

    /// Reads every figure. Nil when the cgroup vanished (the container stopped).
    public func read() -> Reading? {
        switch version {
        case .v1: return readV1()
        case .v2: return readV2()
        }
    }

    private func readV1() -> Reading? {
        guard let cpu = directories["cpuacct"].flatMap({ Self.number("\($0)/cpuacct.usage") }) else { return nil }
        var memory: UInt64 = 0, limit: UInt64?, oom: UInt64 = 0
        if let m = directories["memory"] {
            let usage = Self.number("\(m)/memory.usage_in_bytes") ?? 0
            let stat = Self.keyed("\(m)/memory.stat")
            let inactive = stat["total_inactive_file"] ?? stat["inactive_file"] ?? 0
            memory = usage > inactive ? usage - inactive : usage
            if let l = Self.number("\(m)/memory.limit_in_bytes"), l < (1 << 62) { limit = l }
            oom = Self.keyed("\(m)/memory.oom_control")["oom_kill"] ?? 0
        }
        var read: UInt64 = 0, write: UInt64 = 0
        if let b = directories["blkio"], let text = try? String(contentsOfFile: "\(b)/blkio.throttle.io_service_bytes", encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let f = line.split(separator: " ")
                guard f.count == 3, let v = UInt64(f[2]) else { continue }
                if f[1] == "Read" { read += v } else if f[1] == "Write" { write += v }
            }
        }
        let pids = directories["pids"].flatMap { Self.number("\($0)/pids.current") }.map(Int.init) ?? 0
        return Reading(cpuNanoseconds: cpu, memoryBytes: memory, memoryLimitBytes: limit,
                       ioReadBytes: read, ioWriteBytes: write, oomKills: oom, pids: pids)
    }

    private func readV2() -> Reading? {
        guard let dir = directories["unified"], let usec = Self.keyed("\(dir)/cpu.stat")["usage_usec"] else { return nil }
        let usage = Self.number("\(dir)/memory.current") ?? 0
        let inactive = Self.keyed("\(dir)/memory.stat")["inactive_file"] ?? 0
        let limit = (try? String(contentsOfFile: "\(dir)/memory.max", encoding: .utf8))
            .flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        var read: UInt64 = 0, write: UInt64 = 0
        if let text = try? String(contentsOfFile: "\(dir)/io.stat", encoding: .utf8) {
            for field in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let kv = field.split(separator: "=")
                guard kv.count == 2, let v = UInt64(kv[1]) else { continue }
                if kv[0] == "rbytes" { read += v } else if kv[0] == "wbytes" { write += v }
            }
        }
        return Reading(cpuNanoseconds: usec * 1000, memoryBytes: usage > inactive ? usage - inactive : usage,
                       memoryLimitBytes: limit, ioReadBytes: read, ioWriteBytes: write,
                       oomKills: Self.keyed("\(dir)/memory.events")["oom_kill"] ?? 0,
                       pids: Self.number("\(dir)/pids.current").map(Int.init) ?? 0)
    }

    static func number(_ path: String) -> UInt64? {
        guard let s = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return UInt64(s.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func keyed(_ path: String) -> [String: UInt64] {
        guard let s = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var out: [String: UInt64] = [:]
        for line in s.split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 2, let v = UInt64(f[1]) { out[String(f[0])] = v }
        }
        return out
    }
}
