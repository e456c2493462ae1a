import Foundation
import Testing
import VantageCore

/// The log viewer on the real binary (issue 12 §5): a Procfile project's lines name their
/// process, Vantage's own notes are not marked stderr, `g` fills the view from the first line,
/// search counts "match N of M", and `&` shows only the matching lines.
@Suite(.serialized) struct LogViewerEndToEndTests {
    /// The text rows of the viewer (inside its border), as tmux shows them.
    static func rows(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    @Test func procfileProcessesTopSearchAndFilter() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-logs-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/procs", withIntermediateDirectories: true)
        // Two processes, neither called web, so neither is probed on a port.
        try """
        app: i=0; while [ $i -lt 90 ]; do echo "app line $i"; i=$((i+1)); done; sleep 600
        worker: echo "worker ready"; sleep 600

        """.write(toFile: root + "/procs/Procfile", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("procs") }.ok)
        try tmux.send("s")
        try tmux.send("L")
        // Every line names its process (the worker's line comes whenever it comes; the filter below finds it).
        let newest = try tmux.waitFor(timeout: 20) { $0.contains("app    | app line 89") }
        #expect(newest.ok, "screen:\n\(newest.screen)")

        // Vantage's own note ("started app …") is not marked as the project's stderr.
        try tmux.send("g")
        let top = try tmux.waitFor(timeout: 5) { $0.contains("[vantage] started") && !($0.split(separator: "\n").first?.contains("follow") ?? true) }
        #expect(top.ok, "screen:\n\(top.screen)")
        let rows = Self.rows(top.screen)
        try #require(rows.count > 37)
        // The first line at the top and every row below it filled (the log is longer than the view).
        let text = rows[0...36].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │↑↓")) }
        #expect(text.allSatisfy { $0.count > 10 }, "no blank rows:\n\(top.screen)")
        #expect(text.filter { $0.contains("app line") }.count >= 30, "the view is full of lines:\n\(top.screen)")
        for row in rows where row.contains("[vantage] started") {
            #expect(!row.contains(" ! "), "a Vantage note is marked stderr: \(row)")
        }

        // Search: the newest match on screen is current and counted; n goes to the next one and
        // centres it; N before the first wraps to the last.
        try tmux.send("/")
        try tmux.send("-l", "line 4")
        try tmux.send("Enter")
        let search = try tmux.waitFor(timeout: 5) { $0.contains("/line 4 match 1 of 11") }
        #expect(search.ok, "screen:\n\(search.screen)")
        try tmux.send("n")
        let next = try tmux.waitFor(timeout: 5) { $0.contains("/line 4 match 2 of 11") }
        #expect(next.ok, "screen:\n\(next.screen)")
        let centre = Self.rows(next.screen)
        try #require(centre.count > 19)
        #expect(centre[18].contains("app line 40"), "line 40 in the middle:\n\(next.screen)")
        try tmux.send("N", "N")
        let wrapped = try tmux.waitFor(timeout: 5) { $0.contains("/line 4 match 11 of 11") }
        #expect(wrapped.ok, "screen:\n\(wrapped.screen)")

        // & shows only the lines containing the text, and the title says the filter is on.
        try tmux.send("&")
        try tmux.send("-l", "worker")
        try tmux.send("Enter")
        let filtered = try tmux.waitFor(timeout: 5) { $0.contains("&worker ") && $0.contains("worker | worker ready") }
        #expect(filtered.ok, "screen:\n\(filtered.screen)")
        #expect(!filtered.screen.contains("app line"), "a line without the text is shown:\n\(filtered.screen)")

        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Logs: procs") }.ok, "q closes the viewer")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
