import Foundation
import VantageCore
import Testing

/// `vantage ps/logs/stop/launch/limit` on containers of a real engine, and a frozen engine that
/// must not hold the command line up. Uses the engine `scripts/test` starts
/// (`VANTAGE_TEST_DOCKER_HOST`) and a second one this suite starts and freezes itself.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["VANTAGE_TEST_DOCKER_HOST"] != nil
                              || ProcessInfo.processInfo.environment["CI"] == "true",
                              "no Docker engine (scripts/test starts one as root)"))
struct DockerCommandLineEndToEndTests {
    let host = ProcessInfo.processInfo.environment["VANTAGE_TEST_DOCKER_HOST"] ?? "unix:///nonexistent.sock"

    func docker(_ args: [String], host h: String? = nil) throws -> ChildProcess.Result {
        try ChildProcess.run(["docker", "-H", h ?? host] + args, stderr: .discarded)
    }

    func vantage(_ args: [String], dockerHost: String, stderr: ChildProcess.StandardError = .discarded) throws -> ChildProcess.Result {
        let bin = try #require(Binary.vantage)
        let home = NSTemporaryDirectory() + "vantage-e2e-docker-\(UUID().uuidString.prefix(8))"
        return try ChildProcess.run([bin] + args, environment: ["DOCKER_HOST": dockerHost, "VANTAGE_HOME": home,
                                                               "HOME": home, "PATH": "/usr/bin:/bin"], stderr: stderr)
    }

    /// pause/unpause act at once; kill and rm refuse without a terminal to ask on (standard input
    /// is /dev/null here) and act with --yes.
    @Test func pauseKillAndRemoveOnTheCommandLineAskFirst() throws {
        let name = "e2e-pk-\(UUID().uuidString.prefix(6).lowercased())"
        #expect(try docker(["run", "-d", "--pull=never", "--network", "none", "--name", name, "--label", "vantage.test=1",
                            "localhost/busybox:latest", "sh", "-c", "while :; do sleep 1; done"]).status == 0)
        defer { _ = try? docker(["rm", "-f", name]) }
        func status() throws -> String { try docker(["inspect", "-f", "{{.State.Status}}", name]).output.trimmingCharacters(in: .whitespacesAndNewlines) }

        let pause = try vantage(["pause", name], dockerHost: host)
        #expect(pause.status == 0 && pause.output.contains("\(name) on default: paused"), "\(pause.output)")
        #expect(try status() == "paused")
        let ps = try vantage(["ps", "--json"], dockerHost: host)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(ps.output.utf8)) as? [[String: Any]])
        #expect(rows.first { $0["name"] as? String == name }?["state"] as? String == "paused")
        #expect(try vantage(["unpause", name], dockerHost: host).status == 0)
        #expect(try status() == "running")

        let refused = try vantage(["kill", name], dockerHost: host, stderr: .merged)
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.output.contains("--yes"), "says how to confirm: \(refused.output)")
        #expect(try status() == "running", "nothing was killed")
        let killed = try vantage(["kill", name, "--yes"], dockerHost: host)
        #expect(killed.status == 0 && killed.output.contains("killed"), "\(killed.output)")
        #expect(try docker(["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name]).output.hasPrefix("exited 137"))

        #expect(try vantage(["rm", name], dockerHost: host, stderr: .merged).status == 2)
        #expect(try docker(["inspect", name]).status == 0, "still there")
        #expect(try vantage(["rm", name, "--yes"], dockerHost: host).status == 0)
        #expect(try docker(["inspect", name]).status != 0, "removed")
    }

    @Test func containersAreProjectsOnTheCommandLine() throws {
        let name = "e2e-\(UUID().uuidString.prefix(6).lowercased())"
        let run = try docker(["run", "-d", "--pull=never", "--network", "none", "--name", name, "--label", "vantage.test=1",
                              "localhost/busybox:latest", "sh", "-c", "trap 'exit 0' TERM; while :; do echo tick; echo oops >&2; sleep 0.3; done"])
        #expect(run.status == 0)
        defer { _ = try? docker(["rm", "-f", name]) }
        usleep(800_000)

        let ps = try vantage(["ps", "--json"], dockerHost: host)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(ps.output.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["name"] as? String == name }, "ps --json lists the container: \(ps.output)")
        #expect(row["kind"] as? String == "container")
        #expect(row["state"] as? String == "running")
        #expect((row["rss"] as? Double ?? 0) > 0)
        for key in ["pid", "ports", "cpu", "health", "restarts", "env"] { #expect(row[key] != nil, "ps --json has \(key)") }

        let logs = try vantage(["logs", name, "-n", "4"], dockerHost: host)
        #expect(logs.output.contains("out tick") && logs.output.contains("err oops"), "both streams: \(logs.output)")

        let limit = try vantage(["limit", name, "--memory", "48M", "--cpu", "0.5"], dockerHost: host)
        #expect(limit.status == 0, "\(limit.output)")
        let inspect = try docker(["inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}", name])
        #expect(inspect.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(48 << 20) 500000000")

        #expect(try vantage(["stop", name], dockerHost: host).status == 0)
        #expect(try docker(["inspect", "-f", "{{.State.Running}}", name]).output.hasPrefix("false"))
        #expect(try vantage(["launch", name], dockerHost: host).status == 0)
        #expect(try docker(["inspect", "-f", "{{.State.Running}}", name]).output.hasPrefix("true"))
    }

    @Test func aFrozenEngineDoesNotHoldTheCommandLineUp() throws {
        let base = "/tmp/vantage-docker-e2e-frozen"
        let script = Binary.repositoryRoot + "/scripts/docker-engine.sh"
        let start = try ChildProcess.run(["env", "BASE=\(base)", "SKIP_SMOKE=1", "bash", script, "start"], stderr: .discarded)
        #expect(start.status == 0, "the second engine starts: \(start.output.suffix(400))")
        defer { _ = try? ChildProcess.run(["env", "BASE=\(base)", "bash", script, "stop"], stderr: .discarded) }
        let pidText = try String(contentsOfFile: base + "/engine/dockerd.pid", encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        let began = Date()
        let ps = try vantage(["ps"], dockerHost: "unix://\(base)/docker.sock")
        let elapsed = Date().timeIntervalSince(began)
        kill(pid, SIGCONT)
        #expect(elapsed < 3, "vantage ps answers within 3 s with a frozen engine (took \(elapsed) s)")
        #expect(ps.output.contains("unreachable"), "and says the engine is unreachable: \(ps.output)")
    }

    @Test func theDashboardKeepsPaintingWhileAnEngineIsFrozen() throws {
        let base = "/tmp/vantage-docker-e2e-frozen"
        let script = Binary.repositoryRoot + "/scripts/docker-engine.sh"
        let start = try ChildProcess.run(["env", "BASE=\(base)", "SKIP_SMOKE=1", "bash", script, "start"], stderr: .discarded)
        #expect(start.status == 0)
        defer { _ = try? ChildProcess.run(["env", "BASE=\(base)", "bash", script, "stop"], stderr: .discarded) }
        let pid = try #require(Int32(try String(contentsOfFile: base + "/engine/dockerd.pid", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        let bin = try #require(Binary.vantage)
        let home = NSTemporaryDirectory() + "vantage-e2e-frozen-\(UUID().uuidString.prefix(8))"
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(bin)) --root \(TmuxSession.shellQuote(Binary.repositoryRoot + "/examples"))",
                                   environment: ["TERM": "tmux-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "VANTAGE_HOME": home,
                                                 "DOCKER_HOST": "unix://\(base)/docker.sock"])
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("docker: default") }.ok, "the engine has a row")
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        try tmux.send("r")   // refresh now: the frozen engine is asked and does not answer
        let unreachable = try tmux.waitFor(timeout: 8) { $0.contains("unreachable since") }
        #expect(unreachable.ok, "the engine row says since when it is unreachable:\n\(unreachable.screen)")
        // The screen is alive: the clock in the footer moves and keys are answered at once.
        let footer = { (screen: String) in screen.split(separator: "\n").last.map(String.init) ?? "" }
        let before = footer(try tmux.screen())
        let moved = try tmux.waitFor(timeout: 3) { footer($0) != before }
        #expect(moved.ok, "the footer clock keeps moving")
        try tmux.send("Tab")
        let focused = try tmux.waitFor(timeout: 1) { $0.contains("Metrics") && $0.contains("CPU") }
        #expect(focused.ok)
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("EXIT=0") }.ok, "q still quits cleanly")
    }
}
