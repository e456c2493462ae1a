import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// One deploy or rollback at a time per deploy folder: an exclusive `flock` on `<root>/.deploy.lock`,
/// held until `release()` (or the process ends). A second one is refused at once, not queued.
public final class DeployLock: @unchecked Sendable {
    private var fd: Int32

    public init(_ layout: ReleaseLayout) throws(VantageError) {
        do {
            try FileManager.default.createDirectory(atPath: layout.root, withIntermediateDirectories: true)
        } catch {
            throw VantageError(.io, "cannot make the deploy folder \(layout.root): \(error.localizedDescription)",
                               at: SourceLocation(file: layout.root), hint: "check [deploy] target and the permissions of its parent")
        }
        let path = layout.root + "/.deploy.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw VantageError(.io, "cannot open \(path): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            fd = -1
            throw VantageError(.conflict, "another deploy or rollback of \(layout.root) is running",
                               at: SourceLocation(file: path), hint: "wait for it to finish, then try again")
        }
    }

    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}
