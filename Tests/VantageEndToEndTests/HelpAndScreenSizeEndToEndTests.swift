import Foundation
import Testing
import VantageCore

/// Help and the screen's size on the real binary (issue 12 §5): help in columns on a wide
/// terminal with every overlay's keys and an `End` that reaches its end; a terminal too small
/// names the size Vantage needs; a 200-column terminal's grid shows PID, uptime, restarts and
/// environment.
@Suite(.serialized) struct HelpAndScreenSizeEndToEndTests {
    @Test func helpColumnsTooSmallAndTheWideGrid() throws {
        let f = try DashboardEndToEndTests.Fixture()
        defer { try? FileManager.default.removeItem(atPath: f.home) }
        let tmux = try TmuxSession(width: 120, height: 40, command: f.command("--on-exit stop"), environment: f.environment())
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("Projects (") }.ok)

        // Help: two columns at 120, the log viewer's and the council's keys included.
        try tmux.send("?")
        let help = try tmux.waitFor(timeout: 5) { $0.contains("Help: keys") }
        #expect(help.ok, "screen:\n\(help.screen)")
        let everywhere = help.screen.split(separator: "\n").first { $0.contains("Everywhere") } ?? ""
        let words = everywhere.split(separator: " ", omittingEmptySubsequences: true).filter { $0 != "│" }
        #expect(words.count == 2, "a second column's heading beside Everywhere: \(everywhere)")
        // Every page, read by paging down to the end: each overlay's keys are somewhere in help
        // (help grows with every key; the summaries are not all on the first or the last page).
        // Each PageDown is waited for: help's text moves (the footer, with its clock, is left out of
        // the comparison); when it no longer moves within 5 s, the last page has been read.
        func body(_ screen: String) -> String { screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n") }
        var pages = [help.screen]
        for _ in 0..<30 {
            let before = body(try tmux.screen())
            try tmux.send("PageDown")
            let next = try tmux.waitFor(timeout: 5) { body($0) != before }
            guard next.ok else { break }
            pages.append(next.screen)
        }
        let end = try tmux.waitFor(timeout: 5) { $0.contains("Backspace") && $0.contains("delete the last character") }
        #expect(end.ok, "paging down reaches the end of help:\n\(end.screen)")
        for summary in ["search the output", "show only the lines containing", "accept the selected proposal",
                        "ask the ecosystem's tools what is outdated", "send a signal to the selected process", "a shell in the selected project"] {
            #expect(pages.contains { $0.contains(summary) }, "\(summary) in help")
        }
        try tmux.send("Home")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Everywhere") }.ok, "Home goes back to the top of help")
        try tmux.send("End")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Backspace") && $0.contains("delete the last character") }.ok, "End shows the end of help")
        try tmux.send("End")
        let already = try tmux.waitFor(timeout: 5) { $0.contains("bottom: already at the end of help") }
        #expect(already.ok, "screen:\n\(already.screen)")
        try tmux.send("Escape")

        // Too small: the size it needs.
        try tmux.resize(width: 19, height: 6)
        let small = try tmux.waitFor(timeout: 5) { $0.contains("needs 20×6") }
        #expect(small.ok, "screen:\n\(small.screen)")

        // Wide: the grid's extra columns.
        try tmux.resize(width: 200, height: 50)
        let wide = try tmux.waitFor(timeout: 5) { $0.contains("PID") && $0.contains("Uptime") && $0.contains("Restarts") && $0.contains("Env") }
        #expect(wide.ok, "screen:\n\(wide.screen)")

        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("EXIT=0") }.ok)
    }

    /// A steady RSS is drawn as a flat line part-way up, never as full bars (issue 12 §4/§5).
    @Test func aFlatSeriesDrawsFlatNotFull() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-spark-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/idle", withIntermediateDirectories: true)
        try "command = \"sleep 600\"\n".write(toFile: root + "/idle/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("idle") }.ok)
        try tmux.send("s")
        let bars = Set("▁▂▃▄▅▆▇█")
        func rssRow(_ screen: String) -> String {
            screen.split(separator: "\n").first { $0.contains("││RSS ") }.map(String.init) ?? ""   // the project's series (the title names it)
        }
        let sampled = try tmux.waitFor(timeout: 30) { rssRow($0).filter { bars.contains($0) }.count >= 4 }
        #expect(sampled.ok, "screen:\n\(sampled.screen)")
        let row = rssRow(sampled.screen)
        #expect(!row.contains("█") && row.filter { bars.contains($0) }.count >= 4, "a steady RSS is not full bars: \(row)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
