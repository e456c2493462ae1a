import Foundation
import Synchronization
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Tells when something changes in a set of folders (Linux inotify): a file or folder created,
/// deleted, renamed or written and closed directly inside one of them, or the folder itself
/// deleted or moved. It does not look into subfolders by itself: the caller says which folders to
/// watch (`watch(_:)`) and may change the set after each change. When inotify cannot be used (no
/// more watches allowed, a file system without it) `isAvailable` is false and the caller polls.
public final class FolderWatcher: Sendable {
    /// One change: the folder it happened in and the entry's name (empty for the folder itself).
    public struct Change: Sendable, Equatable {
        public var folder: String
        public var name: String
        public var isFolder: Bool
    }

    private struct State {
        var byDescriptor: [Int32: String] = [:]
        var byPath: [String: Int32] = [:]
        var problem: String?
    }

    private let fd: Int32
    private let state = Mutex(State())
    private let stopped = Mutex(false)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    public init() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0 { state.withLock { $0.problem = "inotify is unavailable: \(LinuxCalls.errnoText())" } }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Whether changes are reported; false when inotify could not start or a folder could not be
    /// watched (the limit of watches was reached). `problem` says why.
    public var isAvailable: Bool { state.withLock { $0.problem == nil } }
    public var problem: String? { state.withLock { $0.problem } }

    /// Folders watched now.
    public var folders: Set<String> { state.withLock { Set($0.byPath.keys) } }

    /// Watches exactly these folders from now on (adds the new ones, drops the others).
    public func watch(_ folders: Set<String>) {
        guard fd >= 0 else { return }
        state.withLock { s in
            for (path, wd) in s.byPath where !folders.contains(path) {
                inotify_rm_watch(fd, wd)
                s.byPath[path] = nil
                s.byDescriptor[wd] = nil
            }
            for path in folders where s.byPath[path] == nil {
                let wd = inotify_add_watch(fd, path, Self.mask)
                if wd < 0 {
                    // A folder that vanished meanwhile is not a problem; running out of watches is.
                    if errno == ENOSPC || errno == ENOMEM {
                        s.problem = "cannot watch \(path): \(LinuxCalls.errnoText()) (raise fs.inotify.max_user_watches)"
                    }
                    continue
                }
                s.byPath[path] = wd
                s.byDescriptor[wd] = path
            }
        }
    }

    /// Waits up to `timeout` seconds for changes and returns them (empty after the timeout, or
    /// once stopped). Call it from a thread of its own.
    public func next(timeout: Double) -> [Change] {
        guard fd >= 0, !stopped.withLock({ $0 }) else {
            if timeout > 0 { usleep(UInt32(min(timeout, 60) * 1_000_000)) }
            return []
        }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, Int32(max(0, min(timeout, 3600)) * 1000))
        guard ready > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changes: [Change] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            changes += parse(buffer, count: n)
        }
        return changes
    }

    /// Ends `next` waits.
    public func stop() { stopped.withLock { $0 = true } }

    private func parse(_ buffer: [UInt8], count: Int) -> [Change] {
        let header = 16 // wd, mask, cookie, len; then len bytes of name
        var changes: [Change] = []
        var offset = 0
        state.withLock { s in
            while offset + header <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: report a change everywhere, so the caller looks again.
                    changes += s.byPath.keys.map { Change(folder: $0, name: "", isFolder: true) }
                    continue
                }
                guard let folder = s.byDescriptor[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    s.byDescriptor[wd] = nil
                    s.byPath[folder] = nil
                    continue
                }
                changes.append(Change(folder: folder, name: name, isFolder: mask & UInt32(IN_ISDIR) != 0 || name.isEmpty))
            }
        }
        return changes
    }
}
