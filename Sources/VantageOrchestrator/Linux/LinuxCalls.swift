import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over Linux calls that Swift cannot import directly (variadic C functions such as
/// `prctl` and `syscall` are looked up with `dlsym` and called through a fixed-arity pointer).
enum LinuxCalls {
    private typealias PrctlFn = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    private typealias SyscallFn = @convention(c) (Int, Int, Int, Int) -> Int

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }

    /// Makes this process a child subreaper: orphaned descendants reparent to us instead of init.
    @discardableResult
    static func becomeChildSubreaper() -> Bool {
        guard let p = symbol("prctl") else { return false }
        let prctl = unsafeBitCast(p, to: PrctlFn.self)
        return prctl(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0) == 0
    }

    /// `ioprio_set(IOPRIO_WHO_PROCESS, pid, class << 13 | level)`. Classes: 1 realtime, 2 best effort, 3 idle.
    @discardableResult
    static func setIOPriority(pid: pid_t, ioClass: Int, level: Int) -> Bool {
        guard let p = symbol("syscall") else { return false }
        let syscall = unsafeBitCast(p, to: SyscallFn.self)
        let value = (ioClass << 13) | level
        return syscall(251 /* __NR_ioprio_set */, 1 /* IOPRIO_WHO_PROCESS */, Int(pid), value) == 0
    }

    private typealias AddChdirFn = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFromFn = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias PrlimitFn = @convention(c) (pid_t, Int32, UnsafePointer<rlimit>?, UnsafeMutablePointer<rlimit>?) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (GNU, so not imported by Swift).
    static func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ dir: String) -> Bool {
        guard let p = symbol("posix_spawn_file_actions_addchdir_np") else { return false }
        return unsafeBitCast(p, to: AddChdirFn.self)(actions, dir) == 0
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np`: closes every descriptor from `fd` up in the child.
    static func spawnAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ fd: Int32) -> Bool {
        guard let p = symbol("posix_spawn_file_actions_addclosefrom_np") else { return false }
        return unsafeBitCast(p, to: AddCloseFromFn.self)(actions, fd) == 0
    }

    /// `prlimit(pid, resource, new, nil)`.
    @discardableResult
    static func setRlimit(pid: pid_t, resource: Int32, soft: UInt64, hard: UInt64) -> Bool {
        guard let p = symbol("prlimit") else { return false }
        var r = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        return unsafeBitCast(p, to: PrlimitFn.self)(pid, resource, &r, nil) == 0
    }

    /// A pipe whose two ends close on exec.
    static func cloexecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return (fds[0], fds[1])
    }

    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Whether a process exists (it may be a zombie).
    static func isAlive(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Writes a whole string to a file, returning false on any error (used for cgroup and /proc knobs).
    @discardableResult
    static func writeFile(_ path: String, _ text: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    static func readFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a small /proc or /sys file with plain read(2) (FileManager reports size 0 for them).
    static func readSmallFile(_ path: String, limit: Int = 1 << 20) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 16384)
        while out.count < limit {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Finds an executable on `PATH` (or returns the path itself when it contains a slash).
    static func which(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
