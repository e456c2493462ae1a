import Foundation
import Testing
import VantageCore

/// History survives a restart, on the real binary: a second console shows the first one's timeline
/// entries at their original times, the window key moves the sparklines to the stored hour, and
/// `vantage history export` prints what was stored as CSV and JSON.
@Suite(.serialized) struct HistoryEndToEndTests {
    static func environment(home: String) -> [String: String] {
        ["TERM": "tmux-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "VANTAGE_HOME": home, "TZ": "UTC",
         "XDG_CONFIG_HOME": home + "/config", "COLORTERM": "", "DOCKER_HOST": "unix://" + home + "/no-docker.sock",
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    static func console(_ binary: String, root: String, home: String) throws -> TmuxSession {
        try TmuxSession(width: 220, height: 50,
                        command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                        environment: environment(home: home))
    }

    @Test func aRestartedConsoleShowsTheEarlierTimelineAndTheExportHoldsMetricsAndTimeline() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vh-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        try FileManager.default.createDirectory(atPath: root + "/alpha", withIntermediateDirectories: true)
        try #"{"name": "alpha", "scripts": {"start": "node index.js"}}"#.write(toFile: root + "/alpha/package.json", atomically: true, encoding: .utf8)

        // First run: one project; samples are written once a second.
        do {
            let first = try Self.console(binary, root: root, home: home)
            #expect(try first.waitFor(timeout: 15) { $0.contains("1 project in") }.ok)
            usleep(3_500_000)
            try first.send("q")
            let quit = try first.waitFor(timeout: 20) { $0.contains("EXIT=0") }
            #expect(quit.ok, "the first console quits; screen:\n\(quit.screen)")
        }

        let csv = try ChildProcess.run([binary, "history", "export", "--since", "1h", "--format", "csv"],
                                       environment: Self.environment(home: home), stderr: .discarded, timeout: 60)
        #expect(csv.status == 0)
        let rows = csv.output.split(separator: "\n").map(String.init)
        #expect(rows.first == "time,record,project,name,value,samples,text")
        #expect(rows.contains { $0.contains(",metric,,system.cpu,") }, "machine CPU samples: \(csv.output.prefix(2000))")
        let scanRow = try #require(rows.first { $0.contains(",timeline,,scan,") && $0.contains("1 project in") }, "\(csv.output.prefix(2000))")
        #expect(rows.contains { $0.contains(",timeline,\(root)/alpha,detection,") }, "\(csv.output.prefix(4000))")
        // The first run's scan entry at its time, as the second console must show it (UTC, HH:MM:SS).
        let scanClock = String(scanRow.dropFirst(11).prefix(8))

        let json = try ChildProcess.run([binary, "history", "export", "--since", "1h", "--format", "json"],
                                        environment: Self.environment(home: home), stderr: .discarded, timeout: 60)
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], "\(json.output.prefix(500))")
        let metrics = try #require(document["metrics"] as? [[String: Any]])
        let timeline = try #require(document["timeline"] as? [[String: Any]])
        #expect(metrics.contains { $0["metric"] as? String == "system.cpu" && $0["minuteAverage"] as? Bool == false })
        #expect(timeline.contains { ($0["text"] as? String)?.contains("1 project in") == true })

        let refused = try ChildProcess.run([binary, "history", "export", "--since", "yesterday"],
                                           environment: Self.environment(home: home), stderr: .merged, timeout: 60)
        #expect(refused.status != 0)
        #expect(refused.output.contains("--since must be a positive whole number with s, m, h or d (like 90m, 24h or 7d), not \"yesterday\""),
                "\(refused.output)")

        // Second run, with a second project: its own scan says 2 projects, and the first run's
        // entry is there with its own time.
        try FileManager.default.createDirectory(atPath: root + "/beta", withIntermediateDirectories: true)
        try "[project]\nname = \"beta\"\n".write(toFile: root + "/beta/pyproject.toml", atomically: true, encoding: .utf8)
        let second = try Self.console(binary, root: root, home: home)
        let both = try second.waitFor(timeout: 15) { $0.contains("2 projects in") && $0.contains("1 project in") }
        #expect(both.ok, "the earlier run's scan is on the timeline; screen:\n\(both.screen)")
        let earlier = both.screen.split(separator: "\n").first { $0.contains("1 project in") }.map(String.init) ?? ""
        #expect(earlier.contains(scanClock), "shown at its original time \(scanClock): \(earlier)")
        #expect(both.screen.contains("system + alpha, 5 min") || both.screen.contains("system, 5 min"), "\(both.screen)")
        try second.send("w")
        let hour = try second.waitFor(timeout: 5) { $0.contains(", 1 h") }
        #expect(hour.ok, "the window key moves the Metrics pane to the last hour; screen:\n\(hour.screen)")
        try second.send("q")
        #expect(try second.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
