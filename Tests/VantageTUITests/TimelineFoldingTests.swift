import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The timeline folds a crash loop into one line, and the monitor's late "external → stopped"
/// after a supervised stop is not drawn (issue 12 §5).
@Suite("Timeline folding")
struct TimelineFoldingTests {
    static let t0 = Date(timeIntervalSince1970: 5_000_000)
    static let cli = ProjectID("/w/rust-cli"), api = ProjectID("/w/api")

    static func state() -> AppState {
        var s = AppState(now: t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [Project(name: "rust-cli", path: "/w/rust-cli", kinds: [.rust]),
                                                                   Project(name: "api", path: "/w/api", kinds: [.node])])), to: &s)
        return s
    }

    static func change(_ s: inout AppState, _ id: ProjectID, _ from: RunState, _ to: RunState, at second: Double) {
        // State changes carry no time: they happen at the newest time seen (here, a diagnostic's).
        _ = Update.apply(.event(.diagnostic(Diagnostic(time: t0.addingTimeInterval(second), severity: .info, source: "test",
                                                       message: "tick"))), to: &s)
        _ = Update.apply(.event(.stateChanged(project: id, from: from, to: to)), to: &s)
    }

    @Test func aCrashLoopIsOneLine() throws {
        var s = Self.state()
        var second = 1.0
        Self.change(&s, Self.cli, .stopped, .starting, at: second)
        for _ in 0..<5 {
            for (from, to) in [(RunState.starting, RunState.running), (.running, .backoff), (.backoff, .starting)] {
                second += 0.4
                Self.change(&s, Self.cli, from, to, at: second)
            }
        }
        Self.change(&s, Self.cli, .starting, .failed, at: 7)
        let shown = s.visibleTimeline.filter { $0.project == Self.cli }
        try #require(shown.count == 1)
        #expect(shown[0].text == "rust-cli restarted 5× in 6 s, now failed")
        // Another project's change in between ends the run; a short run stays as it is.
        Self.change(&s, Self.api, .stopped, .starting, at: 100)
        Self.change(&s, Self.api, .starting, .running, at: 101)
        #expect(s.visibleTimeline.filter { $0.project == Self.api }.map(\.text) == ["api: stopped → starting", "api: starting → running"])
    }

    @Test func changesFarApartAreNotFolded() {
        var s = Self.state()
        for (i, (from, to)) in [(RunState.stopped, RunState.starting), (.starting, .running), (.running, .stopping), (.stopping, .stopped)].enumerated() {
            Self.change(&s, Self.api, from, to, at: Double(i) * 60)
        }
        #expect(s.visibleTimeline.filter { $0.project == Self.api }.count == 4)
    }

    @Test func theMonitorsGuessAfterASupervisedStopIsNotDrawn() {
        var s = Self.state()
        Self.change(&s, Self.api, .stopped, .starting, at: 1)
        Self.change(&s, Self.api, .starting, .running, at: 2)
        Self.change(&s, Self.api, .running, .stopping, at: 3)
        Self.change(&s, Self.api, .stopping, .stopped, at: 4)
        let before = s.timeline.elements.count
        // The monitor saw the processes as external until they were gone.
        Self.change(&s, Self.api, .external, .stopped, at: 5)
        #expect(s.timeline.elements.count == before && s.runState(Self.api) == .stopped)
        #expect(!s.visibleTimeline.contains { $0.text.contains("external → stopped") })
        // A process started outside Vantage is still seen coming and going.
        Self.change(&s, Self.api, .stopped, .external, at: 6)
        #expect(s.runState(Self.api) == .external && s.timeline.elements.count == before + 1)
    }
}
