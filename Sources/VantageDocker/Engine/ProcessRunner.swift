import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper command (e.g. `docker compose`) with posix_spawn: signal mask reset, output
/// captured. `Foundation.Process` passes a blocked signal mask on to children.
enum ProcessRunner {
    struct Result { var status: Int32; var output: String }

    static func run(_ argv: [String]) throws -> Result {
        var fds: [Int32] = [0, 0]
        // Close-on-exec, so a daemon the command starts cannot hold our pipe open.
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        var args = argv.map { strdup($0) } + [nil]
        defer { args.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &args, environ)
        close(fds[1])
        guard rc == 0 else { close(fds[0]); throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT) }
        var data = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = read(fds[0], &buf, buf.count)
            if n > 0 { data += buf[0..<n] } else if n == 0 || errno != EINTR { break }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Result(status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                      output: String(decoding: data, as: UTF8.self))
    }

    static func runChecked(_ argv: [String]) throws(VantageError) -> Result {
        let r: Result
        do { r = try run(argv) } catch {
            throw VantageError(.unavailable, "cannot run \(argv[0]): \(error)")
        }
        guard r.status == 0 else {
            throw VantageError(.unavailable, "\(argv.joined(separator: " ")) failed (status \(r.status)): \(r.output.suffix(300))")
        }
        return r
    }
}
