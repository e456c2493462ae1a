import Foundation
import Testing
import VantageCore

/// The `:` prompt on the real binary (issue 12 §7): Tab completes an action and a project, Enter
/// carries it out as the key would, a mistake is said.
@Suite(.serialized) struct CommandPaletteEndToEndTests {
    @Test func colonRunsACompletedCommandOnANamedProject() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-palette-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        for name in ["api", "worker"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try "command = \"sleep 600\"\n".write(toFile: root + "/\(name)/.vantage.toml", atomically: true, encoding: .utf8)
        }
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("worker") }.ok)
        try tmux.send(":")
        try tmux.send("-l", "sta")
        let listed = try tmux.waitFor(timeout: 5) { $0.contains(": sta_ (Tab: start)") }
        #expect(listed.ok, "the prompt lists what the word can become; screen:\n\(listed.screen)")
        try tmux.send("Tab")
        try tmux.send("-l", "wo")
        try tmux.send("Tab")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains(": start worker ") }.ok, "completed")
        try tmux.send("Enter")
        let started = try tmux.waitFor(timeout: 30) { screen in
            screen.split(separator: "\n").contains { $0.contains("▶worker") && $0.contains("running") }
        }
        #expect(started.ok, "worker started and selected; screen:\n\(started.screen)")
        try tmux.send(":")
        try tmux.send("-l", "restrat api")
        try tmux.send("Enter")
        let refused = try tmux.waitFor(timeout: 5) { $0.contains("no command \"restrat\": did you mean restart?") }
        #expect(refused.ok, "screen:\n\(refused.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
