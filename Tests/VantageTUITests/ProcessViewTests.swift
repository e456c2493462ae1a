import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The process view (`T`, issue 12 §7): the selected project's processes as a tree, asked for again
/// at every monitor tick; `s` (or F9) opens the signal chooser and Enter sends the signal to the
/// project's owner; the footer says what came of it.
@Suite("Processes: the tree of a project and the signal chooser")
struct ProcessViewTests {
    static let api = GoldenFixture.id("api")

    /// The golden dashboard with `api` (running) selected, driven as the runtime drives the App:
    /// keys through the default keymap, events folded, the commands each sends collected.
    final class Driver {
        var state = GoldenFixture.state()
        var pending: [Command] = []

        @discardableResult
        func handle(key: KeyPress) -> Bool {
            let before = state
            let message = Keymap.defaults.action(for: key, in: state.keyContext).map(Message.action) ?? .unbound(key)
            pending += Update.apply(message, to: &state)
            return state != before
        }

        @discardableResult
        func handle(event: Event) -> Bool {
            let before = state
            pending += Update.apply(.event(event), to: &state)
            return state != before
        }

        func takeCommands() -> [Command] {
            defer { pending = [] }
            return pending
        }
    }

    func makeApp() -> Driver { Driver() }

    func screen(_ app: Driver, _ width: Int = 120, _ height: Int = 40) -> String {
        AppView(state: app.state, glyphs: .ascii, timeZone: .utc).render(size: Size(width: width, height: height)).lines.joined(separator: "\n")
    }

    @Test func tAsksForTheTreeShowsItAndAsksAgainAtEachTick() throws {
        let app = makeApp()
        _ = app.takeCommands()
        #expect(app.handle(key: .char("T")))
        #expect(app.state.overlay == .processes(ProcessView(project: Self.api)))
        #expect(app.takeCommands() == [.listProcesses(Self.api)])
        #expect(screen(app).contains("Reading api's processes"))
        _ = app.handle(event: .processes(GoldenFixture.apiProcesses))
        let text = screen(app)
        #expect(text.contains("Processes of api: 6 processes"), "\(text)")
        #expect(text.contains("    PID  CPU%    RSS  THR  UPTIME  COMMAND"), "\(text)")
        #expect(text.contains("   4101   0.3  49.6M   11   2h01m  npm start"), "\(text)")
        #expect(text.contains("   4102  11.8  84.3M    7   2h00m  `- node server.js --port 3000"), "\(text)")
        #expect(text.contains("     `- esbuild --watch src/reports"), "\(text)")
        #expect(text.contains("`- sh <zombie>"), "\(text)")
        // The monitor's next tick: the view asks again.
        _ = app.handle(event: .projectsSampled(GoldenFixture.projectSamples(GoldenFixture.ticks + 1)))
        #expect(app.takeCommands() == [.listProcesses(Self.api)])
        // A tree another console asked for (another project) is not shown.
        var other = GoldenFixture.apiProcesses
        other.project = GoldenFixture.id("worker")
        other.rows = []
        _ = app.handle(event: .processes(other))
        #expect(app.state.processTree?.rows.count == 6)
        _ = app.handle(key: .escape)
        #expect(app.state.overlay == nil)
        _ = app.handle(event: .projectsSampled(GoldenFixture.projectSamples(GoldenFixture.ticks + 2)))
        #expect(app.takeCommands().isEmpty, "closed: no more asking")
    }

    @Test func theChooserSendsTheSelectedSignalToTheSelectedProcessAndTheFooterSaysSo() throws {
        let app = makeApp()
        _ = app.handle(key: .char("T"))
        _ = app.handle(event: .processes(GoldenFixture.apiProcesses))
        _ = app.takeCommands()
        _ = app.handle(key: .down)
        _ = app.handle(key: .down)
        #expect(app.state.overlay == .processes(ProcessView(project: Self.api, pid: 4130, row: 2)))
        #expect(app.handle(key: .function(9)))
        #expect(app.state.keyContext == .overlay(.signals))
        let chooser = screen(app)
        #expect(chooser.contains("Signal to 4130 (node worker.js --queue emails):"), "\(chooser)")
        #expect(chooser.contains("> SIGTERM terminate cleanly (what stop sends)"), "\(chooser)")
        #expect(chooser.contains("  SIGUSR2 user signal 2 (the program decides)"), "\(chooser)")
        for _ in 0..<4 { _ = app.handle(key: .char("j")) }
        _ = app.handle(key: .down)
        _ = app.handle(key: .down)
        #expect(app.state.notice?.text == "down: already at the last signal")
        _ = app.handle(key: .up)
        #expect(screen(app).contains("> SIGUSR1 user signal 1"))
        #expect(app.takeCommands().isEmpty, "nothing is sent before Enter")
        _ = app.handle(key: .enter)
        #expect(app.takeCommands() == [.signal(Self.api, pid: 4130, .usr1)])
        #expect(app.state.keyContext == .overlay(.processes))
        #expect(app.state.notice?.text == "sending SIGUSR1 to 4130 (node worker.js --queue emails)")
        _ = app.handle(event: .signalSent(SignalReport(project: Self.api, pid: 4130, signal: .usr1, command: "node worker.js --queue emails",
                                                       failure: nil)))
        #expect(screen(app).contains("sent SIGUSR1 to 4130 (node worker.js --queue emails)"))
        _ = app.handle(event: .signalSent(SignalReport(project: Self.api, pid: 4199, signal: .hup, command: "sh",
                                                       failure: "no such process: it has already exited")))
        #expect(app.state.notice == Notice("SIGHUP to 4199 (sh) not sent: no such process: it has already exited", role: .error))
        // An attached console whose daemon cannot carry it out: the error reaches the footer.
        _ = app.handle(event: .diagnostic(Diagnostic(time: GoldenFixture.start, severity: .error, source: "daemon", project: Self.api,
                                                     message: "Cannot send a signal to a process of api: the daemon does not know this command")))
        #expect(screen(app).contains("Cannot send a signal to a process of api"))
        // `s` in the chooser goes back without sending.
        _ = app.handle(key: .char("s"))
        _ = app.handle(key: .char("s"))
        #expect(app.state.keyContext == .overlay(.processes))
        #expect(app.takeCommands().isEmpty)
    }

    @Test func aStoppedProjectOrAContainerSaysWhyThereIsNothingToShow() {
        let app = makeApp()
        app.state.selectedProject = GoldenFixture.id("ledger-service")
        _ = app.takeCommands()
        _ = app.handle(key: .char("T"))
        #expect(app.state.overlay == nil)
        #expect(app.state.notice?.text == "processes: ledger-service is stopped: it has no processes to show; s starts it")
        var s = SilentKeyTests.quiet()
        _ = Update.apply(.action(.down), to: &s)    // the container
        s.runStates[SilentKeyTests.db] = .running
        _ = Update.apply(.action(.processes), to: &s)
        #expect(s.notice?.text.hasPrefix("processes: db is a container: its processes run inside the Docker engine") == true, "\(String(describing: s.notice))")
        #expect(app.takeCommands().isEmpty)
    }

    @Test func anEmptyTreeSaysNoProcessWasSeenAndTheChooserDoesNotOpen() {
        let app = makeApp()
        _ = app.handle(key: .char("T"))
        _ = app.handle(event: .processes(ProcessTree(project: Self.api, time: GoldenFixture.start, rows: [])))
        #expect(screen(app).contains("No process of api was seen on this machine at the last reading"))
        _ = app.handle(key: .char("s"))
        #expect(app.state.notice?.text == "signal: no process of api was seen on this machine at the last reading")
        #expect(app.state.keyContext == .overlay(.processes))
    }
}
