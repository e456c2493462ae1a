import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way Vantage runs a short-lived helper program (docker compose, npm, pip, git, tmux …)
/// and collects what it printed.
///
/// It uses `posix_spawn` with an empty signal mask and default dispositions, because Swift
/// Testing and the console block SIGTERM/SIGINT/SIGHUP and children would inherit that
/// (`Foundation.Process` passes the mask on, and hangs on `tmux new-session -d`). The output pipe
/// is close-on-exec in the parent, so a daemon the command starts (tmux server, dockerd) cannot
/// hold it open. With a timeout the child gets its own process group, and the whole group is
/// killed when the time is up.
public enum ChildProcess {
    public struct Result: Sendable, Equatable {
        /// Exit status; 128 + signal when the child was killed by a signal; 124 after a timeout.
        public var status: Int32
        public var output: String
        public var timedOut: Bool

        public var succeeded: Bool { status == 0 && !timedOut }

        public init(status: Int32, output: String, timedOut: Bool = false) {
            self.status = status
            self.output = output
            self.timedOut = timedOut
        }
    }

    /// What happens to the child's standard error.
    public enum StandardError: Sendable {
        /// Captured together with standard output, in the order written.
        case merged
        /// Sent to /dev/null.
        case discarded
    }

    /// Runs `argv` to completion (the program is looked up in PATH unless it contains a slash).
    ///
    /// - Parameters:
    ///   - directory: the working directory; the caller's when nil.
    ///   - environment: the complete environment; the caller's when nil.
    ///   - timeout: after this many seconds the child's process group is killed and the result
    ///     has `timedOut` set and status 124.
    /// - Throws: `VantageError(.unavailable)` when the program cannot be started at all.
    public static func run(_ argv: [String], directory: String? = nil, environment: [String: String]? = nil,
                           stderr: StandardError = .merged, timeout: Double? = nil) throws(VantageError) -> Result {
        guard let program = argv.first, !program.isEmpty else {
            throw VantageError(.usage, "no program to run")
        }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw VantageError(.unavailable, "cannot run \(program): no pipe (\(String(cString: strerror(errno))))")
        }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        let readEnd = fds[0], writeEnd = fds[1]

        // posix_spawn_file_actions_addchdir_np is not visible to Swift here, so a working
        // directory is entered by a one-line shell prefix that then execs the real program.
        let fullArgv = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + argv } ?? argv
        let pid: pid_t
        do throws(VantageError) {
            pid = try spawn(fullArgv, environment: environment, newProcessGroup: timeout != nil) { actions in
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
                switch stderr {
                case .merged: posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
                case .discarded: posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
                }
            }
        } catch {
            close(writeEnd)
            close(readEnd)
            throw error
        }
        close(writeEnd)

        let deadline = timeout.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var timedOut = false
        reading: while true {
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                if left <= .zero { timedOut = true; break reading }
                var pfd = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                let ms = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
                let ready = poll(&pfd, 1, ms)
                if ready == 0 { continue reading }
                if ready < 0 { if errno == EINTR { continue reading }; break reading }
            }
            let n = read(readEnd, &chunk, chunk.count)
            if n > 0 { data += chunk[0..<n] } else if n == 0 || errno != EINTR { break }
        }
        close(readEnd)
        if timedOut { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: timedOut ? 124 : exit, output: String(decoding: data, as: UTF8.self), timedOut: timedOut)
    }

    /// Starts `argv` (looked up in PATH unless it holds a slash) with an empty signal mask and
    /// default dispositions, its descriptors arranged by `files`, in a process group of its own when
    /// `newProcessGroup`; returns its pid. The caller waits for it.
    public static func spawn(_ argv: [String], environment: [String: String]? = nil, newProcessGroup: Bool = false,
                             files: (inout posix_spawn_file_actions_t) -> Void) throws(VantageError) -> pid_t {
        guard let program = argv.first, !program.isEmpty else { throw VantageError(.usage, "no program to run") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        files(&actions)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attr, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attr, Int16(flags))
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw VantageError(.unavailable, "cannot run \(program): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// `run` on a thread of its own, for async callers: a program that takes seconds (starting an
    /// engine, installing packages) must not hold one of the few threads of the cooperative pool,
    /// which every actor and timer shares.
    public static func runOffThePool(_ argv: [String], directory: String? = nil, environment: [String: String]? = nil,
                                     stderr: StandardError = .merged, timeout: Double? = nil) async throws(VantageError) -> Result {
        let outcome: Swift.Result<Result, VantageError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(VantageError) {
                    continuation.resume(returning: .success(try run(argv, directory: directory, environment: environment,
                                                                    stderr: stderr, timeout: timeout)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }

    /// Like `run`, but a non-zero exit is an error that quotes the end of the output.
    public static func runChecked(_ argv: [String], directory: String? = nil, environment: [String: String]? = nil,
                                  timeout: Double? = nil) throws(VantageError) -> Result {
        let result = try run(argv, directory: directory, environment: environment, timeout: timeout)
        guard result.succeeded else {
            let why = result.timedOut ? "did not finish within \(Int(timeout ?? 0)) s" : "failed with status \(result.status)"
            throw VantageError(.unavailable, "\(argv.joined(separator: " ")) \(why): \(result.output.suffix(300))")
        }
        return result
    }

    /// Looks a program up in PATH the way a shell would; a name with a slash is checked as is.
    public static func which(_ tool: String, path: String? = nil) -> String? {
        if tool.contains("/") { return access(tool, X_OK) == 0 ? tool : nil }
        for dir in (path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
