import Foundation
import VantageCore
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// Which cgroup interface this machine offers.
public enum CgroupVersion: String, Sendable, Codable {
    /// One hierarchy per controller under /sys/fs/cgroup/<controller>.
    case v1
    /// The unified hierarchy (/sys/fs/cgroup/cgroup.controllers).
    case v2

    /// v1 when its memory controller can be written (the case on this machine), else v2 when the
    /// unified hierarchy can be written, else none. A v2 hierarchy whose controllers are held by v1
    /// (or not delegated) still tracks and kills a project's processes; its limits then do nothing.
    public static func detect(root: String = "/sys/fs/cgroup") -> CgroupVersion? {
        if access("\(root)/memory/cgroup.procs", W_OK) == 0 { return .v1 }
        if access("\(root)/cgroup.controllers", R_OK) == 0,
           access("\(root)/cgroup.procs", W_OK) == 0 { return .v2 }
        return nil
    }
}

/// A project's own cgroup: `vantage/<group>` in each v1 controller, or one v2 folder.
public struct ProjectCgroup: Sendable, Equatable, Codable {
    public static let v1Controllers = ["memory", "cpu", "cpuacct", "pids", "freezer"]

    public let version: CgroupVersion
    /// The group's folders: one per v1 controller, or one for v2.
    public let directories: [String: String]

    /// Creates (or reopens) the group. Returns nil when cgroups cannot be used here.
    public static func create(name: String, root: String = "/sys/fs/cgroup") -> ProjectCgroup? {
        guard let version = CgroupVersion.detect(root: root) else { return nil }
        switch version {
        case .v1:
            var dirs: [String: String] = [:]
            for controller in v1Controllers {
                let base = "\(root)/\(controller)"
                guard access("\(base)/cgroup.procs", W_OK) == 0 else { continue }
                let dir = "\(base)/vantage/\(name)"
                mkdir("\(base)/vantage", 0o755)
                mkdir(dir, 0o755)
                if access("\(dir)/cgroup.procs", W_OK) == 0 { dirs[controller] = dir }
            }
            return dirs.isEmpty ? nil : ProjectCgroup(version: .v1, directories: dirs)
        case .v2:
            let parent = "\(root)/vantage"
            mkdir(parent, 0o755)
            let wanted = (LinuxCalls.readSmallFile("\(root)/cgroup.controllers") ?? "")
                .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { ["memory", "cpu", "pids"].contains($0) }
            let enable = wanted.map { "+\($0)" }.joined(separator: " ")
            LinuxCalls.writeFile("\(root)/cgroup.subtree_control", enable)
            LinuxCalls.writeFile("\(parent)/cgroup.subtree_control", enable)
            let dir = "\(parent)/\(name)"
            mkdir(dir, 0o755)
            guard access("\(dir)/cgroup.procs", W_OK) == 0 else { return nil }
            return ProjectCgroup(version: .v2, directories: ["unified": dir])
        }
    }

    /// The group if it already exists (never creates one): used to find projects left running.
    public static func existing(name: String, root: String = "/sys/fs/cgroup") -> ProjectCgroup? {
        guard let version = CgroupVersion.detect(root: root) else { return nil }
        var dirs: [String: String] = [:]
        switch version {
        case .v1:
            for controller in v1Controllers where access("\(root)/\(controller)/vantage/\(name)/cgroup.procs", F_OK) == 0 {
                dirs[controller] = "\(root)/\(controller)/vantage/\(name)"
            }
        case .v2:
            if access("\(root)/vantage/\(name)/cgroup.procs", F_OK) == 0 { dirs["unified"] = "\(root)/vantage/\(name)" }
        }
        return dirs.isEmpty ? nil : ProjectCgroup(version: version, directories: dirs)
    }

    /// Moves a process into every controller of the group.
    @discardableResult
    public func add(_ pid: pid_t) -> Bool {
        var ok = true
        for dir in directories.values where !LinuxCalls.writeFile("\(dir)/cgroup.procs", "\(pid)") { ok = false }
        return ok
    }

    /// Every process in the group (the union over controllers, so one that escaped one controller is still found).
    public func pids() -> [pid_t] {
        var all = Set<pid_t>()
        for dir in directories.values {
            for line in (LinuxCalls.readSmallFile("\(dir)/cgroup.procs") ?? "").split(separator: "\n") {
                if let pid = pid_t(line) { all.insert(pid) }
            }
        }
        return all.sorted()
    }

    public var isEmpty: Bool { pids().isEmpty }

    /// Sends a signal to every process in the group.
    public func signalAll(_ signal: Int32) {
        for pid in pids() where pid != getpid() { kill(pid, signal) }
    }

    /// Kills every process in the group: v2's `cgroup.kill` (the kernel kills them all at once, a
    /// process forking meanwhile included) where the kernel has it, else a frozen SIGKILL sweep.
    public func killAll() {
        if version == .v2, let dir = directories["unified"], access("\(dir)/cgroup.kill", W_OK) == 0,
           LinuxCalls.writeFile("\(dir)/cgroup.kill", "1") { return }
        freeze(true)
        signalAll(SIGKILL)
        freeze(false)
    }

    /// v2's `cgroup.events` "populated" flag (false once no process is left in the group or below
    /// it); nil on v1, which has no such file.
    public var isPopulated: Bool? {
        guard version == .v2, let dir = directories["unified"],
              let text = LinuxCalls.readSmallFile("\(dir)/cgroup.events") else { return nil }
        return Self.field("populated", in: text).map { $0 != 0 }
    }

    /// Stops or resumes every process (v1 freezer, v2 cgroup.freeze).
    @discardableResult
    public func freeze(_ frozen: Bool) -> Bool {
        switch version {
        case .v1:
            guard let dir = directories["freezer"] else { return false }
            return LinuxCalls.writeFile("\(dir)/freezer.state", frozen ? "FROZEN" : "THAWED")
        case .v2:
            guard let dir = directories["unified"] else { return false }
            return LinuxCalls.writeFile("\(dir)/cgroup.freeze", frozen ? "1" : "0")
        }
    }

    // MARK: limits

    /// Applies CPU (in cores), memory (bytes) and pids limits; nil clears a limit.
    public func apply(_ limits: ResourceLimits) {
        let period = 100_000
        switch version {
        case .v1:
            if let dir = directories["memory"] {
                LinuxCalls.writeFile("\(dir)/memory.limit_in_bytes", limits.memoryBytes.map { "\($0)" } ?? "-1")
            }
            if let dir = directories["cpu"] {
                LinuxCalls.writeFile("\(dir)/cpu.cfs_period_us", "\(period)")
                LinuxCalls.writeFile("\(dir)/cpu.cfs_quota_us", limits.cpus.map { "\(max(1000, Int($0 * Double(period))))" } ?? "-1")
            }
            if let dir = directories["pids"] {
                LinuxCalls.writeFile("\(dir)/pids.max", limits.pids.map { "\($0)" } ?? "max")
            }
        case .v2:
            guard let dir = directories["unified"] else { return }
            LinuxCalls.writeFile("\(dir)/memory.max", limits.memoryBytes.map { "\($0)" } ?? "max")
            LinuxCalls.writeFile("\(dir)/cpu.max", limits.cpus.map { "\(max(1000, Int($0 * Double(period)))) \(period)" } ?? "max \(period)")
            LinuxCalls.writeFile("\(dir)/pids.max", limits.pids.map { "\($0)" } ?? "max")
        }
    }

    /// Sets only the CPU quota (used when throttling under pressure); nil restores no limit.
    public func setCPUQuota(_ cpus: Double?) {
        let period = 100_000
        switch version {
        case .v1:
            if let dir = directories["cpu"] {
                LinuxCalls.writeFile("\(dir)/cpu.cfs_period_us", "\(period)")
                LinuxCalls.writeFile("\(dir)/cpu.cfs_quota_us", cpus.map { "\(max(1000, Int($0 * Double(period))))" } ?? "-1")
            }
        case .v2:
            if let dir = directories["unified"] {
                LinuxCalls.writeFile("\(dir)/cpu.max", cpus.map { "\(max(1000, Int($0 * Double(period)))) \(period)" } ?? "max \(period)")
            }
        }
    }

    // MARK: usage

    /// Total CPU time used by the group, in nanoseconds.
    public func cpuNanoseconds() -> UInt64? {
        switch version {
        case .v1:
            guard let dir = directories["cpuacct"] else { return nil }
            return LinuxCalls.readSmallFile("\(dir)/cpuacct.usage").flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case .v2:
            guard let dir = directories["unified"], let text = LinuxCalls.readSmallFile("\(dir)/cpu.stat") else { return nil }
            return Self.field("usage_usec", in: text).map { $0 * 1000 }
        }
    }

    /// Memory charged to the group, in bytes.
    public func memoryBytes() -> UInt64? {
        switch version {
        case .v1:
            guard let dir = directories["memory"] else { return nil }
            return LinuxCalls.readSmallFile("\(dir)/memory.usage_in_bytes").flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case .v2:
            guard let dir = directories["unified"] else { return nil }
            return LinuxCalls.readSmallFile("\(dir)/memory.current").flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    /// How many processes the kernel's OOM killer has killed in this group so far.
    public func oomKills() -> Int {
        switch version {
        case .v1:
            guard let dir = directories["memory"], let text = LinuxCalls.readSmallFile("\(dir)/memory.oom_control") else { return 0 }
            return Int(Self.field("oom_kill", in: text) ?? 0)
        case .v2:
            guard let dir = directories["unified"], let text = LinuxCalls.readSmallFile("\(dir)/memory.events") else { return 0 }
            return Int(Self.field("oom_kill", in: text) ?? 0)
        }
    }

    /// The memory limit in force, if any.
    public func memoryLimit() -> UInt64? {
        switch version {
        case .v1:
            guard let dir = directories["memory"],
                  let v = LinuxCalls.readSmallFile("\(dir)/memory.limit_in_bytes").flatMap({ UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
            else { return nil }
            return v >= (1 << 62) ? nil : v
        case .v2:
            guard let dir = directories["unified"] else { return nil }
            return LinuxCalls.readSmallFile("\(dir)/memory.max").flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    /// Removes the group's folders (only possible once it is empty).
    public func remove() {
        for dir in directories.values { rmdir(dir) }
    }

    static func field(_ name: String, in text: String) -> UInt64? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == name { return UInt64(parts[1]) }
        }
        return nil
    }
}
