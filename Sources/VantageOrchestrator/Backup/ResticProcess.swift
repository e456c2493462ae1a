import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs one restic command. The repository password goes to restic through its standard input
/// (restic reads it from there when stdin is not a terminal), never through argv or the
/// environment, and no file holding it is written. Standard output (restic's JSON) and standard
/// error (its messages) are read apart. With the time up, restic gets SIGINT (it removes its own
/// lock on the way out), then its whole process group (an sftp transport too) SIGKILL 10 s later.
public struct ResticProcess: Sendable {
    public struct Output: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var timedOut: Bool
        public var succeeded: Bool { status == 0 && !timedOut }
    }

    /// The restic program (looked up in PATH unless it holds a slash).
    public var executable: String
    /// Variables restic must not take a password or a repository from: only what Vantage passes counts.
    static let withheldVariables = ["RESTIC_PASSWORD", "RESTIC_PASSWORD_FILE", "RESTIC_PASSWORD_COMMAND", "RESTIC_REPOSITORY",
                                    "RESTIC_REPOSITORY_FILE", "RESTIC_KEY_HINT"]
    /// Seconds between SIGINT and SIGKILL once a command's time is up.
    static let killGrace = 10.0

    public init(executable: String = "restic") {
        self.executable = executable
    }

    /// Whether restic can be started here.
    public var isInstalled: Bool { ChildProcess.which(executable) != nil }

    /// `restic ARGUMENTS` with `password` on its stdin, in `directory`, for at most `timeout` seconds.
    /// `started` is called with restic's pid before the password is written (tests read /proc there).
    public func run(_ arguments: [String], password: String, directory: String? = nil, timeout: Double,
                    started: (@Sendable (pid_t) -> Void)? = nil) throws(VantageError) -> Output {
        guard isInstalled else {
            throw VantageError(.unavailable, "restic is not installed", hint: "install it (apt install restic) and run the command again")
        }
        var environment = ProcessInfo.processInfo.environment
        for name in Self.withheldVariables { environment[name] = nil }
        var input: [Int32] = [0, 0], out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&out) == 0, pipe(&err) == 0 else {
            throw VantageError(.unavailable, "cannot run restic: no pipe (\(String(cString: strerror(errno))))")
        }
        for fd in input + out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let argv = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] + arguments } ?? [executable] + arguments
        let pid: pid_t
        do throws(VantageError) {
            pid = try ChildProcess.spawn(argv, environment: environment, newProcessGroup: true) { actions in
                posix_spawn_file_actions_adddup2(&actions, input[0], 0)
                posix_spawn_file_actions_adddup2(&actions, out[1], 1)
                posix_spawn_file_actions_adddup2(&actions, err[1], 2)
            }
        } catch {
            (input + out + err).forEach { close($0) }
            throw error
        }
        close(input[0]); close(out[1]); close(err[1])
        started?(pid)
        Self.writeIgnoringBrokenPipe(Array((password + "\n").utf8), to: input[1])
        close(input[1])

        let (stdout, stderr, timedOut) = Self.readBoth(out[0], err[0], pid: pid, timeout: timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        kill(-pid, SIGKILL)   // anything restic left behind in its group (an ssh it started)
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: timedOut ? 124 : exit, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// Writes the password line (far below a pipe's buffer). A restic that already exited (a bad
    /// flag) closed its end: the write fails with EPIPE, and the SIGPIPE it raises is blocked on
    /// this thread and taken back, so it cannot end Vantage.
    private static func writeIgnoringBrokenPipe(_ bytes: [UInt8], to fd: Int32) {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let wrote = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if wrote < 0 && errno == EPIPE {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &none)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    /// `run` on a thread of its own: a backup takes minutes and must not hold a thread of the
    /// cooperative pool that every actor and timer shares.
    public func runOffThePool(_ arguments: [String], password: String, directory: String? = nil,
                              timeout: Double) async throws(VantageError) -> Output {
        let outcome: Result<Output, VantageError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(VantageError) {
                    continuation.resume(returning: .success(try run(arguments, password: password, directory: directory, timeout: timeout)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }

    /// Reads both pipes to their end; when `timeout` passes, terminates restic and keeps reading
    /// what it says on the way out (the grace period), then kills its group.
    private static func readBoth(_ outFD: Int32, _ errFD: Int32, pid: pid_t, timeout: Double) -> (String, String, Bool) {
        var outData = [UInt8](), errData = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var open: Set<Int32> = [outFD, errFD]
        var deadline = ContinuousClock.now + .milliseconds(Int64(max(0, timeout) * 1000))
        var timedOut = false, killed = false
        while !open.isEmpty {
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero {
                if !timedOut {
                    timedOut = true
                    kill(pid, SIGINT)
                    deadline = ContinuousClock.now + .milliseconds(Int64(killGrace * 1000))
                    continue
                }
                if !killed { killed = true; kill(-pid, SIGKILL) }
                break
            }
            var fds = open.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ms = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&fds, nfds_t(fds.count), ms)
            if ready < 0 { if errno == EINTR { continue }; break }
            for p in fds where p.revents != 0 {
                let n = read(p.fd, &chunk, chunk.count)
                if n > 0 {
                    if p.fd == outFD { outData += chunk[0..<n] } else { errData += chunk[0..<n] }
                } else if n == 0 || errno != EINTR {
                    open.remove(p.fd)
                }
            }
        }
        close(outFD)
        close(errFD)
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), timedOut)
    }
}
