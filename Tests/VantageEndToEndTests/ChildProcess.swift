import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with posix_spawn, with the signal mask reset and dispositions defaulted.
/// (Swift Testing blocks SIGTERM/SIGINT/SIGHUP and children inherit that; `Foundation.Process`
/// also hangs on `tmux new-session -d`. See shared/specs/swift-terminal-notes.md.)
enum ChildProcess {
    struct Output {
        var status: Int32
        var stdout: String
    }

    /// Runs to completion and returns its exit status and standard output.
    @discardableResult
    static func run(_ argv: [String], environment: [String: String]? = nil) throws -> Output {
        var pipeFDs: [Int32] = [0, 0]
        // Close-on-exec, so a daemon the command starts (the tmux server) cannot hold our pipe open.
        guard pipe(&pipeFDs) == 0 else { throw POSIXError(.EMFILE) }
        _ = fcntl(pipeFDs[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipeFDs[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }

        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cArgs, &cEnv)
        close(pipeFDs[1])
        guard rc == 0 else { close(pipeFDs[0]); throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(pipeFDs[0], &chunk, chunk.count)
            if n > 0 { data.append(contentsOf: chunk[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        close(pipeFDs[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exit, stdout: String(decoding: data, as: UTF8.self))
    }
}
