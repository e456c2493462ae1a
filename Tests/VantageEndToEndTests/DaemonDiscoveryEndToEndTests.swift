import Foundation
import Testing
import VantageCore

/// Live discovery reaches every actor of the daemon, on the real binaries: a compose folder
/// created while the daemon runs is the compose launcher's (its `s` is answered by it, not "nothing
/// runs it"), and a project whose folder is deleted is stopped and forgotten by the supervisor.
@Suite(.serialized) struct DaemonDiscoveryEndToEndTests {
    @Test(.enabled(if: DaemonAttachEndToEndTests.has("python3"), "needs python3"))
    func aDeletedFolderIsStoppedAndForgottenAndANewComposeFolderIsTheComposeLaunchers() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vd-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        let fm = FileManager.default
        let port = Int.random(in: 20000...50000)
        try fm.createDirectory(atPath: root + "/web", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: home, withIntermediateDirectories: true)
        fm.createFile(atPath: home + "/daemon-test.log", contents: nil)
        try "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(port)]\n[readiness]\npath = \"/\"\n"
            .write(toFile: root + "/web/.vantage.toml", atomically: true, encoding: .utf8)
        let env = HistoryEndToEndTests.environment(home: home)
        let daemon = try DaemonAttachEndToEndTests.startDaemon(binary, root: root, home: home)
        defer {
            kill(daemon, SIGTERM)
            usleep(1_000_000)
            try? fm.removeItem(atPath: root)
            try? fm.removeItem(atPath: home)
        }
        try DaemonAttachEndToEndTests.waitForDaemon(binary, home: home)
        let tmux = try TmuxSession(width: 220, height: 50,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)); echo EXIT=$?",
                                   environment: env)
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("web") }.ok)

        // A compose folder appears: the compose launcher runs it (no engine here, so it says why).
        try fm.copyItem(atPath: Binary.repositoryRoot + "/examples/compose-stack", toPath: root + "/compose-stack")
        let found = try tmux.waitFor(timeout: 6) { $0.contains("compose-stack") }
        #expect(found.ok, "the compose folder is found live; screen:\n\(found.screen)")
        try tmux.send("Up")   // compose-stack sorts above web
        try tmux.send("s")
        let answered = try tmux.waitFor(timeout: 15) { $0.contains("is a compose project and cannot start") }
        #expect(answered.ok, "the compose launcher answers s on a folder found live; screen:\n\(answered.screen)")
        #expect(!answered.screen.contains("nothing in this Vantage runs it"), "\(answered.screen)")

        // A running project's folder is deleted: the supervisor stops it and forgets it.
        let launched = try ChildProcess.run([binary, "launch", "web"], environment: env, stderr: .merged, timeout: 60)
        #expect(launched.status == 0, "\(launched.output)")
        let ps = try ChildProcess.run([binary, "ps", "--json"], environment: env, stderr: .discarded, timeout: 10)
        let pid = try #require(QuitAndLaunchEndToEndTests.pid(of: "web", in: ps.output), "running: \(ps.output)")
        try fm.removeItem(atPath: root + "/web")
        var listed = true
        for _ in 0..<100 where listed {
            usleep(100_000)
            let now = try ChildProcess.run([binary, "ps", "--json"], environment: env, stderr: .discarded, timeout: 10)
            listed = now.output.contains("\"web\"")
        }
        #expect(!listed, "the supervisor no longer lists the deleted project")
        var alive = true
        for _ in 0..<100 where alive {
            alive = kill(pid, 0) == 0 && !((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.contains(") Z ") ?? true)
            if alive { usleep(100_000) }
        }
        #expect(!alive, "its process \(pid) was stopped, not left running unseen")
        let logs = try ChildProcess.run([binary, "launch", "web"], environment: env, stderr: .merged, timeout: 30)
        #expect(logs.status != 0 && logs.output.contains("no project called \"web\""), "\(logs.output)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok)
    }
}
