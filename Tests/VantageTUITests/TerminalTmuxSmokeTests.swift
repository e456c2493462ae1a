import Foundation
import Testing

/// Drives the real ncurses backend: `vantage render-check` in a private tmux server.
/// Needs tmux and the built `vantage` binary next to the test runner (`swift build` first).
@Suite("Terminal in tmux", .serialized, .enabled(if: TmuxSession.available, "needs tmux and the built vantage binary"))
struct TerminalTmuxSmokeTests {
    @Test func drawsTogglesThemeSurvivesResizesAndQuitsCleanly() throws {
        let tmux = try TmuxSession(command: "env TERM=tmux-256color LANG=C.UTF-8", width: 100, height: 20)
        defer { tmux.kill() }
        #expect(tmux.waitFor { $0.contains("Vantage render check") && $0.contains("theme dark") })
        let before = tmux.capture(escapes: true)
        tmux.sendKeys("t")
        #expect(tmux.waitFor { $0.contains("theme light") })
        #expect(tmux.capture(escapes: true) != before, "the colours did not change")
        tmux.resize(width: 10, height: 3)
        #expect(tmux.waitFor { $0.contains("terminal t") })
        for i in 0..<30 { tmux.resize(width: 12 + i * 4, height: 3 + i % 15) }
        tmux.resize(width: 80, height: 12)
        #expect(tmux.waitFor { $0.contains("size 80x12") })
        tmux.sendKeys("q")
        #expect(tmux.waitFor { $0.contains("EXIT=0") })
    }

    @Test func cLocaleDrawsPureASCII() throws {
        let tmux = try TmuxSession(command: "env TERM=tmux-256color LANG=C LC_ALL= LC_CTYPE=", width: 80, height: 12)
        defer { tmux.kill() }
        #expect(tmux.waitFor { $0.contains("Vantage render check") })
        let screen = tmux.capture(escapes: false)
        #expect(screen.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII byte on screen:\n\(screen)")
        #expect(screen.contains("glyphs ascii"))
        tmux.sendKeys("q")
        #expect(tmux.waitFor { $0.contains("EXIT=0") })
    }

    @Test func unsetTermFallsBackInsteadOfCrashing() throws {
        let tmux = try TmuxSession(command: "env -u TERM LANG=C.UTF-8", width: 80, height: 12)
        defer { tmux.kill() }
        #expect(tmux.waitFor { $0.contains("Vantage render check") })
        tmux.sendKeys("q")
        #expect(tmux.waitFor { $0.contains("EXIT=0") })
    }

    @Test func notATerminalIsOneClearErrorAndStatus2() {
        // Standard output is a pipe here: the runtime refuses instead of drawing escapes into it.
        let result = TmuxSession.spawn([TmuxSession.binary, "render-check"], capture: true)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
    }
}

/// A private tmux server running one command (children spawned with a clean signal mask: Swift
/// Testing blocks SIGTERM/SIGINT/SIGHUP and children would inherit that).
struct TmuxSession {
    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("vantage").path
    }

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: binary)
            && ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let socket = "vantage-render-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    init(command: String, width: Int, height: Int) throws {
        let line = "\(command) \(Self.binary) render-check; echo EXIT=$?; sleep 30"
        let status = Self.spawn(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "S",
                                 "-x", "\(width)", "-y", "\(height)", line], capture: false).status
        guard status == 0 else { throw CocoaError(.executableLoad) }
    }

    func capture(escapes: Bool) -> String {
        Self.spawn(["tmux", "-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", "S"], capture: true).output
    }

    func sendKeys(_ keys: String) { _ = Self.spawn(["tmux", "-L", socket, "send-keys", "-t", "S", keys], capture: false) }

    func resize(width: Int, height: Int) {
        _ = Self.spawn(["tmux", "-L", socket, "resize-window", "-t", "S", "-x", "\(width)", "-y", "\(height)"], capture: false)
    }

    func waitFor(seconds: Double = 5, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(capture(escapes: false)) { return true }
            usleep(50_000)
        }
        return false
    }

    func kill() {
        _ = Self.spawn(["tmux", "-L", socket, "kill-server"], capture: false)
        let dir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(dir)/tmux-\(getuid())/\(socket)")
    }

    /// posix_spawnp with the signal mask cleared and dispositions defaulted; waits for exit.
    static func spawn(_ args: [String], capture: Bool) -> (status: Int32, output: String) {
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { return (-1, "") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            // Never hand a pipe to the tmux server: it outlives the client and would hold it open.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGWINCH] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var argv = args.map { strdup($0) } + [nil]
        var envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, args[0], &actions, &attr, &argv, &envp)
        if capture { close(fds[1]) }
        guard rc == 0 else { if capture { close(fds[0]) }; return (-1, "") }
        var output = Data()
        if capture {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n <= 0 { break }
                output.append(contentsOf: chunk[0..<n])
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exitCode, String(decoding: output, as: UTF8.self))
    }
}
