import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The `:` prompt (issue 12 §7, like k9s): completion over the actions and the projects, and a
/// command run as its key would be.
@MainActor
@Suite("Command palette")
struct CommandPaletteTests {
    func makeApp() -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: GoldenFixture.time(GoldenFixture.ticks))
        for e in GoldenFixture.events { _ = app.handle(event: e) }
        return app
    }

    func type(_ text: String, into app: App) { for c in text { _ = app.handle(key: .char(c)) } }

    func footer(_ app: App) -> String { app.view(size: Size(width: 120, height: 40)).lines.last ?? "" }

    @Test func tabCompletesTheActionThenTheProject() {
        let app = makeApp()
        _ = app.handle(key: .char(":"))
        #expect(app.state.overlay == .palette(text: ""))
        type("res", into: app)
        #expect(footer(app).contains("(Tab: restart)"), "\(footer(app))")
        _ = app.handle(key: .tab)
        #expect(app.state.overlay == .palette(text: "restart "))
        type("w", into: app)
        #expect(footer(app).contains("(Tab: web worker)"), "\(footer(app))")
        _ = app.handle(key: .tab)
        #expect(app.state.overlay == .palette(text: "restart w"), "two projects start with w: as far as they agree")
        #expect(app.state.notice?.text == "more than one way on: type a letter")
        type("o", into: app)
        _ = app.handle(key: .tab)
        #expect(app.state.overlay == .palette(text: "restart worker "))
        _ = app.handle(key: .enter)
        #expect(app.state.overlay == nil)
        #expect(app.takeCommands() == [.restart(GoldenFixture.id("worker"))])
        #expect(app.state.selectedProject == GoldenFixture.id("worker"), "the project named is selected")
    }

    @Test func aCommandAsksWhenItsKeyWouldAndThemeSetsTheVariant() {
        let app = makeApp()
        _ = app.handle(key: .char(":"))
        type("stop api", into: app)
        _ = app.handle(key: .enter)
        #expect(app.state.overlay == .confirm(.stop(GoldenFixture.id("api"))), "stop asks first, as x does")
        _ = app.handle(key: .escape)
        _ = app.handle(key: .char(":"))
        type("theme light", into: app)
        _ = app.handle(key: .enter)
        #expect(app.state.themeVariant == .light)
        _ = app.handle(key: .char(":"))
        type("schedule", into: app)
        _ = app.handle(key: .enter)
        #expect(app.state.overlay == .schedule(selected: 0), "an action without a project opens what its key opens")
    }

    @Test func mistakesAreSaid() {
        let app = makeApp()
        for (text, said) in [("restrat api", "no command \"restrat\": did you mean restart?"),
                             ("restart nosuch", "no project named \"nosuch\": api, ledger-service, notes, shop, stack, web, worker"),
                             ("help api", "help takes no project name"),
                             ("theme blue", "theme blue: the themes are dark and light"),
                             ("", "no command typed")] {
            _ = app.handle(key: .char(":"))
            type(text, into: app)
            _ = app.handle(key: .enter)
            #expect(app.state.notice?.text == said, "\(text)")
            #expect(app.takeCommands().isEmpty)
        }
        _ = app.handle(key: .char(":"))
        type("zz", into: app)
        #expect(footer(app).contains("(nothing matches; Esc cancels)"))
        _ = app.handle(key: .escape)
        #expect(app.state.overlay == nil)
    }
}
