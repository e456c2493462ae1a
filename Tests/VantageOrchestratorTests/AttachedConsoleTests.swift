import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator
@testable import VantageTUI

/// A console attaching to a running daemon: it starts from the daemon's state (the log viewer
/// shows the lines the project printed before the console came, then follows new ones, nothing
/// lost or doubled at the seam), and a key script gives the same screen state whether the console
/// hosts the actors or attaches to them.
@Suite(.serialized, .timeLimit(.minutes(2))) struct AttachedConsoleTests {
    static func numbers(_ lines: [LogLine]) -> [Int] {
        lines.compactMap { $0.text.hasPrefix("line ") ? Int($0.text.dropFirst(5)) : nil }
    }

    @Test func attachingShowsTheBacklogThenFollows() async throws {
        try #require(FileManager.default.fileExists(atPath: DaemonTests.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        let root = f.root + "/projects"
        // 400 lines, then quiet: fewer than the 500 a console keeps per project, so a console that
        // lags behind on a loaded machine still holds every line and the seam can be checked whole.
        let project = f.project("chatty", files: [".vantage.toml": "command = \"i=0; while [ $i -lt 400 ]; do i=$((i+1)); echo line $i; sleep 0.05; done; sleep 3600\"\n"])
        let daemon = try DaemonTests.startDaemon(root: root, home: f.paths.home)
        defer {
            kill(daemon, SIGTERM)
            var status: Int32 = 0
            waitpid(daemon, &status, 0)
            f.removeFiles()
        }
        try await DaemonTests.waitForSocket(f.paths)
        let paths = f.paths
        _ = try await offPool { try ControlClient.request(paths, .launch(names: ["chatty"], all: false, environment: nil, overrides: [:])) }

        // The project prints at least 20 lines before any console exists.
        var printed = 0
        for _ in 0..<200 {
            if case .logTail(let got, _)? = try? await offPool({ try ControlClient.request(paths, .logs(name: "chatty", lines: 5, follow: false)) }) {
                printed = got.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.max() ?? 0
            }
            if printed >= 20 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(printed >= 20)

        // The console: its own bus, the screen's model, and the feed from the daemon.
        let bus = Bus()
        let events = bus.events(capacity: 4096)
        let app = await App(projects: [Project(name: "chatty", path: project.path, kinds: [.command])], glyphs: .ascii,
                            timeZone: ClockZone.utc, now: Date())
        let attachment = HostAttachment(name: "local", address: paths.socket, bus: bus, clock: SystemClock()) { () throws(VantageError) in
            try ControlClient.connect(paths)
        }
        attachment.start()
        defer { attachment.stop() }

        let target = min(printed + 20, 400) // lines printed after the console attached
        let consumer = Task { @MainActor in
            for await event in events {
                _ = app.handle(event: event)
            }
        }
        var finished = false
        for _ in 0..<600 {
            let last = await Self.numbers(app.state.projectLogs[project.id]?.elements.map { $0 } ?? []).last ?? 0
            if last >= target { finished = true; break }
            try await Task.sleep(for: .milliseconds(50))
        }
        consumer.cancel()
        #expect(finished, "the console saw the live lines")

        let kept = await app.state.projectLogs[project.id]?.elements.map { $0 } ?? []
        let numbers = Self.numbers(kept)
        // Every line from the first one printed before attaching, in order, each once.
        #expect(numbers.first == 1, "the snapshot starts at the project's first line")
        #expect(numbers == Array(1...(numbers.last ?? 0)), "no line lost or doubled where the snapshot meets the live lines")
        #expect((numbers.last ?? 0) >= target)

        // `L` opens the viewer on the project; it shows the lines printed before attaching.
        #expect(await app.handle(key: .char("L")))
        guard case .logs(let viewer) = await app.state.overlay else {
            Issue.record("the log viewer did not open")
            return
        }
        #expect(viewer.project == project.id)
        let overlay = LogViewerOverlay(name: "chatty", lines: kept, viewer: viewer, timeZone: ClockZone.utc, glyphs: .ascii)
        #expect(overlay.title.hasPrefix("Logs: chatty (\(kept.count) lines)"))
        var scrolled = viewer
        let first = try #require(kept.firstIndex { $0.text == "line 1" }, "the console kept the first line")
        scrolled.show(line: first, count: kept.count)
        var buffer = Buffer(width: 60, height: 8)
        LogViewerOverlay(name: "chatty", lines: kept, viewer: scrolled, timeZone: ClockZone.utc, glyphs: .ascii)
            .render(area: buffer.area, buffer: &buffer)
        #expect(buffer.lines.contains { $0.contains(" line 1 ") }, "\(buffer.lines.joined(separator: "\n"))")
    }

    /// The host side of both consoles: a supervisor, its control socket and the hub that keeps the
    /// console state, on one bus (what `vantage daemon` runs, without the other actors).
    final class Host: Sendable {
        let f: Fixture
        let server: ControlServer
        let hub = AttachHub(keeper: ConsoleStateKeeper(now: Date()))
        let feeding: Task<Void, Never>

        init(_ f: Fixture) throws {
            self.f = f
            let events = f.bus.events(capacity: 1 << 16)
            let hub = self.hub
            feeding = Task.detached { await hub.run(events: events) }
            server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket)
            server.serve(hub)
            try server.start()
        }

        func stop() async {
            server.stop()
            feeding.cancel()
            await f.cleanup()
        }
    }

    /// A console's model fed from a bus, its commands sent back on it (what TerminalRuntime does).
    @MainActor final class Console {
        let app: App
        let bus: Bus
        private var reading: Task<Void, Never>?

        init(bus: Bus, projects: [Project], root: String) {
            self.bus = bus
            app = App(roots: [root], projects: projects, keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Date())
            let events = bus.events(capacity: 1 << 14)
            reading = Task { @MainActor [app] in for await e in events { _ = app.handle(event: e) } }
        }

        func press(_ key: Character) {
            _ = app.handle(key: .char(key))
            for command in app.takeCommands() { bus.send(command) }
        }

        func stop() { reading?.cancel() }
    }

    /// What two consoles must agree on: the projects and their states, the selection, the
    /// timeline (the attached console's own host row left out).
    struct Shown: Equatable {
        var projects: [String]
        var states: [String: RunState]
        var selected: ProjectID?
        var timeline: [String]

        @MainActor init(_ app: App) {
            let s = app.state
            projects = s.projects.map(\.name)
            states = Dictionary(uniqueKeysWithValues: s.projects.map { ($0.name, s.runState($0.id)) })
            selected = s.selectedProject
            timeline = s.timeline.elements.filter { $0.kind != .scan }.map { "\($0.kind): \($0.text)" }
        }
    }

    @Test func aKeyScriptGivesTheSameStateHostedAndAttachedAndEveryCommandIsAnswered() async throws {
        let f = Fixture()
        let worker = f.project("worker", command: "while true; do echo working; sleep 0.2; done")
        let idle = f.project("idle", command: "sleep 30")
        await f.supervisor.register([worker, idle])
        await f.supervisor.start()
        let host = try Host(f)
        let root = f.root + "/projects"
        f.bus.publish(.scanned(roots: [root], projects: [worker, idle]))

        // The hosted console reads the host's bus; the attached one its own, fed over the socket.
        let hosted = await Console(bus: f.bus, projects: [worker, idle], root: root)
        let remoteBus = Bus()
        let attached = await Console(bus: remoteBus, projects: [], root: root)
        let paths = f.paths
        let attachment = HostAttachment(name: "local", address: paths.socket, bus: remoteBus, clock: SystemClock()) { () throws(VantageError) in
            try ControlClient.connect(paths)
        }
        attachment.start()
        defer { attachment.stop() }
        func settle(_ what: String, _ condition: @MainActor () -> Bool) async throws {
            for _ in 0..<200 {
                if await condition() { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("timed out waiting for \(what)")
        }
        try await settle("the snapshot") { attached.app.state.projects.count == 2 }

        // One script, run by each console in turn on the same host: move down, start the selected
        // project, stop it (asked, confirmed).
        for console in [hosted, attached] {
            await console.press("j")
            let target = try #require(await console.app.state.selectedProject)
            await console.press("s")
            try await settle("the start") { hosted.app.state.runState(target).isUp && attached.app.state.runState(target).isUp }
            await console.press("x")
            await console.press("y")
            try await settle("the stop") { hosted.app.state.runState(target) == .stopped && attached.app.state.runState(target) == .stopped }
        }
        try await Task.sleep(for: .milliseconds(300))
        let (h, a) = await (Shown(hosted.app), Shown(attached.app))
        #expect(h == a)
        #expect(h.projects.sorted() == ["idle", "worker"])
        #expect(h.states.values.allSatisfy { $0 == .stopped })
        #expect(h.timeline.contains { $0.contains("stopped") }, "\(h.timeline)")

        // A command nothing carries out is answered with the same words in both modes: the
        // attached console's comes back as the answer to its request.
        @MainActor func errors(_ c: Console) -> [String] { c.app.state.diagnostics.elements.filter { $0.severity == .error }.map(\.message) }
        let refusal = "Cannot check outdated dependencies of idle: nothing in this Vantage handles it (the part that does is not running). Restart Vantage; if it keeps happening, report it."
        attached.bus.send(.checkOutdated(idle.id))
        try await settle("the attached refusal") { errors(attached) == [refusal] }
        #expect(await errors(hosted).isEmpty, "another console's refusal is its own")
        hosted.bus.send(.checkOutdated(idle.id))
        try await settle("the hosted refusal") { errors(hosted) == [refusal] }
        await hosted.stop()
        await attached.stop()
        await host.stop()
    }

    @Test func aDaemonThatGoesAwayIsShownAndACommandMeanwhileIsAnErrorThenItReattaches() async throws {
        let f = Fixture()
        let p = f.project("solo", command: "sleep 30")
        await f.supervisor.register([p])
        await f.supervisor.start()
        var host = try Host(f)
        f.bus.publish(.scanned(roots: [f.root + "/projects"], projects: [p]))
        let bus = Bus()
        let console = await Console(bus: bus, projects: [], root: f.root)
        let paths = f.paths
        let attachment = HostAttachment(name: "local", address: paths.socket, bus: bus, clock: SystemClock()) { () throws(VantageError) in
            try ControlClient.connect(paths)
        }
        attachment.start()
        defer { attachment.stop() }
        func wait(_ condition: @MainActor () -> Bool) async throws -> Bool {
            for _ in 0..<100 {
                if await condition() { return true }
                try await Task.sleep(for: .milliseconds(20))
            }
            return false
        }
        #expect(try await wait { console.app.state.hosts["local"]?.connected == true })
        let dropped = ContinuousClock.now
        host.server.stop()
        #expect(try await wait { console.app.state.hosts["local"]?.connected == false }, "the console says the daemon went away")
        #expect(ContinuousClock.now - dropped < .seconds(1))
        bus.send(.restart(p.id))
        #expect(try await wait { console.app.state.diagnostics.elements.contains { $0.message.hasPrefix("cannot restart solo: the Vantage daemon (\(paths.socket)) is not connected") } })
        // The daemon is back (a new server on the same socket): the console attaches again.
        host = try Host(f)
        #expect(try await wait { console.app.state.hosts["local"]?.connected == true }, "reattached")
        await console.stop()
        await host.stop()
    }
}
