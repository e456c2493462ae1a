import Foundation
import Testing
import VantageCore

/// An alert rule of `vantage.toml` on the real binary (issue 16 §6): a project that keeps a core
/// busy trips `cpu > 5% for 2s`; Troubleshooting shows the warning and the timeline says it fired;
/// stopping the project resolves it (the warning leaves Troubleshooting, the timeline says so).
@Suite(.serialized) struct AlertEndToEndTests {
    @Test func aBusyProjectFiresTheCPUAlertAndStoppingItResolvesIt() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-alert-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/busy", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "[[alerts]]\nwhen = \"cpu > 5% for 2s\"\n".write(toFile: root + "/vantage.toml", atomically: true, encoding: .utf8)
        try "command = \"sh -c 'while :; do :; done'\"\n".write(toFile: root + "/busy/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("busy") && $0.contains("stopped") }.ok)
        try tmux.send("s")
        let fired = try tmux.waitFor(timeout: 30) { $0.contains("WRN alert: cpu > 5% for 2s") && $0.contains("busy fired: cpu > 5%") }
        #expect(fired.ok, "the warning in Troubleshooting and the fired entry on the timeline; screen:\n\(fired.screen)")
        try tmux.send("x")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Stop busy?") }.ok)
        try tmux.send("y")
        let resolved = try tmux.waitFor(timeout: 30) { $0.contains("busy resolved: cpu > 5%") && !$0.contains("WRN alert: cpu > 5%") }
        #expect(resolved.ok, "the resolution on the timeline, the warning gone; screen:\n\(resolved.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    /// `[[notify]]` on the real binary: the fired alert reaches a real HTTP receiver (python3's
    /// http.server) through the URL kept in the secret store, and an entry whose secret was never
    /// set becomes a warning in Troubleshooting instead of a silent loss.
    @Test func aFiredAlertIsPostedToTheReceiverAndAMissingSecretIsShown() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-notify-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/busy", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let received = root + "-received.jsonl", portFile = root + "-port"
        defer { try? FileManager.default.removeItem(atPath: received); try? FileManager.default.removeItem(atPath: portFile) }
        let receiver = Process()
        receiver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        receiver.arguments = ["python3", "-c", """
            import http.server, os, sys
            class H(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers.get("content-length", "0")))
                    with open(sys.argv[1], "ab") as f: f.write(self.path.encode() + b" " + body + b"\\n")
                    self.send_response(204); self.end_headers()
                def log_message(self, *a): pass
            s = http.server.HTTPServer(("127.0.0.1", 0), H)
            open(sys.argv[2] + ".tmp", "w").write(str(s.server_address[1])); os.rename(sys.argv[2] + ".tmp", sys.argv[2])
            s.serve_forever()
            """, received, portFile]
        try receiver.run()
        defer { kill(receiver.processIdentifier, SIGKILL); receiver.waitUntilExit() }
        var port: String?
        for _ in 0..<200 where port == nil {
            port = try? String(contentsOfFile: portFile, encoding: .utf8)
            if port == nil { usleep(50_000) }
        }
        let receiverPort = try #require(port, "the python3 receiver did not start")
        let environment = QuitAndLaunchEndToEndTests.environment(home: home)
        let stored = try ChildProcess.run(["/bin/sh", "-c", "printf %s \"$URL\" | \"$VANTAGE\" secret set @notify HOOK"],
                                          environment: environment.merging(["URL": "http://127.0.0.1:\(receiverPort)/hooks/T0KEN", "VANTAGE": binary]) { $1 },
                                          timeout: 30)
        #expect(stored.status == 0, "\(stored.output)")
        try """
            [[alerts]]
            when = "cpu > 5% for 2s"

            [[notify]]
            kind = "webhook"
            url_secret = "HOOK"
            events = ["alert"]

            [[notify]]
            kind = "slack"
            url_secret = "NEVER_SET"
            events = ["alert"]
            """.write(toFile: root + "/vantage.toml", atomically: true, encoding: .utf8)
        try "command = \"sh -c 'while :; do :; done'\"\n".write(toFile: root + "/busy/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 160, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: environment)
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("busy") && $0.contains("stopped") }.ok)
        try tmux.send("s")
        let shown = try tmux.waitFor(timeout: 30) { $0.contains("WRN notify: the slack alert notification") }
        #expect(shown.ok, "the entry without its secret is a warning in Troubleshooting; screen:\n\(shown.screen)")
        var posted = ""
        for _ in 0..<100 {
            posted = (try? String(contentsOfFile: received, encoding: .utf8)) ?? ""
            if !posted.isEmpty { break }
            usleep(100_000)
        }
        #expect(posted.hasPrefix("/hooks/T0KEN {"), "the POST went to the URL of the secret: \(posted)")
        #expect(posted.contains(#""kind":"alert","project":"busy","source":"vantage""#), "\(posted)")
        #expect(posted.contains(#""text":"fired: cpu > 5% for 2s ("#), "\(posted)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func aBadRuleStopsTheStartWithFileLineAndField() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-alert-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: root + "-home") }
        try FileManager.default.createDirectory(atPath: root + "-home", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "[[alerts]]\nwhen = \"cpu > inf for 2m\"\n".write(toFile: root + "/vantage.toml", atomically: true, encoding: .utf8)
        let run = try ChildProcess.run([binary, "daemon", "--root", root], environment: HistoryEndToEndTests.environment(home: root + "-home"),
                                       stderr: .merged, timeout: 20)
        #expect(run.status != 0)
        #expect(run.output.contains("vantage.toml:2: field 'alerts[0].when'") && run.output.contains("is not a number"), "\(run.output)")
    }
}
