import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// What the backends publish reaches the screen: environments (the `e` prompt, its refusals and
/// Details), the governor's throttling (a mark in the grid, the reason in Details) and the ports a
/// project was started on.
@Suite("Backend facts on screen")
struct BackendFactsOnScreenTests {
    static let t0 = Date(timeIntervalSince1970: 3_000_000)
    static let api = ProjectID("/w/api")

    static func state(_ events: [Event] = []) -> AppState {
        var s = AppState(now: t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node], ports: [3000])])), to: &s)
        for e in events { _ = Update.apply(.event(e), to: &s) }
        s.screenSize = Size(width: 120, height: 40)
        return s
    }

    static func screen(_ s: AppState) -> String {
        AppView(state: s, glyphs: .unicode, timeZone: .utc).render(size: s.screenSize!).lines.joined(separator: "\n")
    }

    static func type(_ text: String, _ s: inout AppState) -> [Command] {
        var commands: [Command] = []
        for c in text { commands += Update.apply(.input(.char(c)), to: &s) }
        return commands + Update.apply(.input(.enter), to: &s)
    }

    @Test func theEnvironmentPromptListsThemAndRefusesAnUnknownOne() {
        var s = Self.state([.environments(project: Self.api, available: ["development", "staging"], current: "development")])
        _ = Update.apply(.action(.switchEnvironment), to: &s)
        #expect(Self.screen(s).contains("environment for api, now development, one of development, staging"))
        #expect(Self.type("prod", &s).isEmpty)
        #expect(s.notice?.text == "api has no environment \"prod\": it has development and staging")
        #expect(Self.screen(s).contains("api has no environment \"prod\": it has development and staging"))
        _ = Update.apply(.action(.switchEnvironment), to: &s)
        #expect(Self.type("development", &s).isEmpty && s.notice?.text == "api already uses development")
        _ = Update.apply(.action(.switchEnvironment), to: &s)
        #expect(Self.type("staging", &s) == [.useEnvironment(Self.api, "staging")])
    }

    @Test func aProjectWithOneEnvironmentSaysHowToAddAnother() {
        var s = Self.state([.environments(project: Self.api, available: ["development"], current: "development")])
        _ = Update.apply(.action(.switchEnvironment), to: &s)
        #expect(s.overlay == nil)
        #expect(s.notice?.text == "env: api has only the development environment; add a .env.NAME file or an [env.NAME] section to .vantage.toml for another")
    }

    @Test func detailsShowTheEnvironmentTheGovernorAndThePortsInUse() {
        var s = Self.state()
        s.overlay = .details(Self.api)
        #expect(Self.screen(s).contains("Env     n/a (not reported yet)"), "\(Self.screen(s))")
        s = Self.state([.environments(project: Self.api, available: ["development", "staging"], current: "staging"),
                        .stateChanged(project: Self.api, from: .stopped, to: .running),
                        .throttled(project: Self.api, reason: "slowed: memory pressure at 93 %"),
                        .portsInUse(project: Self.api, ports: [3001])])
        let grid = Self.screen(s)
        #expect(grid.contains("running↓"), "the governor's mark: \(grid)")
        #expect(grid.contains("3001") && !grid.contains("3000 "), "the grid shows the port in use: \(grid)")
        s.overlay = .details(Self.api)
        let details = Self.screen(s)
        #expect(details.contains("Env      staging (has development and staging)"), "\(details)")
        #expect(details.contains("Governor slowed: memory pressure at 93 %"))
        #expect(details.contains("Ports    3000 (declared), 3001 (in use)"))
        _ = Update.apply(.event(.throttled(project: Self.api, reason: nil)), to: &s)
        s.overlay = nil
        #expect(!Self.screen(s).contains("running↓"), "given back: the mark goes")
    }

    @Test func portsGoByEveryNameTheyHave() {
        #expect(PaneContent.portsText(declared: [3000], inUse: [3000], listening: [3000]) == "3000 (declared, in use, listening)")
        #expect(PaneContent.portsText(declared: [], inUse: [], listening: []) == "none")
        #expect(PaneContent.portsText(declared: [3000], listening: [3000, 9229]) == "3000 (declared), 3000, 9229 (listening)")
    }
}
