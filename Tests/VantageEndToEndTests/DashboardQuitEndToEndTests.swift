import Foundation
import Testing
import VantageCore

/// The quit question on the real binary: with a project the console started still running and
/// `--on-exit ask`, `q` asks on screen; `n` stays, `s` stops the project, `k` hands it to a daemon.
@Suite(.serialized) struct DashboardQuitEndToEndTests {
    struct Workspace {
        let root: String, home: String, port: Int
        init() throws {
            root = NSTemporaryDirectory() + "vantage-e2e-quit-\(UUID().uuidString.prefix(8))"
            home = root + "-home"
            port = Int.random(in: 20000...50000)
            try FileManager.default.createDirectory(atPath: root + "/served", withIntermediateDirectories: true)
            try "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(port)]\n[readiness]\npath = \"/\"\n"
                .write(toFile: root + "/served/.vantage.toml", atomically: true, encoding: .utf8)
        }
        func remove() {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    static func start(_ w: Workspace, onExit: String?) throws -> TmuxSession {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let option = onExit.map { " --on-exit \($0)" } ?? ""
        let tmux = try TmuxSession(width: 120, height: 40, command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(w.root))\(option)",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: w.home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("served") }.ok)
        try tmux.send("s")
        let ready = try tmux.waitFor(timeout: 30) { $0.contains("ready") }
        #expect(ready.ok, "the project is ready; screen:\n\(ready.screen)")
        return tmux
    }

    static func pid(_ w: Workspace) throws -> Int32? {
        let ps = try QuitAndLaunchEndToEndTests.cli(["ps", "--json"], home: w.home, stderr: .discarded)
        return QuitAndLaunchEndToEndTests.pid(of: "served", in: ps.output)
    }

    @Test(.enabled(if: QuitAndLaunchEndToEndTests.has("python3"), "needs python3"))
    func quitAsksOnScreenNCancelsAndSStopsTheProject() throws {
        let w = try Workspace()
        defer { w.remove() }
        let tmux = try Self.start(w, onExit: "ask")
        let pid = try #require(try Self.pid(w))
        try tmux.send("q")
        let asked = try tmux.waitFor(timeout: 10) { $0.contains("served is still running.") }
        #expect(asked.ok, "the question is on the screen, not after it; screen:\n\(asked.screen)")
        #expect(asked.screen.contains("s  stop it, then quit") && asked.screen.contains("k  keep it running under a Vantage daemon"))
        #expect(asked.screen.contains("n  cancel: stay here"))
        try tmux.send("n")
        let stayed = try tmux.waitFor(timeout: 10) { $0.contains("not quitting; the projects keep running here") }
        #expect(stayed.ok && !stayed.screen.contains("EXIT="), "n cancels; screen:\n\(stayed.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("served is still running.") }.ok)
        try tmux.send("s")
        let closed = try tmux.waitFor(timeout: 30) { $0.contains("EXIT=0") }
        #expect(closed.ok, "s quits; screen:\n\(closed.screen)")
        #expect(!closed.screen.contains("still running. Stop"), "nothing is asked on the terminal after the screen closed")
        #expect(!closed.screen.contains("kept running"))
        var gone = false
        for _ in 0..<50 where !gone { gone = kill(pid, 0) != 0; if !gone { usleep(100_000) } }
        #expect(gone, "the project's process was stopped")
    }

    @Test(.enabled(if: QuitAndLaunchEndToEndTests.has("python3"), "needs python3"))
    func kInTheQuestionHandsTheProjectToADaemon() throws {
        let w = try Workspace()
        var daemonPid: Int32?
        defer {
            if let daemonPid { kill(daemonPid, SIGTERM) }
            usleep(1_500_000)
            w.remove()
        }
        // No --on-exit and no setting: ask is the default.
        let tmux = try Self.start(w, onExit: nil)
        let pid = try #require(try Self.pid(w))
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("served is still running.") }.ok)
        try tmux.send("k")
        let handed = try tmux.waitFor(timeout: 30) { $0.contains("kept running under the Vantage daemon") && $0.contains("EXIT=0") }
        #expect(handed.ok, "screen:\n\(handed.screen)")
        daemonPid = handed.screen.range(of: #"pid (\d+), log"#, options: .regularExpression)
            .flatMap { Int32(handed.screen[$0].dropFirst(4).prefix { $0.isNumber }) }
        #expect(try Self.pid(w) == pid, "adopted, not restarted")
        #expect(kill(pid, 0) == 0)
    }
}
