import Foundation
import Testing
import VantageCore

/// The console attached to a running `vantage daemon`, on the real binaries: it shows the daemon's
/// projects, its keys act through the daemon, the daemon records the timeline and metrics, and a
/// new project folder shows up within 2 s, a daemon killed with SIGKILL is shown at once and attached again when it is back (its project
/// adopted, not started twice).
@Suite(.serialized) struct DaemonAttachEndToEndTests {
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static func startDaemon(_ binary: String, root: String, home: String) throws -> Int32 {
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: binary)
        daemon.arguments = ["daemon", "--root", root]
        var env = HistoryEndToEndTests.environment(home: home)
        env["TERM"] = nil
        daemon.environment = env
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle(forWritingAtPath: home + "/daemon-test.log") ?? FileHandle.nullDevice
        try daemon.run()
        return daemon.processIdentifier
    }

    static func waitForDaemon(_ binary: String, home: String) throws {
        for _ in 0..<200 {
            let ps = try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home),
                                          stderr: .discarded, timeout: 10)
            if ps.status == 0 { return }
            usleep(50_000)
        }
        Issue.record("the daemon did not answer")
    }

    @Test(.enabled(if: has("python3"), "needs python3"))
    func anAttachedConsoleActsThroughTheDaemonAndReattachesAfterKill9() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "va-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        let port = Int.random(in: 20000...50000)
        try FileManager.default.createDirectory(atPath: root + "/web", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: home + "/daemon-test.log", contents: nil)
        try "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(port)]\n[readiness]\npath = \"/\"\n[env.staging]\nSTAGE = \"1\"\n"
            .write(toFile: root + "/web/.vantage.toml", atomically: true, encoding: .utf8)
        var daemon = try Self.startDaemon(binary, root: root, home: home)
        defer {
            kill(daemon, SIGTERM)
            usleep(1_500_000)
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        try Self.waitForDaemon(binary, home: home)

        let tmux = try TmuxSession(width: 220, height: 50,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)); echo EXIT=$?",
                                   environment: HistoryEndToEndTests.environment(home: home))
        let shown = try tmux.waitFor(timeout: 10) { $0.contains("web") && $0.contains("1 project in") }
        #expect(shown.ok, "the attached console shows the daemon's projects and timeline; screen:\n\(shown.screen)")
        // Live discovery: a new project folder shows up within 2 s, without a restart.
        try FileManager.default.createDirectory(atPath: root + "/fresh", withIntermediateDirectories: true)
        try #"{"name": "fresh", "scripts": {"start": "node index.js"}}"#.write(toFile: root + "/fresh/package.json", atomically: true, encoding: .utf8)
        let found = try tmux.waitFor(timeout: 4) { $0.contains("fresh") }
        #expect(found.ok, "the new folder is found; screen:\n\(found.screen)")
        #expect(found.elapsed <= 2.0, "within 2 s (took \(found.elapsed) s)")
        try tmux.send("s")
        let ready = try tmux.waitFor(timeout: 30) { $0.contains("ready") }
        #expect(ready.ok, "s starts the project through the daemon; screen:\n\(ready.screen)")
        // e while attached: the daemon's environments are listed, and the switch is carried out there.
        try tmux.send("e")
        let environments = try tmux.waitFor(timeout: 15) { $0.contains("environment for web, now development, one of development, staging") }
        #expect(environments.ok, "e lists the daemon's environments; screen:\n\(environments.screen)")
        try tmux.send("-l", "staging")
        try tmux.send("Enter")
        try tmux.send("Enter")
        let switched = try tmux.waitFor(timeout: 30) { $0.contains("staging (has development and staging)") }
        #expect(switched.ok, "the daemon now runs web in staging; screen:\n\(switched.screen)")
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 30) { $0.contains("ready") }.ok, "ready again in staging")
        let ps = try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home),
                                      stderr: .discarded, timeout: 10)
        let pid = try #require(QuitAndLaunchEndToEndTests.pid(of: "web", in: ps.output), "the daemon runs it: \(ps.output)")

        // kill -9: the console says so within a second.
        kill(daemon, SIGKILL)
        let gone = try tmux.waitFor(timeout: 1.5) { $0.contains("disconnected since") && $0.contains("retrying") }
        #expect(gone.ok, "the console says the daemon went away; screen:\n\(gone.screen)")
        #expect(gone.elapsed <= 1.0, "within 1 s (took \(gone.elapsed) s)")
        // A new daemon adopts the project; the console attaches again.
        daemon = try Self.startDaemon(binary, root: root, home: home)
        try Self.waitForDaemon(binary, home: home)
        let back = try tmux.waitFor(timeout: 10) { !$0.contains("disconnected since") && $0.contains("ready") }
        #expect(back.ok, "attached again; screen:\n\(back.screen)")
        let after = try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home),
                                         stderr: .discarded, timeout: 10)
        #expect(QuitAndLaunchEndToEndTests.pid(of: "web", in: after.output) == pid, "adopted, not started twice: \(after.output)")

        // The daemon records: the export holds its samples and the state changes.
        let csv = try ChildProcess.run([binary, "history", "export", "--since", "1h"], environment: HistoryEndToEndTests.environment(home: home),
                                       stderr: .discarded, timeout: 60)
        #expect(csv.output.contains(",metric,\(root)/web,project.cpu,"), "\(csv.output.prefix(3000))")
        #expect(csv.output.contains(",timeline,\(root)/web,state,"), "\(csv.output.prefix(3000))")

        // F and c→y while attached say what they can do, never nothing.
        try tmux.send("Tab", "Tab", "Tab", "Tab")
        try tmux.send("F")
        // The pane holds the unreachable Docker engine's error (DOCKER_HOST names no engine), or nothing yet.
        let fix = try tmux.waitFor(timeout: 5) { $0.contains("no automatic fix for this problem") || $0.contains("fix: no problem selected") }
        #expect(fix.ok, "F in Troubleshooting says what it can do; screen:\n\(fix.screen)")
        try tmux.send("c")
        try tmux.send("y")
        let council = try tmux.waitFor(timeout: 5) { $0.contains("no proposal to answer") }
        #expect(council.ok, "y in the council without a proposal says so; screen:\n\(council.screen)")
        try tmux.send("c")

        // Quitting the attached console leaves the project running under the daemon.
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok)
        #expect(kill(pid, 0) == 0, "still running after the console quit")
    }

    /// The daemon finds projects with the one detector: every bundled example plus the detector's
    /// Gradle and PHP fixtures, each listed by `vantage ps --json` with its kind. The compose
    /// example, run by the compose launcher rather than the supervisor, is listed too; with no
    /// Docker engine to run it (DOCKER_HOST points at nothing) its row says why.
    @Test func theDaemonListsEveryBundledKindWithGradleAndPHP() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vk-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        let fm = FileManager.default
        try fm.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: home + "/daemon-test.log", contents: nil)
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        let examples = Binary.repositoryRoot + "/examples"
        for name in try fm.contentsOfDirectory(atPath: examples) where name != "README.md" {
            try fm.copyItem(atPath: examples + "/" + name, toPath: root + "/" + name)
        }
        let fixtures = Binary.repositoryRoot + "/Tests/VantageDetectorTests/Fixtures/scan-tree"
        for name in ["gradle-kotlin", "php-app"] { try fm.copyItem(atPath: fixtures + "/" + name, toPath: root + "/" + name) }
        let daemon = try Self.startDaemon(binary, root: root, home: home)
        defer {
            kill(daemon, SIGTERM)
            usleep(500_000)
            try? fm.removeItem(atPath: root)
            try? fm.removeItem(atPath: home)
        }
        try Self.waitForDaemon(binary, home: home)
        let ps = try ChildProcess.run([binary, "ps", "--json"], environment: HistoryEndToEndTests.environment(home: home),
                                      stderr: .discarded, timeout: 10)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(ps.output.utf8)) as? [[String: Any]], "\(ps.output)")
        let kinds = Dictionary(uniqueKeysWithValues: rows.compactMap { r in (r["name"] as? String).map { ($0, r["kind"] as? String ?? "") } })
        #expect(kinds == ["compose-stack": "compose", "go-service": "go", "gradle-kotlin": "gradle", "java-maven": "java", "node-api": "node",
                          "procfile-app": "procfile", "python-web": "python", "rust-cli": "rust", "shop": "php", "swift-tool": "swift"], "\(ps.output)")
        let compose = try #require(rows.first { $0["kind"] as? String == "compose" }, "\(ps.output)")
        #expect(compose["state"] as? String == "stopped")
        #expect((compose["reason"] as? String ?? "").contains("no Docker engine answers"), "the row says why it cannot run: \(compose)")
        let log = (try? String(contentsOfFile: home + "/daemon-test.log", encoding: .utf8)) ?? ""
        #expect(log.contains("10 projects"), "the daemon reports what it found: \(log)")
    }

    /// `vantage daemon install` writes the systemd user unit; with no systemd to enable it (no
    /// systemctl on the PATH) it prints the unit and says why, and `--print` writes nothing.
    @Test func daemonInstallWritesTheUnitAndSaysWhyItIsNotEnabledWithoutSystemd() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let base = NSTemporaryDirectory() + "vi-\(UUID().uuidString.prefix(6))"
        let root = base + "/my projects"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        // A PATH with the shell tools only: no systemctl.
        let bin = base + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let env = ["HOME": base + "/home", "XDG_CONFIG_HOME": base + "/config", "VANTAGE_HOME": base + "/vantage-home", "PATH": bin]
        let unitFile = base + "/config/systemd/user/vantage.service"

        let printed = try ChildProcess.run([binary, "daemon", "install", "--root", root, "--print"], environment: env, stderr: .merged, timeout: 30)
        #expect(printed.status == 0, "\(printed.output)")
        #expect(printed.output.contains("ExecStart=\(binary) daemon --root \"\(root)\""), "a root with a space is quoted: \(printed.output)")
        #expect(!FileManager.default.fileExists(atPath: unitFile), "--print writes nothing")

        let installed = try ChildProcess.run([binary, "daemon", "install", "--root", root], environment: env, stderr: .merged, timeout: 30)
        #expect(installed.status == 0, "\(installed.output)")
        let unit = try String(contentsOfFile: unitFile, encoding: .utf8)
        #expect(unit.contains("[Service]") && unit.contains("KillMode=process") && unit.contains("WantedBy=default.target"), "\(unit)")
        #expect(unit.contains("Environment=VANTAGE_HOME=\(base)/vantage-home"), "\(unit)")
        #expect(installed.output.contains("wrote \(unitFile)"), "\(installed.output)")
        #expect(installed.output.contains("not enabled: systemctl is not installed (this system does not run systemd)"), "\(installed.output)")
        #expect(installed.output.contains(unit), "the unit is printed for another init: \(installed.output)")
    }
}
