import Foundation
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// Applies a priority level and rlimits to a process before it runs its command (it is held at the
/// launcher's gate, so every process it forks inherits them).
enum ResourceApplier {
    static func apply(priority: PriorityLevel, limits: ResourceLimits, to pid: pid_t) {
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(pid), priority.nice)
        let io = priority.ioPriority
        LinuxCalls.setIOPriority(pid: pid, ioClass: io.ioClass, level: io.level)
        LinuxCalls.writeFile("/proc/\(pid)/oom_score_adj", "\(priority.oomScoreAdjust)")
        if let files = limits.openFiles {
            LinuxCalls.setRlimit(pid: pid, resource: Int32(RLIMIT_NOFILE.rawValue), soft: UInt64(files), hard: UInt64(files))
        }
        if let memory = limits.memoryBytes, CgroupVersion.detect() == nil {
            // Without a cgroup, the address-space rlimit is the only memory bound we can set.
            LinuxCalls.setRlimit(pid: pid, resource: Int32(RLIMIT_AS.rawValue), soft: memory * 2, hard: memory * 2)
        }
        if let pids = limits.pids, CgroupVersion.detect() == nil {
            LinuxCalls.setRlimit(pid: pid, resource: 6 /* RLIMIT_NPROC */, soft: UInt64(pids), hard: UInt64(pids))
        }
    }
}
