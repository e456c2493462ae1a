import Foundation
import Testing
import VantageCore

/// The timeline on the real binary (issue 12 §5): a crash loop is one line. (The monitor's late
/// "external → stopped" after a supervised stop is checked in TimelineFoldingTests: on screen a
/// start and stop within 30 s fold into one line, which hides whether it was there.)
@Suite(.serialized) struct TimelineEndToEndTests {
    @Test func aCrashLoopIsOneLine() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-timeline-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/crashy", withIntermediateDirectories: true)
        try "command = \"sleep 0.3; exit 1\"\n[restart]\nmax_tries = 4\nbackoff = 0.2\n"
            .write(toFile: root + "/crashy/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("crashy") }.ok)
        // Start it and let it crash until the supervisor gives up.
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 60) { $0.contains("crashy gave up") }.ok)
        // The Timeline zoomed shows the folded line whole.
        try tmux.send("Tab", "Tab", "Tab", "z")
        let folded = try tmux.waitFor(timeout: 10) { $0.contains("crashy restarted") && $0.contains("now failed") }
        #expect(folded.ok, "screen:\n\(folded.screen)")
        #expect(!folded.screen.contains("crashy: backoff → starting"), "the run is one line:\n\(folded.screen)")

        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
