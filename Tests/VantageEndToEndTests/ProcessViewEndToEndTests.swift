import Foundation
import Testing
import VantageCore

/// The process view on the real binary (issue 12 §7): `T` on a running project lists its process
/// tree; `s` opens the signal chooser, USR1 and Enter send it to the project's shell, whose trap
/// prints a marker into the project's log; the footer says the signal was sent.
@Suite(.serialized) struct ProcessViewEndToEndTests {
    /// In the open process view: `s` opens the signal chooser on TERM, four steps down reach USR1,
    /// Enter sends it, and the footer says so (`why` explains who answers).
    static func sendUSR1(_ tmux: TmuxSession, _ why: String) throws {
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("> SIGTERM") }.ok, "the chooser opens on TERM")
        try tmux.send("j", "j", "j", "j")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("> SIGUSR1") }.ok)
        try tmux.send("Enter")
        let sent = try tmux.waitFor(timeout: 10) { $0.range(of: #"sent SIGUSR1 to \d+ \("#, options: .regularExpression) != nil }
        #expect(sent.ok, "\(why); screen:\n\(sent.screen)")
    }

    @Test func tListsTheTreeAndUsr1ReachesTheProjectsTrap() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-procs-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/trapper", withIntermediateDirectories: true)
        // The shell traps USR1; its child `sleep 30` shows as a branch of the tree.
        try "command = \"trap 'echo usr1-marker-seen' USR1; while :; do sleep 30 & wait; done\"\n"
            .write(toFile: root + "/trapper/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("trapper") }.ok)
        // Stopped: the view says why there is nothing to show.
        try tmux.send("T")
        let stopped = try tmux.waitFor(timeout: 5) { $0.contains("trapper is stopped: it has no processes to show") }
        #expect(stopped.ok, "screen:\n\(stopped.screen)")
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 30) { $0.contains("1 up") }.ok, "trapper runs")
        try tmux.send("T")
        let tree = try tmux.waitFor(timeout: 20) { $0.contains("Processes of trapper: 2 processes") && $0.contains("└─ sleep 30") }
        #expect(tree.ok, "the shell and its sleep; screen:\n\(tree.screen)")
        #expect(tree.screen.contains("PID  CPU%    RSS  THR  UPTIME  COMMAND"), "screen:\n\(tree.screen)")
        try Self.sendUSR1(tmux, "the footer says it was sent")
        // The trap ran: its marker is in the project's log, and the log viewer shows it.
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Processes of trapper") }.ok, "Esc closes the view")
        try tmux.send("L")
        let marker = try tmux.waitFor(timeout: 15) { $0.contains("usr1-marker-seen") }
        #expect(marker.ok, "screen:\n\(marker.screen)")
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("usr1-marker-seen") }.ok, "Esc closes the log viewer")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    /// The same on a console attached to a `vantage daemon`: the tree comes from the daemon's
    /// monitor and the signal is sent by the daemon's supervisor, which owns the project; the trap's
    /// marker reaches the daemon's log of the project.
    @Test func onAnAttachedConsoleTheDaemonListsTheTreeAndSendsTheSignal() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "va-procs-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        try FileManager.default.createDirectory(atPath: root + "/trapper", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: home + "/daemon-test.log", contents: nil)
        try "command = \"trap 'echo usr1-marker-seen' USR1; while :; do sleep 30 & wait; done\"\n"
            .write(toFile: root + "/trapper/.vantage.toml", atomically: true, encoding: .utf8)
        let daemon = try DaemonAttachEndToEndTests.startDaemon(binary, root: root, home: home)
        defer {
            kill(daemon, SIGTERM)
            usleep(1_500_000)
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        try DaemonAttachEndToEndTests.waitForDaemon(binary, home: home)
        let launched = try ChildProcess.run([binary, "launch", "trapper"], environment: HistoryEndToEndTests.environment(home: home), timeout: 30)
        #expect(launched.status == 0, "\(launched.output)")
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)); echo EXIT=$?",
                                   environment: HistoryEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("trapper") && $0.contains("1 up") }.ok, "attached, the daemon's project runs")
        try tmux.send("T")
        let tree = try tmux.waitFor(timeout: 20) { $0.contains("Processes of trapper: 2 processes") && $0.contains("└─ sleep 30") }
        #expect(tree.ok, "the daemon's monitor lists the shell and its sleep; screen:\n\(tree.screen)")
        try Self.sendUSR1(tmux, "the daemon answers that it sent it")
        var logged = ""
        for _ in 0..<100 {
            logged = (try? ChildProcess.run([binary, "logs", "trapper"], environment: HistoryEndToEndTests.environment(home: home), timeout: 10).output) ?? ""
            if logged.contains("usr1-marker-seen") { break }
            usleep(100_000)
        }
        #expect(logged.contains("usr1-marker-seen"), "the trap ran in the daemon's project: \(logged)")
        // Esc, then q only once the view has closed: Esc followed at once by q reads as Meta-q.
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Processes of trapper") }.ok, "Esc closes the view")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
        #expect(kill(daemon, 0) == 0, "quitting the attached console leaves the daemon running")
    }
}

