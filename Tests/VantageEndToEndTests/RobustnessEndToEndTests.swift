import Foundation
import Testing
import VantageCore

/// Issue 20 on the real binary: hostile files, a malformed Docker host, a crash, a terminal that
/// cannot address the cursor, and control sequences in text the command line prints.
@Suite(.serialized) struct RobustnessEndToEndTests {
    /// A workspace of its own, with `VANTAGE_HOME` inside it.
    struct Workspace {
        let binary: String
        let root: String
        var home: String { root + "/home" }

        init() throws {
            binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
            root = NSTemporaryDirectory() + "vantage-robust-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/workspace/app", withIntermediateDirectories: true)
            try "print('hi')\n".write(toFile: root + "/workspace/app/main.py", atomically: true, encoding: .utf8)
        }

        func write(_ text: String, to relative: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        var environment: [String: String] {
            ["VANTAGE_HOME": home, "XDG_CONFIG_HOME": root + "/config", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
             "TERM": "tmux-256color", "HOME": root]
        }

        func run(_ args: [String], extra: [String: String] = [:], timeout: Double = 60) throws -> ChildProcess.Result {
            try ChildProcess.run([binary] + args, directory: root, environment: environment.merging(extra) { $1 }, timeout: timeout)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// 9,000 nested arrays in 18 KB: a stack overflow in scan, the daemon and the dashboard before.
    static let deeplyNested = "x = " + String(repeating: "[", count: 9000) + String(repeating: "]", count: 9000) + "\n"

    static func crashed(_ status: Int32) -> Bool { status >= 128 }

    @Test func deeplyNestedTOMLIsALocatedErrorForScanDaemonAndDashboard() throws {
        let w = try Workspace()
        defer { w.remove() }
        try w.write(Self.deeplyNested, to: "workspace/app/.vantage.toml")
        let scan = try w.run(["scan", w.root + "/workspace"])
        #expect(!Self.crashed(scan.status), "scan: status \(scan.status)")
        #expect(scan.output.contains("app/.vantage.toml:1"), "scan names the file and line: \(scan.output.prefix(400))")
        #expect(scan.output.contains("deeper than 100 levels"), "\(scan.output.prefix(400))")

        // The daemon starts, serves, and reports the file; it does not crash.
        let daemon = try ChildProcess.run(["/bin/sh", "-c", "exec timeout 3 \(TmuxSession.shellQuote(w.binary)) daemon --root \(TmuxSession.shellQuote(w.root + "/workspace"))"],
                                          directory: w.root, environment: w.environment, timeout: 20)
        #expect(!Self.crashed(daemon.status) || daemon.status == 124, "daemon: status \(daemon.status): \(daemon.output.prefix(400))")
        #expect(daemon.status == 124 || daemon.output.contains(".vantage.toml:1"), "\(daemon.output.prefix(400))")

        // Themes, keymaps and the workspace file given to the dashboard.
        try w.write(Self.deeplyNested, to: "deep-theme.toml")
        try w.write(Self.deeplyNested, to: "deep-keymap.toml")
        for (flag, file) in [("--theme", "deep-theme.toml"), ("--keymap", "deep-keymap.toml")] {
            let out = try w.run([flag, w.root + "/" + file, "--root", w.root + "/workspace"])
            #expect(out.status == 2, "\(flag): \(out.status) \(out.output)")
            #expect(out.output.contains("\(file):1: field 'x': arrays and tables nest deeper than 100 levels"), "\(out.output)")
        }
        try w.write(Self.deeplyNested, to: "workspace/vantage.toml")
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(TmuxSession.shellQuote(w.binary)) --root \(TmuxSession.shellQuote(w.root + "/workspace"))",
                                   environment: w.environment)
        let shown = try tmux.waitFor(timeout: 10) { $0.contains("EXIT=") || $0.contains("Projects") }
        #expect(!shown.screen.contains("EXIT=1") || shown.screen.contains("vantage.toml:1"), "\(shown.screen)")
        for signalExit in ["EXIT=132", "EXIT=134", "EXIT=139"] { #expect(!shown.screen.contains(signalExit), "\(shown.screen)") }
        #expect(shown.screen.contains("vantage.toml:1") || shown.screen.contains("Projects"), "\(shown.screen)")
    }

    /// `DOCKER_HOST=tcp://127.0.0.1:99999` crashed `ps` (SIGILL in NIO) and `status` (SIGSEGV).
    @Test func aDockerHostWithAPortAbove65535IsReportedNotACrash() throws {
        let w = try Workspace()
        defer { w.remove() }
        let env = ["DOCKER_HOST": "tcp://127.0.0.1:99999"]
        let ps = try w.run(["ps"], extra: env)
        #expect(!Self.crashed(ps.status), "ps: \(ps.status) \(ps.output)")
        #expect(ps.output.contains("docker engine default: unreachable (the Docker host 'tcp://127.0.0.1:99999' has port 99999, outside 1-65535)"), "\(ps.output)")
        let status = try w.run(["status", "--root", w.root + "/workspace"], extra: env)
        #expect(!Self.crashed(status.status), "status: \(status.status) \(status.output.prefix(500))")
        try w.write("[[docker.engines]]\nname = \"far\"\nhost = \"tcp://10.0.0.1:70000\"\n", to: "workspace/vantage.toml")
        let configured = try ChildProcess.run([w.binary, "ps"], directory: w.root + "/workspace", environment: w.environment, timeout: 30)
        #expect(!Self.crashed(configured.status), "\(configured.output)")
        #expect(configured.output.contains("vantage.toml:3: field 'docker.engines[0].host': the Docker host 'tcp://10.0.0.1:70000' has port 70000, outside 1-65535"),
                "\(configured.output)")
        try FileManager.default.removeItem(atPath: w.root + "/workspace/vantage.toml")
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(TmuxSession.shellQuote(w.binary)) --root \(TmuxSession.shellQuote(w.root + "/workspace"))",
                                   environment: w.environment.merging(env) { $1 })
        let shown = try tmux.waitFor(timeout: 10) { $0.contains("Projects") }
        #expect(shown.ok, "\(shown.screen)")
        usleep(2_000_000)
        #expect(!(try tmux.screen()).contains("EXIT="), "the dashboard is still running")
    }

    /// After a crash the terminal is cooked again (echo, canonical input), the alternate screen is
    /// left, the cursor shows, and one line says where the crash report is.
    @Test(arguments: ["segv", "trap", "stack", "abort"])
    func aCrashGivesTheTerminalBack(how: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        let before = w.root + "/stty-before", after = w.root + "/stty-after"
        // Without the Swift runtime's own backtracer, which the handler would hand the signal on to
        // (it asks on the terminal before it exits, which a person can answer but a test cannot).
        let script = "stty -a > \(before); SWIFT_BACKTRACE=enable=no VANTAGE_DEBUG_CRASH=\(how) \(TmuxSession.shellQuote(w.binary)) --root \(TmuxSession.shellQuote(w.root + "/workspace")); echo STATUS=$?; stty -a > \(after)"
        let tmux = try TmuxSession(width: 100, height: 30, command: "sh -c \(TmuxSession.shellQuote(script))", environment: w.environment)
        let done = try tmux.waitFor(timeout: 30) { $0.contains("EXIT=") }
        #expect(done.ok, "\(done.screen)")
        let modesBefore = try String(contentsOfFile: before, encoding: .utf8)
        let modesAfter = try String(contentsOfFile: after, encoding: .utf8)
        #expect(modesAfter == modesBefore, "the terminal modes are restored")
        #expect(modesAfter.contains(" icanon") && modesAfter.contains(" echo "), "\(modesAfter)")
        #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{alternate_on} #{cursor_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0 1")
        let screen = done.screen
        #expect(screen.contains("vantage: crashed with SIG"), "\(screen)")
        let status = screen.split(separator: "\n").first { $0.hasPrefix("STATUS=") }.map { Int($0.dropFirst(7)) ?? 0 } ?? 0
        #expect(status >= 128, "the process still dies of the signal: \(screen)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: w.home).filter { $0.hasPrefix("crash-") }
        #expect(reports.count == 1, "\(reports)")
        if let report = reports.first {
            #expect(screen.replacingOccurrences(of: "\n", with: "").contains(report), "the line names the report")
            let text = try String(contentsOfFile: w.home + "/" + report, encoding: .utf8)
            #expect(text.hasPrefix("vantage crashed: SIG") && text.contains("backtrace"), "\(text.prefix(300))")
        }
    }

    @Test func aTerminalWithoutCursorAddressingIsRefusedNamingTERM() throws {
        let w = try Workspace()
        defer { w.remove() }
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(TmuxSession.shellQuote(w.binary)) --root \(TmuxSession.shellQuote(w.root + "/workspace"))",
                                   environment: w.environment.merging(["TERM": "dumb"]) { $1 })
        let done = try tmux.waitFor(timeout: 10) { $0.contains("EXIT=") }
        #expect(done.screen.contains("EXIT=2"), "\(done.screen)")
        #expect(done.screen.contains("TERM is \"dumb\", which cannot move the cursor"), "\(done.screen)")
    }

    /// `ESC ] 2 ; … BEL` in a log template set the terminal's title, `ESC [ 2 J` cleared the
    /// screen. On a terminal they are shown escaped; into a pipe the text is left as it is.
    @Test func controlSequencesInPrintedTextAreShownNotObeyed() throws {
        let w = try Workspace()
        defer { w.remove() }
        // Home and clear screen: words without digits, so they stay in the template (not <*>).
        let hostile = (1...20).map { "2026-11-25 10:00:0\($0 % 10) INFO user \($0) logged in \u{1B}[H\u{1B}[J now" }.joined(separator: "\n") + "\n"
        try w.write(hostile, to: "app.log")
        let tmux = try TmuxSession(width: 200, height: 40, command: "\(TmuxSession.shellQuote(w.binary)) analyze logs \(TmuxSession.shellQuote(w.root + "/app.log"))",
                                   environment: w.environment)
        let done = try tmux.waitFor(timeout: 20) { $0.contains("EXIT=") }
        #expect(done.screen.contains("logged in \\x1B[H\\x1B[J now"), "\(done.screen)")
        #expect(done.screen.contains("20 lines, 1 templates"), "nothing cleared the screen: \(done.screen)")
        // A value echoed in an error line: the title stays.
        let titled = try TmuxSession(width: 200, height: 10, command: "\(TmuxSession.shellQuote(w.binary)) --theme \"$(printf '\\033]2;pwned\\007')\"",
                                     environment: w.environment)
        let refused = try titled.waitFor(timeout: 20) { $0.contains("EXIT=") }
        #expect(refused.screen.contains("no theme named \"\\x1B]2;pwned\\x07\""), "\(refused.screen)")
        #expect(try titled.tmux(["display-message", "-p", "-t", titled.name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines) != "pwned")
        let piped = try w.run(["analyze", "logs", w.root + "/app.log"])
        #expect(piped.output.contains("logged in \u{1B}[H\u{1B}[J now"), "into a pipe the text is kept: \(piped.output.prefix(300).debugDescription)")
    }
}
