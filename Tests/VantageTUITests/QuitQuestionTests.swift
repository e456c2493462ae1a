import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Quitting with projects still running asks on screen (stop them / keep them running under a
/// daemon / cancel), and the answer is what the program carries out after the screen closes.
@MainActor
@Suite("Quit question")
struct QuitQuestionTests {
    func makeApp(onExit: OnExit = .ask) -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Date(timeIntervalSince1970: 1_000_000))
        app.onExit = onExit
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [
            Project(name: "api", path: "/w/api", kinds: [.node]),
            Project(name: "worker", path: "/w/worker", kinds: [.python]),
            Project(name: "db", path: "db", kinds: [.docker], engine: "local"),
        ]))
        return app
    }

    func state(_ app: App, _ name: String, _ to: RunState) {
        _ = app.handle(event: .stateChanged(project: name == "db" ? ProjectID("db") : ProjectID("/w/" + name), from: .stopped, to: to))
    }

    func screen(_ app: App, width: Int = 100, height: Int = 30) -> String {
        app.view(size: Size(width: width, height: height)).lines.joined(separator: "\n")
    }

    @Test func nothingRunningQuitsAtOnceWithoutAnAnswer() {
        let app = makeApp()
        state(app, "db", .running)          // a container is not stopped by quitting
        state(app, "worker", .external)     // nor a process Vantage did not start
        #expect(app.state.runningOnQuit.isEmpty)
        _ = app.handle(key: .char("q"))
        #expect(app.shouldQuit && app.quitChoice == nil && app.takeCommands() == [.shutdown])
    }

    @Test func runningProjectsAskAndSStopsThem() {
        let app = makeApp()
        state(app, "api", .ready)
        state(app, "worker", .backoff)      // waiting to restart: still supervised
        #expect(app.handle(key: .char("q")))
        #expect(!app.shouldQuit && app.state.overlay == .quit && app.takeCommands().isEmpty)
        let shown = screen(app)
        #expect(shown.contains("api and worker are still running."), "\(shown)")
        #expect(shown.contains("s  stop them, then quit"))
        #expect(shown.contains("k  keep them running under a Vantage daemon, then quit"))
        #expect(shown.contains("n  cancel: stay here"))
        #expect(shown.contains("s stop them and quit") && shown.contains("k keep them running"), "footer offers the answers")
        _ = app.handle(key: .char("s"))
        #expect(app.shouldQuit && app.quitChoice == .stop && app.takeCommands() == [.shutdown])
    }

    @Test func kKeepsThemRunning() {
        let app = makeApp()
        state(app, "api", .running)
        _ = app.handle(key: .char("q"))
        #expect(screen(app).contains("api is still running."))
        #expect(screen(app).contains("keep it running"))
        _ = app.handle(key: .char("k"))
        #expect(app.shouldQuit && app.quitChoice == .keep)
    }

    @Test func nEscAndQCancelAndOtherKeysSayWhatToPress() {
        let app = makeApp()
        state(app, "api", .running)
        for cancel in [KeyPress.char("n"), .escape, .char("q")] {
            _ = app.handle(key: .char("q"))
            #expect(app.state.overlay == .quit)
            _ = app.handle(key: .char("j"))   // not an answer
            #expect(app.state.notice?.text == "press s to stop them and quit, k to keep them running, n or Esc to cancel")
            #expect(app.state.overlay == .quit && !app.shouldQuit)
            _ = app.handle(key: cancel)
            #expect(app.state.overlay == nil && !app.shouldQuit && app.quitChoice == nil, "\(cancel) cancels")
        }
        #expect(app.takeCommands().isEmpty)
    }

    @Test func aSettingOtherThanAskOrADaemonThatRunsThemAsksNothing() {
        for setting in [OnExit.stop, .keep] {
            let app = makeApp(onExit: setting)
            state(app, "api", .running)
            _ = app.handle(key: .char("q"))
            #expect(app.shouldQuit && app.quitChoice == nil, "\(setting): the wiring applies the setting itself")
        }
        let attached = makeApp()
        attached.hostsProjects = { false }
        state(attached, "api", .running)
        _ = attached.handle(key: .char("q"))
        #expect(attached.shouldQuit && attached.state.overlay == nil, "a daemon runs them: quitting leaves them alone")
    }

    @Test func theAnswerKeysFollowTheKeymap() {
        let app = makeApp()
        app.keymap.bind(.quitStopping, to: [.char("S")])
        app.keymap.bind(.quitKeeping, to: [.char("K")])
        state(app, "api", .running)
        _ = app.handle(key: .char("q"))
        #expect(screen(app).contains("S  stop it, then quit") && screen(app).contains("K  keep it running"))
        _ = app.handle(key: .char("K"))
        #expect(app.quitChoice == .keep)
    }

    @Test func manyProjectsAreCountedAndTheBoxFitsANarrowScreen() {
        #expect(QuitDialog.heading(["a", "b", "c", "d", "e"], ellipsis: "~") == "5 projects are still running: a, b, c, d, ~")
        let app = makeApp()
        state(app, "api", .running)
        _ = app.handle(key: .char("q"))
        let narrow = screen(app, width: 40, height: 20)
        #expect(narrow.contains("api is still running."), "\(narrow)")
    }
}
