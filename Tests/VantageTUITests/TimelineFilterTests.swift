import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Timeline pane: kind and project filters, time window")
struct TimelineFilterTests {
    static let t0 = Date(timeIntervalSince1970: 2_000_000)
    static let api = ProjectID("/w/api"), web = ProjectID("/w/web")

    /// Entries 2 days, 3 hours, 30 minutes and 1 minute before the newest.
    static func state() -> AppState {
        var s = AppState(now: t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node]),
                                                                  Project(name: "web", path: "/w/web", kinds: [.go])])), to: &s)
        let entries = [
            TimelineEntry(time: t0, kind: .scan, text: "scanned /w: 2 projects"),
            TimelineEntry(time: t0.addingTimeInterval(86_400 * 2 - 3 * 3_600), kind: .error, project: web, text: "exited 1"),
            TimelineEntry(time: t0.addingTimeInterval(86_400 * 2 - 1_800), kind: .fix, project: api, text: "reassigned port 3000 -> 3001"),
            TimelineEntry(time: t0.addingTimeInterval(86_400 * 2 - 60), kind: .decision, project: api, text: "user: restart"),
            TimelineEntry(time: t0.addingTimeInterval(86_400 * 2), kind: .state, project: web, text: "web: stopped → running"),
        ]
        for e in entries { _ = Update.apply(.event(.timeline(e)), to: &s) }
        s.focus = .timeline
        return s
    }

    func apply(_ actions: [Action], to s: inout AppState) { for a in actions { _ = Update.apply(.action(a), to: &s) } }

    @Test func zoomNarrowsTheWindowAndTheTitleSaysHowFar() {
        var s = Self.state()
        #expect(s.visibleTimeline.count == 5)
        #expect(PaneTitles.title(.timeline, state: s) == "Timeline (5)")
        apply([.zoomIn], to: &s)
        #expect(s.timelineWindow == .day && s.visibleTimeline.count == 4)
        #expect(PaneTitles.title(.timeline, state: s) == "Timeline (4, last 1 day)")
        apply([.zoomIn], to: &s)
        #expect(s.visibleTimeline.map(\.kind) == [.fix, .decision, .state])
        apply([.zoomIn], to: &s)
        #expect(PaneTitles.title(.timeline, state: s) == "Timeline (2, last 5 min)")
        apply([.zoomIn], to: &s)            // already the narrowest
        #expect(s.timelineWindow == .fiveMinutes)
        apply([.zoomOut, .zoomOut, .zoomOut, .zoomOut], to: &s)
        #expect(s.timelineWindow == .all && s.visibleTimeline.count == 5)
        // The graph's zoom is untouched by the timeline's.
        #expect(s.graphViewport.zoom == 1)
    }

    @Test func kindKeyCyclesThroughKindsPresent() {
        var s = Self.state()
        var seen: [TimelineEntry.Kind?] = []
        for _ in 0..<6 {
            apply([.cycleKind], to: &s)
            seen.append(s.timelineKind)
            if let k = s.timelineKind { #expect(s.visibleTimeline.allSatisfy { $0.kind == k } && !s.visibleTimeline.isEmpty) }
        }
        #expect(seen == [.scan, .state, .decision, .fix, .error, nil])
        apply([.cycleKind, .cycleKind, .cycleKind, .cycleKind], to: &s)
        #expect(PaneTitles.title(.timeline, state: s) == "Timeline (1, fix)")
    }

    @Test func projectKeyCyclesThroughProjectsOnTheTimeline() {
        var s = Self.state()
        apply([.cycleProject], to: &s)
        #expect(s.timelineProject == Self.api && s.visibleTimeline.count == 2)
        #expect(PaneTitles.title(.timeline, state: s) == "Timeline (2, api)")
        apply([.cycleKind, .cycleKind, .cycleKind], to: &s)      // decision, with api
        #expect(PaneTitles.title(.timeline, state: s) == "Timeline (1, decision, api)")
        apply([.cycleProject], to: &s)
        #expect(s.timelineProject == Self.web && s.visibleTimeline.isEmpty)
        apply([.cycleProject], to: &s)
        #expect(s.timelineProject == nil)
    }

    @Test func footerNamesTheTimelineKeys() {
        let s = Self.state()
        let hints = FooterHints.hints(state: s, keymap: Keymap.defaults).map { "\($0.keys) \($0.label)" }
        #expect(hints.contains("v kind") && hints.contains("p project") && hints.contains("+ narrower") && hints.contains("- wider"))
    }

    @Test func sparklineFollowsTheConfidenceHistory() {
        let levels = GlyphSet.unicode.sparkLevels
        #expect(AdviceLines.sparkline([0, 0.5, 1], levels: levels) == "▁▅█")
        #expect(AdviceLines.sparkline([0.2, 0.1, 0.9], levels: GlyphSet.ascii.sparkLevels) == "..*")
        #expect(AdviceLines.sparkline(Array(repeating: 1, count: 40), levels: levels).count == 16)
    }
}
