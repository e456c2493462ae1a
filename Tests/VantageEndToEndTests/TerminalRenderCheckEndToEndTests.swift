import Foundation
import Testing
import VantageCore

/// The real ncurses backend: `vantage render-check` in a private tmux server (the same harness as
/// every other end-to-end test, `TmuxSession`).
@Suite("Terminal in tmux", .serialized)
struct TerminalRenderCheckEndToEndTests {
    /// A session running `render-check` with `environment` (an `env` argument list such as
    /// `-u TERM LANG=C.UTF-8`); the pane prints `EXIT=<status>` when it ends.
    static func renderCheck(_ environment: String, width: Int, height: Int) throws -> TmuxSession {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        return try TmuxSession(width: width, height: height, command: "env \(environment) \(TmuxSession.shellQuote(binary)) render-check")
    }

    @Test func drawsTogglesThemeSurvivesResizesAndQuitsCleanly() throws {
        let tmux = try Self.renderCheck("TERM=tmux-256color LANG=C.UTF-8", width: 100, height: 20)
        let drawn = try tmux.waitFor(timeout: 10) { $0.contains("Vantage render check") && $0.contains("theme dark") }
        #expect(drawn.ok, "screen:\n\(drawn.screen)")
        let before = try tmux.screenWithColors()
        try tmux.send("t")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("theme light") }.ok)
        #expect(try tmux.screenWithColors() != before, "the colours did not change")
        try tmux.resize(width: 10, height: 3)
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("terminal t") }.ok)
        for i in 0..<30 { try tmux.resize(width: 12 + i * 4, height: 3 + i % 15) }
        try tmux.resize(width: 80, height: 12)
        let resized = try tmux.waitFor(timeout: 5) { $0.contains("size 80x12") }
        #expect(resized.ok, "screen:\n\(resized.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("EXIT=0") }.ok)
    }

    @Test func cLocaleDrawsPureASCII() throws {
        let tmux = try Self.renderCheck("TERM=tmux-256color LANG=C LC_ALL= LC_CTYPE=", width: 80, height: 12)
        let drawn = try tmux.waitFor(timeout: 10) { $0.contains("Vantage render check") }
        #expect(drawn.ok, "screen:\n\(drawn.screen)")
        let screen = try tmux.screen()
        #expect(screen.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII byte on screen:\n\(screen)")
        #expect(screen.contains("glyphs ascii"))
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("EXIT=0") }.ok)
    }

    @Test func unsetTermFallsBackInsteadOfCrashing() throws {
        let tmux = try Self.renderCheck("-u TERM LANG=C.UTF-8", width: 80, height: 12)
        let drawn = try tmux.waitFor(timeout: 10) { $0.contains("Vantage render check") }
        #expect(drawn.ok, "screen:\n\(drawn.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("EXIT=0") }.ok)
    }

    @Test func notATerminalIsOneClearErrorAndStatus2() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        // Standard output is a pipe here: the runtime refuses instead of drawing escapes into it.
        let result = try ChildProcess.run([binary, "render-check"], stderr: .discarded)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
    }
}
