import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@MainActor
@Suite("App: switching a project's environment with e")
struct AppEnvironmentSwitchTests {
    func makeApp() -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc,
                      now: Date(timeIntervalSince1970: 1_000_000))
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [
            Project(name: "api", path: "/w/api", kinds: [.node], ports: [3000]),
        ]))
        return app
    }

    @Test func typedNameIsSentOnEnter() {
        let app = makeApp()
        #expect(app.handle(key: .char("e")))
        #expect(app.state.overlay == .environmentInput(ProjectID("/w/api"), text: ""))
        for c in "stagx" { _ = app.handle(key: .char(c)) }
        _ = app.handle(key: .backspace)
        for c in "ing" { _ = app.handle(key: .char(c)) }
        // While the prompt is open, q is text, not quit.
        #expect(!app.shouldQuit)
        _ = app.handle(key: .enter)
        #expect(app.takeCommands() == [.useEnvironment(ProjectID("/w/api"), "staging")])
        #expect(app.state.overlay == nil)
    }

    @Test func escapeAndAnEmptyNameSendNothing() {
        let app = makeApp()
        for key: KeyPress in [.char("e"), .char("p"), .escape, .char("e"), .enter] { _ = app.handle(key: key) }
        #expect(app.takeCommands().isEmpty)
        #expect(app.state.overlay == nil)
    }

    @Test func thePromptNamesTheProject() {
        let app = makeApp()
        _ = app.handle(key: .char("e"))
        _ = app.handle(key: .char("d"))
        let screen = app.view(size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(screen.contains("environment for api"))
        #expect(screen.contains("d"))
    }
}
