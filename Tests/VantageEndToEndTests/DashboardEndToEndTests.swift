import Foundation
import VantageCore
import Testing

/// Drives the real binary in tmux on the bundled `examples/` workspace and asserts on what the
/// screen shows, like a person would.
@Suite(.serialized) struct DashboardEndToEndTests {
    static let paneTitles = ["Projects", "Metrics", "Graph", "Timeline", "Troubleshooting"]

    struct Fixture {
        let binary: String
        let examples: String
        let home: String

        init() throws {
            binary = try #require(Binary.vantage, "build the binary first: swift build -c release --product vantage")
            examples = Binary.repositoryRoot + "/examples"
            home = NSTemporaryDirectory() + "vantage-e2e-home-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        }

        func command(_ extra: String = "") -> String {
            "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(examples)) \(extra)"
        }

        func environment(lang: String = "C.UTF-8") -> [String: String] {
            ["TERM": "tmux-256color", "LANG": lang, "LC_ALL": lang, "VANTAGE_HOME": home,
             "XDG_CONFIG_HOME": home + "/config", "COLORTERM": ""]
        }

        /// Project names as the scanner reports them for the examples workspace.
        func exampleNames() throws -> [String] {
            let out = try ChildProcess.run([binary, "scan", examples, "--json"], environment: environment(), stderr: .discarded)
            #expect(out.status == 0)
            let array = try JSONSerialization.jsonObject(with: Data(out.output.utf8)) as? [[String: Any]] ?? []
            return array.compactMap { $0["name"] as? String }
        }
    }

    @Test func showsAllPanesAndEveryExampleProjectWithinTwoSeconds() throws {
        let f = try Fixture()
        let names = try f.exampleNames()
        #expect(names.count >= 8, "the examples workspace holds at least eight projects")
        let tmux = try TmuxSession(width: 120, height: 40, command: f.command(), environment: f.environment())
        let result = try tmux.waitFor(timeout: 2.0) { screen in
            Self.paneTitles.allSatisfy(screen.contains) && names.allSatisfy(screen.contains)
        }
        #expect(result.ok, "within 2 s the screen shows every pane title and project; last screen:\n\(result.screen)")
        let missing = (Self.paneTitles + names).filter { !result.screen.contains($0) }
        #expect(missing.isEmpty, "missing on screen: \(missing)")
    }

    @Test func themeToggleChangesTheColours() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 120, height: 40, command: f.command(), environment: f.environment())
        try tmux.waitFor(timeout: 5) { $0.contains("Troubleshooting") }
        usleep(300_000)
        let before = try tmux.screenWithColors()
        try tmux.send("t")
        usleep(500_000)
        let after = try tmux.screenWithColors()
        #expect(before.contains("\u{1B}["), "the screen is drawn in colour")
        #expect(before != after, "pressing t changes the colours on screen")
        // Text stays the same apart from live figures: the pane titles are still there.
        let text = try tmux.screen()
        #expect(Self.paneTitles.allSatisfy(text.contains))
    }

    @Test func sidePaneAt50x30IsUsable() throws {
        let f = try Fixture()
        let names = try f.exampleNames()
        let tmux = try TmuxSession(width: 50, height: 30, command: f.command(), environment: f.environment())
        let first = try tmux.waitFor(timeout: 5) { $0.contains("Projects") && names.contains(where: $0.contains) }
        #expect(first.ok, "the side-pane layout shows the project list; screen:\n\(first.screen)")
        for line in first.screen.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 50, "no line is wider than the pane: \(line)")
        }
        // Tab moves to the next pane, whose content then shows.
        try tmux.send("Tab")
        let metrics = try tmux.waitFor(timeout: 3) { $0.contains("CPU") }
        #expect(metrics.ok, "Tab switches to the Metrics pane; screen:\n\(metrics.screen)")
        // And the layout follows a resize at once.
        try tmux.resize(width: 120, height: 40)
        let wide = try tmux.waitFor(timeout: 3) { screen in Self.paneTitles.allSatisfy(screen.contains) }
        #expect(wide.ok, "after resizing to 120x40 every pane shows; screen:\n\(wide.screen)")
    }

    @Test func plainLocaleGivesPureASCII() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 120, height: 40, command: f.command(), environment: f.environment(lang: "C"))
        let r = try tmux.waitFor(timeout: 5) { $0.contains("Troubleshooting") }
        #expect(r.ok, "screen:\n\(r.screen)")
        usleep(1_200_000)  // let a sample or two arrive so meters and sparklines are drawn
        let screen = try tmux.screen()
        let high = screen.unicodeScalars.filter { $0.value >= 0x80 }
        #expect(high.isEmpty, "under LANG=C the screen is pure ASCII; found \(Set(high).map { String(format: "U+%04X", $0.value) })")
    }

    @Test func quitExitsZeroAndRestoresTheTerminal() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 80, height: 24, command: f.command(), environment: f.environment())
        try tmux.waitFor(timeout: 5) { $0.contains("Projects") }
        try tmux.send("q")
        let r = try tmux.waitFor(timeout: 3) { $0.contains("EXIT=") }
        #expect(r.screen.contains("EXIT=0"), "q exits with status 0; screen:\n\(r.screen)")
        #expect(!r.screen.contains("Troubleshooting"), "the alternate screen is gone after quitting")
    }

    @Test func tinyTerminalAndResizeStormDoNotCrash() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 10, height: 3, command: f.command(), environment: f.environment())
        let small = try tmux.waitFor(timeout: 5) { $0.lowercased().contains("small") }
        #expect(small.ok, "a 10x3 terminal shows a 'too small' line; screen:\n\(small.screen)")
        for i in 0..<20 { try tmux.resize(width: 20 + (i * 7) % 100, height: 6 + (i * 5) % 34) }
        try tmux.resize(width: 120, height: 40)
        let back = try tmux.waitFor(timeout: 3) { screen in Self.paneTitles.allSatisfy(screen.contains) }
        #expect(back.ok, "after a resize storm the full layout returns; screen:\n\(back.screen)")
        #expect(!back.screen.contains("EXIT="), "vantage is still running")
    }

    @Test func unsetTermDegradesWithAClearMessage() throws {
        let f = try Fixture()
        var env = f.environment()
        env["TERM"] = ""
        let tmux = try TmuxSession(width: 80, height: 24, command: "env -u TERM " + f.command(), environment: env)
        let r = try tmux.waitFor(timeout: 5) { $0.contains("Projects") || $0.contains("EXIT=") }
        // Either it runs with a fallback terminal type, or it says clearly why it cannot and exits 2.
        if r.screen.contains("EXIT=") {
            #expect(r.screen.contains("EXIT=2") && r.screen.contains("TERM"), "screen:\n\(r.screen)")
        } else {
            #expect(r.screen.contains("Projects"))
        }
    }
}
