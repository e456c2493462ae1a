import Foundation

/// Runs an ecosystem tool (npm, pip, cargo ...) with a clean signal mask and captures its output.
public enum ToolRunner {
    public struct Result: Sendable { public var status: Int32; public var output: String; public var timedOut: Bool }

    public static func which(_ tool: String) -> String? {
        if tool.contains("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// `posix_spawn` with the default signal mask and dispositions (Swift Testing blocks SIGTERM,
    /// and children would inherit that); stdout and stderr go to one temporary file.
    public static func run(_ command: [String], in directory: String, environment: [String: String]? = nil, timeout: Double = 300) -> Result {
        // The working directory is set by a tiny shell prefix (posix_spawn_file_actions_addchdir_np
        // is not exported to Swift here): sh -c 'cd "$0" && exec "$@"' DIR ARGV...
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command
        let outPath = NSTemporaryDirectory() + "vantage-tool-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(); sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t(); sigemptyset(&defaults)
        for s in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var env = environment ?? ProcessInfo.processInfo.environment
        env["CI"] = env["CI"] ?? "1"
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envStrings.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { return Result(status: 127, output: "cannot start \(argv[0]): \(String(cString: strerror(rc)))", timedOut: false) }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let w = waitpid(pid, &status, WNOHANG)
            if w == pid { break }
            if w < 0 { break }
            if Date() > deadline { kill(-pid, SIGKILL); timedOut = true; waitpid(pid, &status, 0); break }
            usleep(20_000)
        }
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: timedOut ? 124 : exit, output: output, timedOut: timedOut)
    }
}
