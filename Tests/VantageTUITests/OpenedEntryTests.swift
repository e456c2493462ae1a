import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Enter on a Timeline or Troubleshooting entry opens it whole: the full text, the project, the
/// time, the project's output around it, the suggestions and the fixes tried.
@Suite("Opened entries")
struct OpenedEntryTests {
    static let t0 = Date(timeIntervalSince1970: 3_000_000)
    static let api = ProjectID("/w/api")
    static let long = "api exited with status 1 after 3.2 s: " + String(repeating: "the whole message goes on and on ", count: 6) + "END"

    static func state() -> AppState {
        var s = AppState(now: t0)
        var events: [Event] = [.scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node])])]
        for i in 0..<12 {
            events.append(.log(LogLine(time: t0.addingTimeInterval(Double(i)), project: api, stream: .stdout, text: "line \(i)")))
        }
        events += [
            .timeline(TimelineEntry(time: t0.addingTimeInterval(6), kind: .error, project: api, text: long)),
            .timeline(TimelineEntry(time: t0.addingTimeInterval(7), kind: .fix, project: api, text: "reassigned port 3000 to 3001")),
            .timeline(TimelineEntry(time: t0.addingTimeInterval(20), kind: .scan, text: "scanned /w: 1 project in 3 ms")),
        ]
        for e in events { _ = Update.apply(.event(e), to: &s) }
        s.screenSize = Size(width: 100, height: 40)
        return s
    }

    static func screen(_ s: AppState, width: Int = 100, height: Int = 40) -> String {
        AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: Size(width: width, height: height)).lines.joined(separator: "\n")
    }

    @Test func enterOnTheTimelineOpensTheSelectedEntryWhole() {
        var s = Self.state()
        s.focus = .timeline
        _ = Update.apply(.action(.up), to: &s)
        _ = Update.apply(.action(.up), to: &s)    // the error entry: two up from the newest
        _ = Update.apply(.action(.details), to: &s)
        guard case .entry(let entry, _) = s.overlay else { Issue.record("nothing opened"); return }
        #expect(entry.text == Self.long && entry.label == "error")
        let screen = Self.screen(s)
        #expect(screen.contains("Timeline entry") && screen.contains("Project api"), "\(screen)")
        #expect(screen.contains("Time") && screen.contains("17:20:06"), "\(screen)")
        #expect(screen.contains("END"), "the full text, wrapped: \(screen)")
        // The output around the entry's time: five lines before it and five from it on.
        for i in 1...10 { #expect(screen.contains("line \(i)")) }
        #expect(!screen.contains("line 11") && !screen.contains("line 0"))
        #expect(screen.contains("Fixes tried on api") && screen.contains("reassigned port 3000 to 3001"))
        // Enter closes it, as does Esc.
        _ = Update.apply(.action(.details), to: &s)
        #expect(s.overlay == nil)
    }

    @Test func enterOnTroubleshootingOpensTheProblem() {
        var s = Self.state()
        _ = Update.apply(.event(.log(LogLine(time: Self.t0.addingTimeInterval(30), project: Self.api, stream: .stderr,
                                             text: "Error: Cannot find module 'express'"))), to: &s)
        s.focus = .troubleshooting
        _ = Update.apply(.action(.details), to: &s)
        let screen = Self.screen(s)
        #expect(screen.contains("Problem") && screen.contains("error from api") && screen.contains("Cannot find module 'express'"), "\(screen)")
        #expect(screen.contains("No suggestion for this problem yet."))
    }

    @Test func anEmptyListSaysThereIsNothingToOpenAndScrollingStopsAtTheEnds() {
        var empty = AppState(now: Self.t0)
        empty.focus = .timeline
        _ = Update.apply(.action(.details), to: &empty)
        #expect(empty.notice?.text == "open: no entry to open")
        var s = Self.state()
        s.screenSize = Size(width: 60, height: 14)
        s.focus = .timeline
        _ = Update.apply(.action(.up), to: &s)
        _ = Update.apply(.action(.up), to: &s)
        _ = Update.apply(.action(.details), to: &s)
        _ = Update.apply(.action(.up), to: &s)
        #expect(s.notice?.text == "up: already at the top")
        _ = Update.apply(.action(.bottom), to: &s)
        guard case .entry(_, let bottom) = s.overlay else { Issue.record("closed"); return }
        #expect(bottom > 0)
        _ = Update.apply(.action(.down), to: &s)
        #expect(s.notice?.text == "down: already at the end")
        #expect(Self.screen(s, width: 60, height: 14).contains("reassigned port"), "the end is on screen")
    }
}
