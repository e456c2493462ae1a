import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@MainActor
@Suite("App: keys and events through update")
struct AppUpdateTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)

    func makeApp(limits: AppState.Limits = AppState.Limits()) -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Self.t0,
                      limits: limits)
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [
            Project(name: "worker", path: "/w/worker", kinds: [.python]),
            Project(name: "api", path: "/w/api", kinds: [.node], ports: [3000]),
            Project(name: "Billing", path: "/w/billing", kinds: [.go]),
        ]))
        return app
    }

    func run(_ app: App, _ names: String...) {
        for name in names { _ = app.handle(event: .stateChanged(project: ProjectID("/w/" + name), from: .stopped, to: .running)) }
    }

    func keys(_ app: App, _ keys: KeyPress...) { for k in keys { _ = app.handle(key: k) } }

    @Test func scanSortsProjectsAndSelectsTheFirst() {
        let app = makeApp()
        #expect(app.state.projects.map(\.name) == ["api", "Billing", "worker"])
        #expect(app.state.selectedProject == ProjectID("/w/api"))
    }

    @Test func stopAsksFirstAndNCancels() {
        let app = makeApp()
        run(app, "api")
        #expect(app.handle(key: .char("x")))
        #expect(app.state.overlay == .confirm(.stop(ProjectID("/w/api"))))
        #expect(app.takeCommands().isEmpty)
        keys(app, .char("s"))   // not an answer: the question stays and says what to press
        #expect(app.state.overlay != nil && app.takeCommands().isEmpty)
        #expect(app.state.notice?.text == "answer y to stop, n or Esc to cancel")
        keys(app, .char("n"))
        #expect(app.state.overlay == nil)
        #expect(app.takeCommands().isEmpty)
        // q in a question (as in any overlay) closes it; it never quits from there.
        keys(app, .char("x"), .char("q"))
        #expect(!app.shouldQuit && app.state.overlay == nil && app.takeCommands().isEmpty)
    }

    @Test func stopSendsOnlyAfterYes() {
        let app = makeApp()
        run(app, "billing")
        keys(app, .char("j"), .char("x"), .char("y"))
        #expect(app.takeCommands() == [.stop(ProjectID("/w/billing"))])
        #expect(app.state.overlay == nil)
        keys(app, .char("x"), .escape)
        #expect(app.takeCommands().isEmpty)
        #expect(app.state.overlay == nil)
    }

    @Test func launchRestartRefreshAndQuitSendCommands() {
        let app = makeApp()
        keys(app, .char("s"), .char("R"), .char("r"))
        #expect(app.takeCommands() == [.launch(ProjectID("/w/api")), .restart(ProjectID("/w/api")), .refresh])
        #expect(app.takeCommands().isEmpty)   // drained
        keys(app, .char("q"))
        #expect(app.shouldQuit)
        #expect(app.takeCommands() == [.shutdown])
    }

    @Test func unboundKeysSaySoAndChangeNothingElse() {
        let app = makeApp()
        var before = app.state
        #expect(app.handle(key: .char("Z")))
        #expect(app.state.notice?.text == "Z is not bound to anything here; ? lists the keys")
        before.notice = app.state.notice
        #expect(app.state == before)
        #expect(app.handle(key: .ctrl("a")))
        #expect(app.takeCommands().isEmpty)
    }

    @Test func pageKeysMoveByWhatTheScreenShows() throws {
        let app = makeApp()
        _ = app.handle(event: .scanned(roots: ["/w"], projects: (0..<60).map { Project(name: "p\($0 + 10)", path: "/w/p\($0)", kinds: [.node]) }))
        // 120x40: the Projects pane is half the body (19 rows): border and header leave 16 rows.
        app.resized(to: Size(width: 120, height: 40))
        keys(app, .pageDown)
        try #require(app.state.visibleProjects.count > 16)
        #expect(app.state.selectedProject == app.state.visibleProjects[16].id)
        // Zoomed, it has the whole body: 39 rows less border and header.
        keys(app, .char("z"), .pageDown)
        #expect(app.state.selectedProject == app.state.visibleProjects[16 + 36].id)
        app.resized(to: Size(width: 120, height: 20))
        keys(app, .pageUp)
        #expect(app.state.selectedProject == app.state.visibleProjects[52 - 16].id)
    }

    @Test func themeTogglesBetweenTheConfiguredPair() {
        let app = makeApp()
        #expect(app.theme.name == "dark")
        keys(app, .char("t"))
        #expect(app.theme == ThemeLoader.builtin("light"))
        keys(app, .char("t"))
        #expect(app.theme == ThemeLoader.builtin("dark"))
        let light = App(startVariant: .light, now: Self.t0)
        #expect(light.theme.variant == .light)
    }

    @Test func tabCyclesFocusAndZoomFollowsIt() {
        let app = makeApp()
        var order: [PaneID] = []
        for _ in 0..<5 { order.append(app.state.focus); keys(app, .tab) }
        #expect(order == PaneID.allCases && app.state.focus == .projects)
        keys(app, .backTab)
        #expect(app.state.focus == .troubleshooting)
        keys(app, .char("z"))
        #expect(app.state.zoomed == .troubleshooting)
        keys(app, .tab)
        #expect(app.state.zoomed == .projects && app.state.focus == .projects)
        keys(app, .char("z"))
        #expect(app.state.zoomed == nil)
        keys(app, .char("z"), .escape)
        #expect(app.state.zoomed == nil)
    }

    @Test func filterNarrowsProjectsLiveAndEscClearsIt() {
        let app = makeApp()
        keys(app, .char("/"), .char("o"), .char("r"))
        #expect(app.state.overlay == .filterInput(.projects))
        #expect(app.state.visibleProjects.map(\.name) == ["worker"])
        #expect(app.state.selectedProject == ProjectID("/w/worker"))
        keys(app, .backspace, .backspace, .char("L"), .char("L"))   // case-insensitive: "LL" matches "Billing"
        #expect(app.state.visibleProjects.map(\.name) == ["Billing"])
        keys(app, .enter)
        #expect(app.state.overlay == nil && app.state.filter(.projects) == "LL")
        keys(app, .char("q"))   // outside the prompt, q quits again
        #expect(app.shouldQuit)
        let other = makeApp()
        keys(other, .char("/"), .char("w"), .escape)
        #expect(other.state.filter(.projects) == "" && other.state.visibleProjects.count == 3)
    }

    @Test func detailsAndHelpOpenAndClose() {
        let app = makeApp()
        keys(app, .enter)
        #expect(app.state.overlay == .details(ProjectID("/w/api")))
        keys(app, .down)
        #expect(app.state.overlay == .details(ProjectID("/w/billing")))
        keys(app, .escape)
        #expect(app.state.overlay == nil)
        keys(app, .char("?"), .char("j"), .char("j"))
        #expect(app.state.overlay == .help(scroll: 2))
        keys(app, .char("?"))
        #expect(app.state.overlay == nil)
        keys(app, .tab, .enter)   // details only from the Projects pane
        #expect(app.state.overlay == nil)
    }

    @Test func selectionStopsAtTheEnds() {
        let app = makeApp()
        keys(app, .up, .up)
        #expect(app.state.selectedProject == ProjectID("/w/api"))
        keys(app, .char("G"))
        #expect(app.state.selectedProject == ProjectID("/w/worker"))
        keys(app, .down)
        #expect(app.state.selectedProject == ProjectID("/w/worker"))
    }

    @Test func graphKeysPanZoomAndCentre() {
        let app = makeApp()
        keys(app, .tab, .tab, .char("l"))
        #expect(app.state.notice?.text == "right: no graph yet to move in", "nothing to pan yet: said, not silent")
        _ = app.handle(event: .graph(GraphSnapshot(nodes: [.init(id: "a", label: "a", kind: .project, x: 0, y: 0),
                                                           .init(id: "b", label: "b", kind: .port, x: 1, y: 1)])))
        #expect(app.state.focus == .graph)
        keys(app, .char("l"), .char("j"), .char("+"))
        #expect(app.state.graphViewport.panX > 0 && app.state.graphViewport.panY > 0 && app.state.graphViewport.zoom > 1)
        keys(app, .char("-"), .char("-"))
        #expect(app.state.graphViewport.zoom < 1)
        keys(app, .char("0"))
        #expect(app.state.graphViewport == GraphViewport())
        for _ in 0..<100 { keys(app, .char("+")) }
        #expect(app.state.graphViewport.zoom == GraphViewport.maxZoom)
    }

    @Test func timelineScrollIsClampedToItsEntries() {
        let app = makeApp()
        for i in 0..<5 { _ = app.handle(event: .timeline(TimelineEntry(time: Self.t0, kind: .scan, text: "e\(i)"))) }
        keys(app, .tab, .tab, .tab)
        #expect(app.state.focus == .timeline)
        keys(app, .up, .up)
        #expect(app.state.scroll[.timeline] == 2)
        keys(app, .pageUp)
        #expect(app.state.scroll[.timeline] == 4)
        keys(app, .down, .end)
        #expect(app.state.scroll[.timeline] == 0)
    }

    @Test func samplesFoldIntoSeriesAndUnknownProjectsAreIgnored() {
        let app = makeApp()
        let api = ProjectID("/w/api")
        for i in 0..<3 {
            let t = Self.t0.addingTimeInterval(Double(i + 1))
            _ = app.handle(event: .projectsSampled([
                ProjectSample(time: t, project: api, state: .running, cpuPercent: Double(i * 10), rssBytes: 100,
                              ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 1, pids: [42]),
                ProjectSample(time: t, project: ProjectID("/elsewhere"), state: .running, cpuPercent: 1, rssBytes: 1,
                              ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 1, pids: [43]),
            ]))
        }
        #expect(app.state.projectSeries[api]?.cpu.values == [0, 10, 20])
        #expect(app.state.samples[ProjectID("/elsewhere")] == nil)
        #expect(app.state.runState(api) == .running)
        #expect(app.state.now == Self.t0.addingTimeInterval(3))
        _ = app.handle(event: .stateChanged(project: api, from: .running, to: .stopping))
        #expect(app.state.runState(api) == .stopping)
        // A rescan without api drops everything about it.
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [Project(name: "worker", path: "/w/worker", kinds: [.python])]))
        #expect(app.state.samples.isEmpty && app.state.projectSeries.isEmpty && app.state.runStates.isEmpty)
        #expect(app.state.selectedProject == ProjectID("/w/worker"))
    }

    @Test func boundedCollectionsStayBounded() {
        var limits = AppState.Limits()
        limits.timeline = 50
        limits.diagnostics = 20
        limits.logLines = 10
        let app = makeApp(limits: limits)
        for i in 0..<1_000 {
            let t = Self.t0.addingTimeInterval(Double(i))
            _ = app.handle(event: .timeline(TimelineEntry(time: t, kind: .scan, text: "t\(i)")))
            _ = app.handle(event: .diagnostic(Diagnostic(time: t, severity: .error, source: "x", message: "d\(i)")))
            _ = app.handle(event: .log(LogLine(time: t, project: ProjectID("/w/api"), stream: .stderr, text: "error \(i)")))
            _ = app.handle(event: .log(LogLine(time: t, project: ProjectID("/w/api"), stream: .stdout, text: "fine \(i)")))
            _ = app.handle(event: .systemSampled(SystemSample(time: t, cpuPercent: 1, cpuCount: 1, memTotalBytes: 1,
                memAvailableBytes: 1, load1: 0, load5: 0, load15: 0, netRxBytesPerSec: 0, netTxBytesPerSec: 0,
                diskReadBytesPerSec: 0, diskWriteBytesPerSec: 0)))
        }
        let s = app.state
        #expect(s.timeline.items.count <= 50 + 50 / 4)
        #expect(s.timeline.elements.count == 50)
        #expect(s.timeline.elements.last?.text == "t999" && s.timeline.elements.first?.text == "t950")
        #expect(s.diagnostics.items.count <= 25 && s.diagnostics.elements.last?.message == "d999")
        #expect(s.problemLogs.items.count <= 12 && s.problemLogs.elements.allSatisfy { $0.text.hasPrefix("error") })
        // One point per second of the 5-minute window.
        #expect(s.systemSeries.cpu.count == MetricWindow.fiveMinutes.points)
        #expect(s.visibleTimeline.count == 50)
    }

    @Test func problemsMergeDiagnosticsAndErrorLogsByTime() throws {
        let app = makeApp()
        let api = ProjectID("/w/api")
        _ = app.handle(event: .diagnostic(Diagnostic(time: Self.t0.addingTimeInterval(2), severity: .warning, source: "vantage", message: "slow")))
        _ = app.handle(event: .diagnostic(Diagnostic(time: Self.t0.addingTimeInterval(3), severity: .info, source: "vantage", message: "hi")))
        _ = app.handle(event: .log(LogLine(time: Self.t0.addingTimeInterval(1), project: api, stream: .stderr,
                                           text: "Error: listen EADDRINUSE :::3000")))
        var p = app.state.problems
        #expect(p.map(\.text) == ["Error: listen EADDRINUSE :::3000", "slow"])
        try #require(p.count > 0)
        #expect(p[0].source == "api" && p[0].severity == .error)
        #expect(app.state.recentProblems(of: api, since: Self.t0).errors == 1)
        // The same error again later is folded into one line with a count, at its latest time.
        _ = app.handle(event: .log(LogLine(time: Self.t0.addingTimeInterval(5), project: api, stream: .stderr,
                                           text: "Error: listen EADDRINUSE :::3000")))
        p = app.state.problems
        #expect(p.map(\.text) == ["slow", "Error: listen EADDRINUSE :::3000"])
        #expect(p.map(\.count) == [1, 2])
        try #require(p.count > 1)
        #expect(p[1].time == Self.t0.addingTimeInterval(5))
        #expect(app.state.recentProblems(of: api, since: Self.t0).errors == 2)
    }

    @Test func healthScoreFollowsItsFormula() {
        let sample = ProjectSample(time: Self.t0, project: ProjectID("/p"), state: .running, cpuPercent: 90,
                                   rssBytes: 300, ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 1, pids: [1])
        let ok = HealthScore.compute(state: .ready, sample: nil, recentErrors: 0, recentWarnings: 0, memTotalBytes: nil)
        #expect(ok.value == 100 && ok.reasons == ["no problems seen"] && ok.text == "100")
        // 100 - 60 (failed) - 30 (2 errors) - 5 (1 warning) = 5
        #expect(HealthScore.compute(state: .failed, sample: nil, recentErrors: 2, recentWarnings: 1, memTotalBytes: nil).value == 5)
        // Errors cap at 45, floors at 0.
        #expect(HealthScore.compute(state: .failed, sample: nil, recentErrors: 9, recentWarnings: 9, memTotalBytes: nil).value == 0)
        // Ready: CPU 90 %: -20; RSS 300 of 1000 = 30 %: -20.
        let busy = HealthScore.compute(state: .ready, sample: sample, recentErrors: 0, recentWarnings: 0, memTotalBytes: 1000)
        #expect(busy.value == 60)
        #expect(busy.reasons.count == 2 && busy.role == .warn)
        // Running but not ready yet (compiling): -10, and its CPU does not count; memory does.
        #expect(HealthScore.compute(state: .running, sample: sample, recentErrors: 0, recentWarnings: 0, memTotalBytes: 1000).value == 70)
        // A project that does not run has no health: "n/a", the same as `vantage ps`.
        let stopped = HealthScore.compute(state: .stopped, sample: sample, recentErrors: 0, recentWarnings: 0, memTotalBytes: 1000)
        #expect(stopped.value == nil && stopped.text == "n/a" && stopped.role == .muted)
    }

    @Test func footerHintsComeFromTheKeymap() {
        var keymap = Keymap.defaults
        keymap.bind(.quit, to: [.char("Q")])
        keymap.bind(.help, to: [])
        let app = App(keymap: keymap, glyphs: .ascii, now: Self.t0)
        let footer = app.view(size: Size(width: 100, height: 30)).lines.last!
        #expect(footer.hasPrefix("Q quit  Tab next pane"))
        #expect(!footer.contains("help"))
        #expect(app.handle(key: .char("Q")) && app.shouldQuit)
    }

    @Test func viewShowsAllFivePaneTitlesOrTheTabBar() throws {
        let app = makeApp()
        let full = app.view(size: Size(width: 120, height: 40)).lines.joined()
        for p in PaneID.allCases { #expect(full.contains(p.title)) }
        let side = app.view(size: Size(width: 50, height: 30)).lines
        try #require(side.count > 0)
        #expect(side[0].contains("Projects"))
        try #require(side.count > 1)
        #expect(side[1].contains("Projects ("))
        #expect(!side.joined().contains("Timeline ("))
        keys(app, .tab, .tab, .tab)
        #expect(app.view(size: Size(width: 50, height: 30)).lines[1].contains("Timeline ("))
        let small = app.view(size: Size(width: 15, height: 4)).lines.joined()
        #expect(small.contains("Too small: needs 20x6") || small.contains("too small"), "\(small)")
        #expect(app.view(size: Size(width: 0, height: 0)).lines.isEmpty)
    }
}

@MainActor
@Suite("App: repaint only on change")
struct AppRepaintTests {
    @Test func eventsThatChangeNothingAskForNoRepaint() {
        let app = App(now: AppUpdateTests.t0)
        let scan = Event.scanned(roots: ["/w"], projects: [Project(name: "a", path: "/w/a", kinds: [.go])])
        #expect(app.handle(event: scan))
        #expect(!app.handle(event: scan))
        #expect(!app.handle(event: .stateChanged(project: ProjectID("/nowhere"), from: .stopped, to: .running)))
        let later = Date(timeIntervalSince1970: 4_000_000_000)
        #expect(!app.handle(event: .log(LogLine(time: later, project: ProjectID("/w/a"), stream: .stdout, text: "GET / 200"))))
        #expect(app.handle(event: .log(LogLine(time: later, project: ProjectID("/w/a"), stream: .stderr, text: "panic: nil map"))))
        #expect(app.handle(event: .graph(GraphSnapshot(nodes: [.init(id: "a", label: "a", kind: .project, x: 0, y: 0)]))))
    }
}

@MainActor
@Suite("App: graph node focus")
struct AppGraphFocusTests {
    static let snapshot = GraphSnapshot(nodes: [
        .init(id: "d", label: "express", kind: .dependency, x: 0, y: 0),
        .init(id: "b", label: "web", kind: .project, x: 10, y: 0),
        .init(id: "a", label: "api", kind: .project, x: 0, y: 10),
    ], edges: [.init(from: 2, to: 0, kind: .dependsOn)])

    func graphApp() -> App {
        let app = App(glyphs: .ascii, now: AppUpdateTests.t0)
        _ = app.handle(event: .graph(Self.snapshot))
        for k in [KeyPress.tab, .tab] { _ = app.handle(key: k) }
        return app
    }

    @Test func enterWalksProjectsFirstThenTheRestAndCentres() {
        let app = graphApp()
        var seen: [String] = []
        for _ in 0..<4 {
            _ = app.handle(key: .enter)
            seen.append(app.state.graphFocus ?? "-")
        }
        #expect(seen == ["a", "b", "d", "a"])
        // At zoom 1 everything is in view already: the pan stays at the centre.
        #expect(app.state.graphViewport.panX == 0 && app.state.graphViewport.panY == 0)
        // Zoomed in, api, at (0, 10) in a 10x10 box centred on (5, 5), is brought to the middle.
        _ = app.handle(key: .char("+"))
        for _ in 0..<3 { _ = app.handle(key: .enter) }
        #expect(app.state.graphFocus == "a")
        #expect(app.state.graphViewport.panX == -0.5 && app.state.graphViewport.panY == 0.5)
        #expect(app.state.overlay == nil)
    }

    @Test func filterLimitsTheWalkAndEscClearsFocusBeforeZoom() {
        let app = graphApp()
        for k in [KeyPress.char("/"), .char("e"), .char("x"), .enter, .enter] { _ = app.handle(key: k) }
        #expect(app.state.graphFocus == "d")
        _ = app.handle(key: .char("z"))
        _ = app.handle(key: .escape)
        #expect(app.state.graphFocus == nil && app.state.zoomed == .graph)
        _ = app.handle(key: .escape)
        #expect(app.state.zoomed == nil)
    }

    @Test func aNewFrameWithoutTheNodeDropsTheFocus() {
        let app = graphApp()
        _ = app.handle(key: .enter)
        #expect(app.state.graphFocus == "a")
        var moved = Self.snapshot
        moved.nodes[2].x = 3
        _ = app.handle(event: .graph(moved))
        #expect(app.state.graphFocus == "a")
        _ = app.handle(event: .graph(GraphSnapshot(nodes: [moved.nodes[0]])))
        #expect(app.state.graphFocus == nil)
    }

    @Test func focusedViewMutesStrangersAndListsLinks() throws {
        let app = graphApp()
        _ = app.handle(key: .enter)
        _ = app.handle(key: .char("z"))
        let screen = app.view(size: Size(width: 100, height: 30))
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("Graph (3 nodes @api)"))
        #expect(text.contains("-> depends_on express"))
        // Not a neighbour of api: its name stays (issue 12 §5: a focus hid every other label), muted.
        let row = try #require(screen.lines.firstIndex { $0.contains("web") }, "\(text)")
        let column = try #require(screen.lines[row].range(of: "web").map { screen.lines[row].distance(from: screen.lines[row].startIndex, to: $0.lowerBound) })
        #expect(screen[column, row].style.fg == .muted)
        let panel = NodePanel(snapshot: Self.snapshot, node: 0, glyphs: .ascii).lines().map { $0.spans.map(\.text).joined() }
        #expect(panel == ["express", "dependency", "1 link", "<- depends_on api"])
    }
}

@MainActor
@Suite("App: pause, kill and remove")
struct AppPauseKillRemoveTests {
    static let container = Project(name: "web1", path: "docker://default/web1", kinds: [.container], engine: "default")

    func makeApp() -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc,
                      now: Date(timeIntervalSince1970: 1_000_000))
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node])]))
        _ = app.handle(event: .discovered(source: "docker:default", projects: [Self.container]))
        // Both run: only a running project can be paused or killed.
        _ = app.handle(event: .stateChanged(project: Self.container.id, from: .stopped, to: .running))
        _ = app.handle(event: .stateChanged(project: ProjectID("/w/api"), from: .stopped, to: .running))
        return app
    }

    func select(_ app: App, _ name: String) {
        for _ in 0..<5 where app.state.selected?.name != name { _ = app.handle(key: .down) }
    }

    @Test func pauseTogglesWithTheState() {
        let app = makeApp()
        select(app, "web1")
        let id = Self.container.id
        _ = app.handle(key: .char("P"))
        #expect(app.takeCommands() == [.pause(id)])
        _ = app.handle(event: .stateChanged(project: id, from: .running, to: .paused))
        _ = app.handle(key: .char("P"))
        #expect(app.takeCommands() == [.resume(id)])
    }

    @Test func killAndRemoveAskFirstAndSayWhatTheyDo() {
        let app = makeApp()
        select(app, "web1")
        let id = Self.container.id
        _ = app.handle(key: .char("K"))
        #expect(app.state.overlay == .confirm(.kill(id)))
        #expect(app.takeCommands().isEmpty)
        let screen = AppView(state: app.state, glyphs: .ascii, timeZone: .utc)
            .render(size: Size(width: 100, height: 30)).lines.joined(separator: "\n")
        #expect(screen.contains("Kill web1 (SIGKILL, no clean shutdown)? y/n"))
        #expect(screen.contains("y kill"))
        _ = app.handle(key: .char("y"))
        #expect(app.takeCommands() == [.kill(id)])

        _ = app.handle(key: .delete)
        #expect(app.state.overlay == .confirm(.remove(id)))
        _ = app.handle(key: .char("n"))
        #expect(app.state.overlay == nil && app.takeCommands().isEmpty)
    }

    @Test func removeSaysWhyForASupervisedProject() {
        let app = makeApp()
        select(app, "api")
        _ = app.handle(key: .delete)
        #expect(app.state.overlay == nil && app.takeCommands().isEmpty)
        #expect(app.state.notice?.text == "remove: api is a folder project, not a container: x stops it")
        _ = app.handle(key: .char("K"))
        #expect(app.state.overlay == .confirm(.kill(ProjectID("/w/api"))))
    }

    @Test func killPauseAndStopSayWhyOnAStoppedProject() {
        let app = makeApp()
        select(app, "api")
        _ = app.handle(event: .stateChanged(project: ProjectID("/w/api"), from: .running, to: .stopped))
        for (key, text) in [(KeyPress.char("K"), "kill: api is stopped: no process to kill"),
                            (.char("P"), "pause: api is stopped: nothing to pause"),
                            (.char("x"), "stop: api is stopped: nothing to stop")] {
            #expect(app.handle(key: key))
            #expect(app.state.overlay == nil && app.takeCommands().isEmpty)
            #expect(app.state.notice?.text == text)
        }
        let footer = app.view(size: Size(width: 100, height: 30)).lines.last ?? ""
        #expect(footer.hasPrefix("stop: api is stopped: nothing to stop"))
    }
}
