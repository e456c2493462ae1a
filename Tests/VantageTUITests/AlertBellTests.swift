import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// A fired alert rings the terminal's bell when the Troubleshooting pane is not on screen (another
/// pane zoomed, or the side-pane layout on another tab), and only then; the runtime rings it once.
@MainActor
@Suite struct AlertBellTests {
    static let now = GoldenFixture.time(GoldenFixture.ticks)

    func alert(_ severity: Diagnostic.Severity = .warning) -> Event {
        .diagnostic(Diagnostic(time: Self.now, severity: severity, source: Diagnostic.alertSource, project: ProjectID("/srv/api"),
                               message: severity == .warning ? "cpu > 80% for 2m (api at 95%, held 120 s)" : "resolved: cpu > 80% for 2m (api now 5%)"))
    }

    @Test func theBellRingsOnlyWhenTroubleshootingIsHidden() {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Self.now)
        app.resized(to: Size(width: 120, height: 40))
        _ = app.handle(event: alert())
        #expect(!app.takeBell(), "the pane is on screen at 120x40")
        _ = app.handle(key: .char("z"))   // zoom the focused pane (Projects)
        #expect(app.state.zoomed != nil)
        _ = app.handle(event: alert())
        #expect(app.takeBell(), "Projects zoomed hides Troubleshooting")
        #expect(!app.takeBell(), "once")
        _ = app.handle(event: alert(.info))
        #expect(!app.takeBell(), "a resolution does not ring")
        _ = app.handle(event: .diagnostic(Diagnostic(time: Self.now, severity: .error, source: "api", message: "ERROR boom")))
        #expect(!app.takeBell(), "only alerts ring")
        _ = app.handle(key: .char("z"))
        app.resized(to: Size(width: 50, height: 30))
        _ = app.handle(event: alert())
        #expect(app.takeBell(), "the side-pane layout shows the Projects tab")
    }

    @Test func theRuntimeRingsTheTerminalsBell() async {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Self.now)
        let term = MemoryTerminal(width: 50, height: 30)
        let runtime = TerminalRuntime(program: app, terminal: term, bus: nil,
                                      options: RuntimeOptions(glyphs: .ascii, maxFramesPerSecond: 1000, statsPath: nil))
        let loop = Task { await runtime.run() }
        let deadline = ContinuousClock.now + .seconds(60)
        while runtime.counters.framesPainted == 0 && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(2)) }
        runtime.handle(event: alert())
        #expect(term.calls.bells == 1)
        runtime.handle(event: alert(.info))
        #expect(term.calls.bells == 1)
        runtime.stop()
        await loop.value
    }
}
