import Foundation
import Testing
import VantageCore

/// Nothing silent on the real binary: `e` lists the environments the supervisor reports and
/// refuses an unknown one with the list, Details show the environment in use, Enter opens a
/// Timeline entry whole, and keys that cannot act say why.
@Suite(.serialized) struct DashboardNothingSilentEndToEndTests {
    @Test func environmentsEntriesAndRefusalsAreOnTheScreen() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-silent-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/envy", withIntermediateDirectories: true)
        try "command = \"sleep 600\"\n".write(toFile: root + "/envy/.vantage.toml", atomically: true, encoding: .utf8)
        try "GREETING=hello\n".write(toFile: root + "/envy/.env.staging", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("envy") }.ok)

        // K on a stopped project says why.
        try tmux.send("K")
        let kill = try tmux.waitFor(timeout: 5) { $0.contains("kill: envy is stopped: no process to kill") }
        #expect(kill.ok, "screen:\n\(kill.screen)")

        // e lists the environments; an unknown one is refused with the list.
        try tmux.send("e")
        let prompt = try tmux.waitFor(timeout: 15) { $0.contains("environment for envy, now development, one of development, staging") }
        #expect(prompt.ok, "screen:\n\(prompt.screen)")
        try tmux.send("p", "r", "o", "d")
        try tmux.send("Enter")
        let refused = try tmux.waitFor(timeout: 5) { $0.contains("envy has no environment \"prod\": it has development and staging") }
        #expect(refused.ok, "screen:\n\(refused.screen)")

        // Details show the environment in use.
        try tmux.send("Enter")
        let details = try tmux.waitFor(timeout: 5) { $0.contains("development (has development and staging)") }
        #expect(details.ok, "screen:\n\(details.screen)")
        try tmux.send("Escape")

        // Enter on a Timeline entry opens it whole.
        try tmux.send("Tab", "Tab", "Tab")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Enter open") }.ok, "the footer offers Enter on the Timeline")
        try tmux.send("Enter")
        let entry = try tmux.waitFor(timeout: 5) { $0.contains("Timeline entry") && $0.contains("Project") && $0.contains("Time") }
        #expect(entry.ok, "screen:\n\(entry.screen)")
        try tmux.send("Escape")

        // F in an empty Troubleshooting pane says there is nothing to fix.
        try tmux.send("Tab")
        try tmux.send("F")
        let fix = try tmux.waitFor(timeout: 5) { $0.contains("fix: no problem selected") }
        #expect(fix.ok, "screen:\n\(fix.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("EXIT=0") }.ok)
    }
}
