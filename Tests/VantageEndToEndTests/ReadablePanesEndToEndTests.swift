import Foundation
import Testing
import VantageCore

/// Readable panes on the real binary (issue 12 §4/§5): the Restarts column says "-" for a project
/// nothing supervised yet, the selected project's series are labelled CPU and RSS with the project
/// in the Metrics title, a zoomed Troubleshooting entry wraps, a stopped project's RSS reads "n/a"
/// (not 0B beside its bars), and a supervised stop leaves no "external → stopped" in the store.
@Suite(.serialized) struct ReadablePanesEndToEndTests {
    static let message = "Error: the settings file names a database host db.internal.example that does not resolve, so no connection "
        + "was made; set DATABASE_HOST to a reachable host"

    @Test func restartsMetricsWrappedProblemsAndAStopAsTheyAre() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-panes-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/web", withIntermediateDirectories: true)
        try "#!/bin/sh\necho '\(Self.message)' >&2\nexec sleep 1000\n".write(toFile: root + "/web/run.sh", atomically: true, encoding: .utf8)
        chmod(root + "/web/run.sh", 0o755)
        try "command = \"./run.sh\"\n".write(toFile: root + "/web/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 200, height: 50,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        let first = try tmux.waitFor(timeout: 10) { $0.contains("Restarts") && $0.contains("│▶web") }
        #expect(first.ok, "screen:\n\(first.screen)")
        #expect(Self.restarts(in: first.screen) == "-", "nothing supervised it yet; screen:\n\(first.screen)")

        try tmux.send("s")
        let running = try tmux.waitFor(timeout: 30) { $0.contains("running") && Self.restarts(in: $0) == "0" }
        #expect(running.ok, "running under the supervisor, restarted 0 times; screen:\n\(running.screen)")
        let metrics = try tmux.waitFor(timeout: 10) { screen in
            screen.contains("Metrics (system + web") && Self.row("RSS", in: screen).map { !$0.hasSuffix("n/a") } == true
        }
        #expect(metrics.ok, "the series are labelled RSS and CPU, the project in the title; screen:\n\(metrics.screen)")
        #expect(Self.row("CPU", in: metrics.screen, occurrence: 1) != nil, "a second CPU row, the project's")

        // The zoomed Troubleshooting pane wraps the long error under its time column.
        try tmux.send("Tab", "Tab", "Tab", "Tab")
        try tmux.send("z")
        let wrapped = try tmux.waitFor(timeout: 15) { screen in
            screen.contains("Troubleshooting") && screen.split(separator: "\n").contains { $0.contains("│         ") && $0.contains("DATABASE_HOST") }
        }
        #expect(wrapped.ok, "the end of the message is on a wrapped row; screen:\n\(wrapped.screen)")

        // Back to Projects, stop it: RSS reads n/a, not 0B.
        try tmux.send("z")
        try tmux.send("Tab")
        try tmux.send("x")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Stop web?") }.ok)
        try tmux.send("y")
        let stopped = try tmux.waitFor(timeout: 30) { screen in
            screen.contains("│▶web") && screen.contains("stopped") && Self.row("RSS", in: screen)?.hasSuffix("n/a") == true
        }
        #expect(stopped.ok, "screen:\n\(stopped.screen)")
        #expect(!stopped.screen.contains("0B│"), "no 0B beside the bars; screen:\n\(stopped.screen)")
        // A few monitor ticks after the stop, then quit (the store is flushed) and read the stored timeline.
        Thread.sleep(forTimeInterval: 3)
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
        let csv = try ChildProcess.run([binary, "history", "export", "--since", "1h"],
                                       environment: QuitAndLaunchEndToEndTests.environment(home: home), stderr: .discarded, timeout: 60)
        #expect(csv.output.contains(",timeline,\(root)/web,state,"), "the supervisor's changes are stored: \(csv.output.prefix(3000))")
        #expect(!csv.output.contains("external → stopped") && !csv.output.contains("stopped → external"),
                "no monitor guess is stored: \(csv.output.prefix(3000))")
    }

    /// The Restarts cell of web's row in the wide grid (the column's text under its header).
    static func restarts(in screen: String) -> String? {
        let lines = screen.split(separator: "\n").map(String.init)
        guard let header = lines.first(where: { $0.contains("Restarts") }), let row = lines.first(where: { $0.contains("│▶web") }),
              let end = header.range(of: "Restarts")?.upperBound else { return nil }
        let column = header.distance(from: header.startIndex, to: end)
        let cells = Array(row)
        guard column <= cells.count, column >= 8 else { return nil }
        return String(cells[(column - 8)..<column]).trimmingCharacters(in: .whitespaces)
    }

    /// The Metrics pane's row labelled `label` (the `occurrence`th), from the label to its value.
    static func row(_ label: String, in screen: String, occurrence: Int = 0) -> String? {
        let rows = screen.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: "││" + label + " ") else { return nil }
            let rest = line[r.upperBound...]
            return String(rest.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces)
        }
        return rows.count > occurrence ? rows[occurrence] : nil
    }
}
