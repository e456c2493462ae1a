import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Only one supervisor per `$VANTAGE_HOME`: an exclusive `flock` on `vantage.lock`, held for the
/// supervisor's life (the kernel drops it if the process dies, so a stale socket is recognised).
public final class SupervisorLock: Sendable {
    public let path: String
    let fd: Int32

    public static func acquire(_ paths: VantagePaths) throws(VantageError) -> SupervisorLock {
        try paths.ensurePrivateHome()
        let path = paths.home + "/vantage.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw VantageError(.io, "cannot open the lock file: \(LinuxCalls.errnoText())", at: SourceLocation(file: path)) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = LinuxCalls.readSmallFile(path)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            close(fd)
            throw VantageError(.conflict, "another Vantage supervisor already runs for \(paths.home) (pid \(holder))",
                               hint: "use `vantage ps` to talk to it, or stop it first")
        }
        ftruncate(fd, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        return SupervisorLock(path: path, fd: fd)
    }

    /// Whether some process holds the lock (a supervisor is alive), without taking it.
    public static func isHeld(_ paths: VantagePaths) -> Bool {
        let fd = open(paths.home + "/vantage.lock", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { flock(fd, LOCK_UN); return false }
        return true
    }

    /// The pid written in the lock file by the supervisor that holds it, if one does.
    public static func holder(_ paths: VantagePaths) -> Int32? {
        guard isHeld(paths), let text = LinuxCalls.readSmallFile(paths.home + "/vantage.lock") else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    public func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
