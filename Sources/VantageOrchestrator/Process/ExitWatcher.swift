import Foundation
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

/// Waits for one child process on its own thread (a blocking `waitpid` on that pid only, so children
/// started by other code in this process are never reaped here) and reports its exit status.
enum ExitWatcher {
    static func watch(_ pid: pid_t, onExit: @escaping @Sendable (ExitStatus) -> Void) {
        let thread = Thread {
            var status: Int32 = 0
            while true {
                let r = waitpid(pid, &status, 0)
                if r == pid { break }
                if r < 0 && errno == EINTR { continue }
                // Not our child (adopted after a restart): poll until it disappears.
                while LinuxCalls.isAlive(pid) && !ProcessLookup.isZombie(pid) { usleep(100_000) }
                status = 0x7f00 // unknown: treated as "ended"
                break
            }
            onExit(ExitStatus(raw: status))
        }
        thread.name = "vantage-wait-\(pid)"
        thread.stackSize = 256 * 1024
        thread.start()
    }

    /// Reaps a zombie child if it is ours (orphans that reparented to us as subreaper).
    static func reapIfZombieChild(_ pid: pid_t) {
        guard ProcessLookup.isZombie(pid), ProcessLookup.stat(pid)?.ppid == getpid() else { return }
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
    }
}
