import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a lock file, held while `body` runs, so a read-modify-write of a shared
/// file is never interleaved with another process's (30 parallel `vantage secret set` all keep
/// their secret). The lock file is created 0600 beside the file it guards and left in place.
public enum FileLock {
    public static func withExclusiveLock<T>(_ lockPath: String, _ body: () throws(VantageError) -> T) throws(VantageError) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw VantageError(.io, "cannot open the lock file: \(String(cString: strerror(errno)))", at: SourceLocation(file: lockPath))
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw VantageError(.io, "cannot lock: \(String(cString: strerror(errno)))", at: SourceLocation(file: lockPath))
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
