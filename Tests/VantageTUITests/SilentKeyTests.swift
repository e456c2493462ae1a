import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// No silent key: every action of the action table, pressed in every pane and every overlay, in a
/// workspace where most keys cannot act, sends a command or changes the screen (at the least, the
/// footer says why it did nothing or where it works).
@Suite("No silent key")
struct SilentKeyTests {
    static let t0 = Date(timeIntervalSince1970: 3_000_000)
    static let api = ProjectID("/w/api"), db = ProjectID("local/db")

    /// One stopped folder project and one stopped container; nothing sampled, no graph, no problems.
    static func quiet() -> AppState {
        var s = AppState(now: t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node])])), to: &s)
        _ = Update.apply(.event(.discovered(source: "docker:local", projects: [
            Project(name: "db", path: "local/db", kinds: [.docker], engine: "local")])), to: &s)
        s.screenSize = Size(width: 100, height: 30)
        return s
    }

    /// Every place keys are read as actions, with a representative state for each overlay.
    static var places: [(String, AppState)] {
        var out: [(String, AppState)] = []
        for pane in PaneID.allCases {
            var s = quiet()
            s.focus = pane
            out.append(("pane \(pane)", s))
        }
        let overlays: [AppOverlay] = [.help(scroll: 0), .details(api), .confirm(.stop(api)), .quit,
                                      .entry(OpenedEntry(TimelineEntry(time: t0, kind: .scan, text: "scanned /w")), scroll: 0),
                                      .council(selected: 0), .logs(LogViewer(project: api)), .dependencies(api, scroll: 0),
                                      .schedule(selected: 0), .processes(ProcessView(project: api)),
                                      .processes(ProcessView(project: api, signal: 0))]
        for overlay in overlays {
            var s = quiet()
            s.overlay = overlay
            out.append(("overlay \(overlay.kind)", s))
        }
        return out
    }

    static func screen(_ s: AppState) -> String {
        AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: s.screenSize!).lines.joined(separator: "\n")
    }

    @Test func everyActionEverywhereSendsOrShowsSomething() {
        let kinds = Set(Self.places.compactMap { $0.1.overlay?.kind })
        #expect(kinds == Set(AppOverlay.Kind.allCases.filter { !$0.takesText }), "every overlay that reads actions is covered")
        for (name, start) in Self.places {
            for spec in ActionSpec.all {
                var s = start
                let before = Self.screen(s)
                let commands = Update.apply(.action(spec.action), to: &s)
                let after = Self.screen(s)
                // The theme switch shows in colours, which the text of the screen does not have.
                let recoloured = s.themeVariant != start.themeVariant
                #expect(!commands.isEmpty || s.shouldQuit || after != before || recoloured, "\(spec.action) in \(name) is silent")
            }
        }
    }

    @Test func killAndRemoveSayWhyTheyCannotAct() {
        var s = Self.quiet()
        _ = Update.apply(.action(.kill), to: &s)
        #expect(s.notice?.text == "kill: api is stopped: no process to kill" && s.overlay == nil)
        _ = Update.apply(.action(.remove), to: &s)
        #expect(s.notice?.text == "remove: api is a folder project, not a container: x stops it" && s.overlay == nil)
        #expect(Self.screen(s).contains("api is a folder project, not a container"))
        _ = Update.apply(.action(.down), to: &s)    // the container
        _ = Update.apply(.action(.kill), to: &s)
        #expect(s.notice?.text == "kill: db is stopped: no process to kill")
    }
}
