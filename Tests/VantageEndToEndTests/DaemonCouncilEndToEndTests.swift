import Foundation
import Testing
import VantageCore

/// The council while the console is attached to a running daemon, on the real binaries: a project
/// that crashed once gets a real proposal from the daemon's council, `y` accepts it, the daemon
/// carries it out (a restart), and the proposal's outcome comes back to the attached screen.
@Suite(.serialized) struct DaemonCouncilEndToEndTests {
    @Test(.enabled(if: DaemonAttachEndToEndTests.has("python3"), "needs python3"))
    func acceptingTheDaemonsProposalWhileAttachedRestartsTheProjectAndReportsTheOutcome() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vc-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        let port = Int.random(in: 20000...50000)
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/flaky", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: home, withIntermediateDirectories: true)
        fm.createFile(atPath: home + "/daemon-test.log", contents: nil)
        // The first start crashes (exit 3); every later start serves. So the project restarts once,
        // and the reliability advisor proposes "restart with backoff".
        let script = "if [ -f crashed-once ]; then exec python3 -m http.server $PORT --bind 127.0.0.1; else touch crashed-once; echo boom >&2; exit 3; fi"
        try "command = \"sh -c '\(script)'\"\nports = [\(port)]\n[readiness]\npath = \"/\"\n[restart]\nbackoff = 0.2\n"
            .write(toFile: root + "/flaky/.vantage.toml", atomically: true, encoding: .utf8)
        let daemon = try DaemonAttachEndToEndTests.startDaemon(binary, root: root, home: home)
        defer {
            kill(daemon, SIGTERM)
            usleep(1_500_000)
            try? fm.removeItem(atPath: root)
            try? fm.removeItem(atPath: home)
        }
        try DaemonAttachEndToEndTests.waitForDaemon(binary, home: home)

        let tmux = try TmuxSession(width: 200, height: 50,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)); echo EXIT=$?",
                                   environment: HistoryEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("flaky") && $0.contains("1 project in") }.ok, "attached")
        try tmux.send("s")
        let ready = try tmux.waitFor(timeout: 30) { $0.contains("ready") }
        #expect(ready.ok, "it crashed once, was restarted and is ready; screen:\n\(ready.screen)")
        #expect(fm.fileExists(atPath: root + "/flaky/crashed-once"), "the first start really crashed")

        // c opens the council; r asks the daemon's council to deliberate now.
        try tmux.send("c")
        try tmux.send("r")
        let proposed = try tmux.waitFor(timeout: 15) { $0.contains("flaky: restart with backoff (reliability)") }
        #expect(proposed.ok, "the daemon's council proposes a restart; screen:\n\(proposed.screen)")
        #expect(proposed.screen.contains("waiting for your answer"), "not answered yet; screen:\n\(proposed.screen)")
        let before = try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home),
                                          stderr: .discarded, timeout: 10)
        let pid = try #require(QuitAndLaunchEndToEndTests.pid(of: "flaky", in: before.output), "\(before.output)")

        try tmux.send("y")
        let worked = try tmux.waitFor(timeout: 30) { $0.contains("restart with backoff (reliability) [worked]") }
        #expect(worked.ok, "accepting carries the restart out on the daemon and the outcome comes back; screen:\n\(worked.screen)")
        let after = try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home),
                                         stderr: .discarded, timeout: 10)
        let restarted = try #require(QuitAndLaunchEndToEndTests.pid(of: "flaky", in: after.output), "\(after.output)")
        #expect(restarted != pid, "the daemon restarted it (pid \(pid) → \(restarted))")

        // A second y: a vote counts once, and the screen says so.
        try tmux.send("y")
        let once = try tmux.waitFor(timeout: 5) { $0.contains("already answered") }
        #expect(once.ok, "a second y is refused with a reason; screen:\n\(once.screen)")

        // The decision and its outcome are on the daemon's timeline.
        let csv = try ChildProcess.run([binary, "history", "export", "--since", "1h"], environment: HistoryEndToEndTests.environment(home: home),
                                       stderr: .discarded, timeout: 60)
        #expect(csv.output.contains("council: restart with backoff for flaky accepted by user"), "\(csv.output.suffix(3000))")
        #expect(csv.output.contains("council: restart with backoff for flaky worked"), "\(csv.output.suffix(3000))")
        try tmux.send("c")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Council of advisors") }.ok, "c closes the council")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok, "the attached console quits and leaves the daemon running")
    }
}
