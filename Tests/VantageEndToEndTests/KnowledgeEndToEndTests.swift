import Foundation
import VantageCore
import Testing

/// The knowledge layer on the real screen: the graph's kind filter and the timeline's time
/// window change their pane titles, and a missing environment variable is fixed with one key
/// (F, y, Enter) from the Troubleshooting pane on a real project on disk.
@Suite(.serialized) struct KnowledgeEndToEndTests {
    static func environment(home: String) -> [String: String] {
        ["TERM": "tmux-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "VANTAGE_HOME": home,
         "XDG_CONFIG_HOME": home + "/config", "COLORTERM": ""]
    }

    @Test func graphKindKeyAndTimelineZoomKeyChangeTheTitles() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let home = NSTemporaryDirectory() + "vantage-e2e-knowledge-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(Binary.repositoryRoot + "/examples"))",
                                   environment: Self.environment(home: home))
        let graph = try tmux.waitFor(timeout: 10) { $0.contains("Graph (") && $0.contains(" nodes") }
        #expect(graph.ok, "the graph pane has nodes; screen:\n\(graph.screen)")
        try tmux.send("Tab")
        try tmux.send("Tab")                // Projects -> Metrics -> Graph
        try tmux.send("v")
        let projects = try tmux.waitFor(timeout: 5) { $0.contains("nodes, projects") }
        #expect(projects.ok, "v shows only projects and the title says so; screen:\n\(projects.screen)")
        try tmux.send("v")
        let languages = try tmux.waitFor(timeout: 5) { $0.contains("nodes, languages") }
        #expect(languages.ok, "v again: languages; screen:\n\(languages.screen)")
        try tmux.send("Tab")                // Timeline
        try tmux.send("+")
        let day = try tmux.waitFor(timeout: 5) { $0.contains("last 1 day)") }
        #expect(day.ok, "+ narrows the timeline to a day and the title says so; screen:\n\(day.screen)")
        try tmux.send("+")
        let hour = try tmux.waitFor(timeout: 5) { $0.contains("last 1 h)") }
        #expect(hour.ok, "+ again: an hour; screen:\n\(hour.screen)")
        try tmux.send("q")
        let exit = try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }
        #expect(exit.ok, "q quits cleanly; screen:\n\(exit.screen)")
    }

    @Test func aMissingVariableIsFilledFromTheExampleWithOneKey() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-fillenv-\(UUID().uuidString)"
        let home = root + "-home"
        let app = root + "/needs-db"
        try FileManager.default.createDirectory(atPath: app, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try "web: sh app.sh\n".write(toFile: app + "/Procfile", atomically: true, encoding: .utf8)
        try """
        if [ -z "$DATABASE_URL" ]; then echo "Error: DATABASE_URL is not set" >&2; exit 1; fi
        echo "connected to $DATABASE_URL"
        exec sleep 120

        """.write(toFile: app + "/app.sh", atomically: true, encoding: .utf8)
        try "# copy to .env\nDATABASE_URL=postgres://localhost:5432/app\n".write(toFile: app + "/.env.example", atomically: true, encoding: .utf8)
        let localEnv = "# local settings, keep me\nLOG_LEVEL=debug\n"
        try localEnv.write(toFile: app + "/.env", atomically: true, encoding: .utf8)

        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: Self.environment(home: home))
        let listed = try tmux.waitFor(timeout: 10) { $0.contains("needs-db") }
        #expect(listed.ok, "the project is listed; screen:\n\(listed.screen)")
        try tmux.send("s")                  // start it: it fails without DATABASE_URL
        for _ in 0..<4 { try tmux.send("Tab") }   // Troubleshooting, zoomed so whole lines show
        try tmux.send("z")
        let suggested = try tmux.waitFor(timeout: 20) {
            $0.contains("The environment variable DATABASE_URL is not set: fill env from other environment")
        }
        #expect(suggested.ok, "the troubleshooting pane suggests the fix; screen:\n\(suggested.screen)")
        try tmux.send("/")
        try tmux.send("-l", "DATABASE_URL is not set")
        try tmux.send("Enter")
        try tmux.send("F")
        let asked = try tmux.waitFor(timeout: 5) { $0.contains("to needs-db? y/n") }
        #expect(asked.ok, "F asks first; screen:\n\(asked.screen)")
        #expect(String(decoding: FileManager.default.contents(atPath: app + "/.env") ?? Data(), as: UTF8.self) == localEnv,
                "nothing is written before the answer")
        try tmux.send("y")
        let prompt = try tmux.waitFor(timeout: 5) { $0.contains("value of DATABASE_URL for needs-db") }
        #expect(prompt.ok, "y asks for the value; screen:\n\(prompt.screen)")
        try tmux.send("Enter")              // empty: from .env.example
        try tmux.send("BTab")               // the Timeline, zoomed
        let worked = try tmux.waitFor(timeout: 40) { $0.contains("needs-db fix worked: DATABASE_URL written to") }
        #expect(worked.ok, "the timeline reports the outcome; screen:\n\(worked.screen)")
        #expect(worked.screen.contains("needs-db applying write DATABASE_URL into"), "the start is on the timeline too")
        // The learned fix's first outcome shows as a one-point confidence sparkline under the problem.
        try tmux.send("Tab")
        let learned = try tmux.waitFor(timeout: 10) { screen in
            screen.split(separator: "\n").contains { $0.contains("DATABASE_URL is not set: fill env") && $0.range(of: #"%\) [▁▂▃▄▅▆▇█]"#, options: .regularExpression) != nil }
        }
        #expect(learned.ok, "the suggestion carries the learned confidence history; screen:\n\(learned.screen)")
        let written = String(decoding: FileManager.default.contents(atPath: app + "/.env") ?? Data(), as: UTF8.self)
        #expect(written == localEnv + "DATABASE_URL=postgres://localhost:5432/app\n")
        // The decision is remembered once, with its outcome, and the learned fix counts one success.
        let memory = try ChildProcess.run([binary, "memory", "list"], environment: ["VANTAGE_HOME": home, "PATH": "/usr/bin:/bin"], stderr: .discarded)
        #expect(memory.output.components(separatedBy: "write DATABASE_URL into").count - 1 == 1, "\(memory.output)")
        #expect(memory.output.contains("missing_env_variable -> fill_env_from_other_environment: 1 ok, 0 failed"), "\(memory.output)")
        let log = String(decoding: FileManager.default.contents(atPath: home + "/logs/needs-db.log") ?? Data(), as: UTF8.self)
        #expect(log.contains("connected to postgres://localhost:5432/app"), "the restarted project has the variable; log:\n\(log)")
        try tmux.send("q")
        _ = try tmux.waitFor(timeout: 10) { $0.contains("EXIT=") }
    }

    @Test func troubleshootFixFillsTheVariableFromTheCommandLineToo() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-fixcli-\(UUID().uuidString)"
        let home = root + "-home"
        let app = root + "/needs-token"
        try FileManager.default.createDirectory(atPath: app, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/logs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try "web: sh app.sh\n".write(toFile: app + "/Procfile", atomically: true, encoding: .utf8)
        try "echo hi\n".write(toFile: app + "/app.sh", atomically: true, encoding: .utf8)
        try "# keep\nA=1\n".write(toFile: app + "/.env", atomically: true, encoding: .utf8)
        try "2026-11-25T15:01:02.123Z out [vantage] started sh app.sh\n2026-11-25T15:01:02.200Z err Error: API_TOKEN is not set\n"
            .write(toFile: home + "/logs/needs-token.log", atomically: true, encoding: .utf8)
        let env = ["VANTAGE_HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

        // No value and no example: nothing is written, and the error says what to do.
        let missing = try ChildProcess.run(["/bin/sh", "-c", "\(TmuxSession.shellQuote(binary)) troubleshoot fix needs-token --yes --root \(TmuxSession.shellQuote(root)) 2>&1"],
                                           environment: env, stderr: .discarded)
        #expect(missing.status != 0)
        #expect(missing.output.contains("no value for API_TOKEN"), "\(missing.output)")
        #expect(String(decoding: FileManager.default.contents(atPath: app + "/.env") ?? Data(), as: UTF8.self) == "# keep\nA=1\n")

        let typed = try ChildProcess.run([binary, "troubleshoot", "fix", "needs-token", "--yes", "--value", "s3cr3t token", "--root", root],
                                         environment: env, stderr: .discarded)
        #expect(typed.status == 0, "\(typed.output)")
        #expect(typed.output.contains("API_TOKEN written to \(app)/.env (value typed); start needs-token to use it"), "\(typed.output)")
        #expect(String(decoding: FileManager.default.contents(atPath: app + "/.env") ?? Data(), as: UTF8.self)
                == "# keep\nA=1\nAPI_TOKEN=\"s3cr3t token\"\n")
        // The applied fix is remembered; the attempt that changed nothing is not.
        let memory = try ChildProcess.run([binary, "memory", "list"], environment: env, stderr: .discarded)
        #expect(memory.output.contains("missing_env_variable -> fill_env_from_other_environment: 1 ok, 0 failed"), "\(memory.output)")
    }
}
