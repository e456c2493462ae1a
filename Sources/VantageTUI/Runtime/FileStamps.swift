import Foundation
import Synchronization

/// What a set of files looked like when last checked (inode, size, modification time, or absent),
/// so an edit is noticed by `stat` alone: cheap enough to run at the input thread's idle tick
/// (once a second), with no watcher thread or descriptor of its own. An editor that saves by
/// writing a new file and renaming it over the old one changes the inode, one that writes in place
/// changes the time or size; a file created or deleted changes whether it exists.
public final class FileStamps: Sendable {
    struct Stamp: Equatable {
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    public let paths: [String]
    private let last: Mutex<[Stamp?]>

    public init(paths: [String]) {
        self.paths = paths
        last = Mutex(paths.map(Self.stamp))
    }

    /// True when any file changed since the last call (or since `init`); remembers the new state.
    public func changed() -> Bool {
        let now = paths.map(Self.stamp)
        return last.withLock { old in
            defer { old = now }
            return old != now
        }
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                     seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}
