import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The Metrics pane's window key, stored history folded into the sparklines, the timeline of
/// earlier runs, and the states a console gets when it attaches.
@MainActor
@Suite struct MetricWindowTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let api = ProjectID("/w/api")

    func makeApp() -> App {
        App(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node])], keymap: .defaults,
            glyphs: .ascii, timeZone: .utc, now: Self.t0)
    }

    func sample(_ t: Date, cpu: Double, state: RunState = .ready) -> ProjectSample {
        ProjectSample(time: t, project: api, state: state, cpuPercent: cpu, rssBytes: 100, ioReadBytesPerSec: 0,
                      ioWriteBytesPerSec: 0, processCount: 1, pids: [7])
    }

    @Test func theWindowKeyCyclesFiveMinutesHourDayWeekAndAsksForTheStoredHistory() {
        let app = makeApp()
        #expect(app.state.metricsWindow == .fiveMinutes)
        var asked: [Command] = []
        for expected in [MetricWindow.hour, .day, .week, .fiveMinutes] {
            #expect(app.handle(key: .char("w")))
            #expect(app.state.metricsWindow == expected)
            asked += app.takeCommands()
        }
        #expect(asked == [.loadHistory(.hour), .loadHistory(.day), .loadHistory(.week), .loadHistory(.fiveMinutes)])
        #expect(app.view(size: Size(width: 120, height: 40)).lines.contains { $0.contains("system + api, 5 min") })
    }

    @Test func storedHistoryFillsTheSparklinesAndKeepsNewerLiveSamples() {
        let app = makeApp()
        // Two live samples arrive before the history, the first one a second after its end (a gap).
        _ = app.handle(event: .projectsSampled([sample(Self.t0.addingTimeInterval(11), cpu: 50)]))
        _ = app.handle(event: .projectsSampled([sample(Self.t0.addingTimeInterval(12), cpu: 60)]))
        var stored = MetricHistory(window: .fiveMinutes, system: MetricHistory.SystemHistory(window: .fiveMinutes), projects: [:])
        var project = MetricHistory.ProjectHistory(window: .fiveMinutes)
        for i in 0..<5 { project.add(sample(Self.t0.addingTimeInterval(Double(i) + 5), cpu: Double(i))) }
        stored.projects[api] = project
        stored.projects[ProjectID("/w/gone")] = project
        stored.system.cpu.add(12, at: Self.t0)
        _ = app.handle(event: .metricHistory(stored))
        #expect(app.state.projectSeries[api]?.cpu.values == [0, 1, 2, 3, 4, nil, 50, 60])
        #expect(app.state.systemSeries.cpu.values == [12])
        // Only listed projects get history.
        #expect(app.state.projectSeries[ProjectID("/w/gone")] == nil)

        // History for a window no longer on screen is dropped.
        _ = app.handle(key: .char("w"))
        _ = app.handle(event: .metricHistory(stored))
        #expect(app.state.projectSeries[api] == nil)
        #expect(app.state.systemSeries.cpu.isEmpty)
    }

    @Test func aStoppedProjectLeavesAGapInItsSeries() {
        let app = makeApp()
        _ = app.handle(event: .projectsSampled([sample(Self.t0, cpu: 5)]))
        _ = app.handle(event: .projectsSampled([sample(Self.t0.addingTimeInterval(1), cpu: 0, state: .stopped)]))
        _ = app.handle(event: .projectsSampled([sample(Self.t0.addingTimeInterval(2), cpu: 7)]))
        #expect(app.state.projectSeries[api]?.cpu.values == [5, nil, 7])
    }

    @Test func pastTimelineEntriesComeBeforeLiveOnesWithTheirTimesAndAreNotRepeated() {
        let app = makeApp()
        let live = TimelineEntry(time: Self.t0.addingTimeInterval(100), kind: .scan, text: "scanned /w: 1 project")
        _ = app.handle(event: .timeline(live))
        let past = [TimelineEntry(time: Self.t0.addingTimeInterval(-7200), kind: .decision, project: api, text: "api: port 3000 → 3001"),
                    TimelineEntry(time: Self.t0.addingTimeInterval(-60), kind: .state, project: api, text: "api: ready → stopped")]
        _ = app.handle(event: .pastTimeline(past))
        _ = app.handle(event: .pastTimeline(past + [live]))
        #expect(Array(app.state.timeline.elements) == past + [live])
    }

    @Test func runStatesSetTheStateWithoutATimelineEntry() {
        let app = makeApp()
        _ = app.handle(event: .runStates([api: .ready, ProjectID("/w/unknown"): .failed]))
        #expect(app.state.runState(api) == .ready)
        #expect(app.state.runStates[ProjectID("/w/unknown")] == nil)
        #expect(app.state.timeline.isEmpty)
    }
}
