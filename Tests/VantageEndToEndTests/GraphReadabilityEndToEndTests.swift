import Foundation
import Testing
import VantageCore

/// The graph on the real binary (issue 12 §5): Enter focuses the project selected in the grid (it
/// started at the first project), the focus keeps the other names, and `i` shows the legend.
@Suite(.serialized) struct GraphReadabilityEndToEndTests {
    @Test func focusStartsAtTheGridsSelectionAndTheLegendExplainsTheMarks() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-graph-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        for name in ["alpha", "beta", "gamma"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try "command = \"sleep 600\"\n".write(toFile: root + "/\(name)/.vantage.toml", atomically: true, encoding: .utf8)
        }
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("gamma") && $0.contains("Graph (4 nodes") }.ok)
        // Select beta in the grid, then focus in the zoomed graph.
        try tmux.send("j")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("▶beta") }.ok)
        try tmux.send("Tab", "Tab")
        try tmux.send("z")
        try tmux.send("Enter")
        let focused = try tmux.waitFor(timeout: 5) { $0.contains("@beta") }
        #expect(focused.ok, "the focus starts at the grid's selection; screen:\n\(focused.screen)")
        let canvas = focused.screen.split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(canvas.contains("alpha") && canvas.contains("gamma"), "the other projects keep their names; screen:\n\(focused.screen)")
        try tmux.send("i")
        let legend = try tmux.waitFor(timeout: 5) { 
            // Colour: dots coloured by cluster; without (NO_COLOR): the cluster letters.
            $0.contains("■ project  ■ language") && ($0.contains("node, colour: its cluster") || $0.contains("letters: clusters (A-Z projects)"))
        }
        #expect(legend.ok, "screen:\n\(legend.screen)")
        try tmux.send("i")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("■ project  ■ language") }.ok, "i hides it again")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
