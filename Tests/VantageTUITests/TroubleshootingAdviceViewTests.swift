import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Troubleshooting: suggestions under problems and in details")
struct TroubleshootingAdviceViewTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)
    static let api = Project(name: "api", path: "/w/api", kinds: [.node], ports: [3000])
    static let busy = "Error: listen EADDRINUSE: address already in use :::3000"

    static func port(_ confidence: Double) -> TroubleshootingAdvice {
        TroubleshootingAdvice(problem: busy, title: "Port 3000 is already in use",
                              explanation: "api could not listen because another process holds port 3000.",
                              confidence: confidence, automatedFix: "reassign_port")
    }
    static let backoff = TroubleshootingAdvice(problem: busy, title: "Cannot reach the service on port 3000",
                                               explanation: "api was refused a connection.", confidence: 0.5,
                                               automatedFix: "restart_with_backoff")

    static func state() -> AppState {
        var s = AppState(now: t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [api])), to: &s)
        _ = Update.apply(.event(.log(LogLine(time: t0, project: api.id, stream: .stderr, text: busy))), to: &s)
        _ = Update.apply(.event(.log(LogLine(time: t0 + 1, project: api.id, stream: .stderr, text: "Error: something else"))), to: &s)
        return s
    }

    @Test func updateFoldsSuggestionsAndKeepsTheMostConfidentPerProblem() throws {
        var s = Self.state()
        _ = Update.apply(.event(.suggestions(project: Self.api.id, items: [Self.backoff, Self.port(0.82)])), to: &s)
        #expect(s.advice.top[Self.busy] == Self.port(0.82))
        #expect(s.advice.byProject[Self.api.id]?.map(\.title) == ["Port 3000 is already in use", "Cannot reach the service on port 3000"])
        let problems = s.problems
        #expect(problems.count == 2)
        #expect(problems.first { $0.text == Self.busy }?.suggestion == Self.port(0.82))
        #expect(problems.first { $0.text != Self.busy }?.suggestion == nil)
        // A later, less confident suggestion for the same problem does not replace the better one.
        _ = Update.apply(.event(.suggestions(project: Self.api.id, items: [Self.port(0.4)])), to: &s)
        #expect(s.advice.top[Self.busy]?.percent == 82)
        #expect(s.advice.byProject[Self.api.id]?.count == 2, "one entry per title")
        // A scan without the project forgets its suggestions.
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [])), to: &s)
        #expect(s.advice.byProject.isEmpty)
    }

    @Test func theTroubleshootingPaneShowsTheTopSuggestionUnderItsProblem() throws {
        var s = Self.state()
        _ = Update.apply(.event(.suggestions(project: Self.api.id, items: [Self.port(0.82)])), to: &s)
        let pane = LogPane(entries: s.problems, timeZone: ClockZone.utc, glyphs: .ascii)
        var buffer = Buffer(width: 80, height: 3)
        pane.render(area: buffer.area, buffer: &buffer)
        let text = buffer.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(text == [
            "13:46:40 ERR api: Error: listen EADDRINUSE: address already in use :::3000",
            "  -> Port 3000 is already in use: reassign port (82 %)",
            "13:46:41 ERR api: Error: something else",
        ])
        #expect(buffer[5, 1].style.fg == .ok)
        var unicode = Buffer(width: 80, height: 3)
        LogPane(entries: s.problems, timeZone: ClockZone.utc, glyphs: .unicode).render(area: unicode.area, buffer: &unicode)
        try #require(unicode.lines.count > 1)
        #expect(unicode.lines[1].hasPrefix("  → Port 3000 is already in use"))
    }

    @Test func detailsListTheProjectsSuggestionsWithExplanations() throws {
        var s = Self.state()
        _ = Update.apply(.event(.suggestions(project: Self.api.id, items: [Self.port(0.82)])), to: &s)
        let lines = AdviceLines.details(s.advice.byProject[Self.api.id] ?? [])
        var buffer = Buffer(width: 90, height: lines.count)
        for (y, l) in lines.enumerated() { l.draw(x: 0, y: y, width: 90, buffer: &buffer) }
        let text = buffer.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(text == [
            "Suggestions",
            "  82 % Port 3000 is already in use [fix: reassign port]",
            "    api could not listen because another process holds port 3000.",
        ])
        // The details overlay of the project carries them.
        let view = AppView(state: s, glyphs: .ascii, timeZone: ClockZone.utc)
        let notes = view.details(Self.api.id)?.notes ?? []
        try #require(lines.count > 1)
        #expect(notes.contains(lines[1]))
        #expect(AdviceLines.details([]).isEmpty)
    }
}
