import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@MainActor
@Suite("Log viewer: kept output, keys and repaints")
struct LogViewerTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)
    static let api = ProjectID("/w/api")
    static let worker = ProjectID("/w/worker")

    func makeApp(limits: AppState.Limits = AppState.Limits()) -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Self.t0,
                      limits: limits)
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [
            Project(name: "worker", path: "/w/worker", kinds: [.python]),
            Project(name: "api", path: "/w/api", kinds: [.node]),
        ]))
        return app
    }

    func line(_ project: ProjectID, _ text: String, at second: Int = 0, stream: LogLine.Stream = .stdout) -> LogLine {
        LogLine(time: Self.t0.addingTimeInterval(Double(second)), project: project, stream: stream, text: text)
    }

    @discardableResult
    func feed(_ app: App, _ project: ProjectID, count: Int, text: (Int) -> String = { "line \($0)" }) -> [Bool] {
        (0..<count).map { app.handle(event: .log(line(project, text($0), at: $0))) }
    }

    func viewer(_ app: App) -> LogViewer? {
        if case .logs(let v) = app.state.overlay { return v }
        return nil
    }

    @Test func eachProjectKeepsItsNewestLinesOnly() {
        var limits = AppState.Limits()
        limits.projectLogLines = 5
        let app = makeApp(limits: limits)
        feed(app, Self.api, count: 12)
        feed(app, Self.worker, count: 2)
        #expect(app.state.projectLogs[Self.api]?.elements.map(\.text) == (7..<12).map { "line \($0)" })
        #expect(app.state.projectLogs[Self.worker]?.elements.map(\.text) == ["line 0", "line 1"])
        // Lines of a project that is not listed are not kept, and a vanished project's lines go.
        _ = app.handle(event: .log(line(ProjectID("/w/ghost"), "boo")))
        #expect(app.state.projectLogs[ProjectID("/w/ghost")] == nil)
        _ = app.handle(event: .scanned(roots: ["/w"], projects: [Project(name: "api", path: "/w/api", kinds: [.node])]))
        #expect(app.state.projectLogs[Self.worker] == nil && app.state.logCount(of: Self.api) == 5)
    }

    @Test func ordinaryLinesRepaintOnlyWhenTheirProjectIsViewed() {
        let app = makeApp()
        #expect(feed(app, Self.api, count: 3) == [false, false, false])
        // A warning reaches the troubleshooting pane, so it repaints.
        #expect(app.handle(event: .log(line(Self.worker, "WARN disk almost full", at: 4))))
        #expect(app.handle(key: .char("L")))
        #expect(viewer(app)?.project == Self.api)
        #expect(feed(app, Self.api, count: 2) == [true, true])
        // "false" is the truth: the screen is the same cell for cell.
        let size = Size(width: 100, height: 30)
        let before = app.view(size: size)
        #expect(feed(app, Self.worker, count: 2) == [false, false])
        #expect(app.view(size: size) == before)
        #expect(app.state.logCount(of: Self.worker) == 3)
    }

    @Test func lOpensFromGridAndDetailsAndEscCloses() {
        let app = makeApp()
        _ = app.handle(key: .char("L"))
        #expect(viewer(app) == LogViewer(project: Self.api))
        _ = app.handle(key: .escape)
        #expect(app.state.overlay == nil)
        _ = app.handle(key: .down)
        _ = app.handle(key: .enter)
        #expect(app.state.overlay == .details(Self.worker))
        _ = app.handle(key: .char("L"))
        #expect(viewer(app)?.project == Self.worker)
        _ = app.handle(key: .char("L"))
        #expect(app.state.overlay == nil)
    }

    /// The rows inside the viewer's border, trimmed: what a person reads.
    func rows(_ app: App, _ size: Size) -> [String] {
        let lines = app.view(size: size).lines
        // Less the border and the column of the scroll arrows.
        return lines[1..<(size.height - 2)].map { String($0.dropFirst().dropLast(2)).trimmingCharacters(in: .whitespaces) }
    }

    func title(_ app: App, _ size: Size) -> String { app.view(size: size).lines.first ?? "" }

    @Test func scrollingUpStopsFollowingAndTheViewStaysPut() {
        let app = makeApp()
        let size = Size(width: 60, height: 14)   // 11 rows of output
        app.resized(to: size)
        feed(app, Self.api, count: 30)
        _ = app.handle(key: .char("L"))
        #expect(viewer(app)?.follow == true)
        #expect(rows(app, size).first?.hasSuffix("line 19") == true && rows(app, size).last?.hasSuffix("line 29") == true)
        _ = app.handle(key: .up)
        #expect(viewer(app)?.follow == false && viewer(app)?.top == 18)
        _ = app.handle(key: .pageUp)
        #expect(viewer(app)?.top == 7)
        // New lines arrive: the same line stays at the top.
        _ = app.handle(event: .log(line(Self.api, "more", at: 40)))
        #expect(rows(app, size).first?.hasSuffix("line 7") == true)
        _ = app.handle(key: .char("f"))
        #expect(viewer(app)?.follow == true)
        #expect(rows(app, size).last?.hasSuffix("more") == true)
        _ = app.handle(key: .char("f"))
        #expect(viewer(app)?.follow == false && viewer(app)?.top == 20)
        _ = app.handle(key: .char("G"))
        #expect(viewer(app)?.follow == true)
        _ = app.handle(key: .char("g"))
        #expect(viewer(app)?.follow == false && viewer(app)?.top == 0)
    }

    @Test func topAndPagesPutTheTargetLineAtTheTopAndKeepTheViewFull() throws {
        let app = makeApp()
        let size = Size(width: 60, height: 14)   // 11 rows of output
        app.resized(to: size)
        feed(app, Self.api, count: 84)
        _ = app.handle(key: .char("L"))
        _ = app.handle(key: .char("g"))
        // The first line at the top and the view full, not one line under empty rows.
        let shown = rows(app, size)
        try #require(shown.count == 11)
        #expect((0..<11).allSatisfy { shown[$0].hasSuffix("   line \($0)") }, "\(shown)")
        _ = app.handle(key: .pageDown)
        #expect(rows(app, size).first?.hasSuffix("line 11") == true && rows(app, size).last?.hasSuffix("line 21") == true)
        _ = app.handle(key: .pageUp)
        #expect(rows(app, size).first?.hasSuffix("line 0") == true)
        _ = app.handle(key: .pageUp)
        #expect(app.state.notice?.text == "page up: already at the oldest line")
        _ = app.handle(key: .char("G"))
        #expect(rows(app, size).first?.hasSuffix("line 73") == true && rows(app, size).last?.hasSuffix("line 83") == true)
        // PageUp moves by the view's height: 11 lines.
        _ = app.handle(key: .pageUp)
        #expect(rows(app, size).first?.hasSuffix("line 62") == true && rows(app, size).last?.hasSuffix("line 72") == true)
        // Paging down to the newest page follows again; further is refused, never blank rows.
        _ = app.handle(key: .pageDown)
        _ = app.handle(key: .pageDown)
        #expect(viewer(app)?.follow == true && rows(app, size).last?.hasSuffix("line 83") == true)
        #expect(app.state.notice?.text == "page down: already at the newest line, following")
        // A bigger screen pages by its own height.
        let tall = Size(width: 60, height: 24)
        app.resized(to: tall)
        _ = app.handle(key: .char("g"))
        _ = app.handle(key: .pageDown)
        #expect(rows(app, tall).first?.hasSuffix("line 21") == true)
    }

    @Test func searchCentresEachMatchAndCountsThem() {
        let app = makeApp()
        let size = Size(width: 60, height: 14)   // 11 rows of output: the centre is the 6th
        app.resized(to: size)
        feed(app, Self.api, count: 100) { $0 % 20 == 5 ? "GET /health \($0)" : "tick \($0)" }   // matches at 5, 25, 45, 65, 85
        _ = app.handle(key: .char("L"))
        _ = app.handle(key: .char("/"))
        #expect(viewer(app)?.typingQuery == true)
        for c in "health" { _ = app.handle(key: .char(c)) }   // typed, not actions: "h" is not "left" here
        #expect(viewer(app)?.query == "health" && app.state.overlay != nil)
        _ = app.handle(key: .enter)
        #expect(viewer(app)?.typingQuery == false && viewer(app)?.match == 85 && viewer(app)?.follow == false)
        #expect(rows(app, size)[5].hasSuffix("GET /health 85"))
        #expect(title(app, size).contains("/health match 5 of 5"), "\(title(app, size))")
        _ = app.handle(key: .char("N"))
        #expect(rows(app, size)[5].hasSuffix("GET /health 65") && title(app, size).contains("match 4 of 5"))
        _ = app.handle(key: .char("N"))
        _ = app.handle(key: .char("N"))
        _ = app.handle(key: .char("N"))
        // Line 5 cannot be centred: the view starts at the first line, full.
        #expect(viewer(app)?.match == 5 && rows(app, size).first?.hasSuffix("tick 0") == true && rows(app, size)[5].hasSuffix("GET /health 5"))
        #expect(title(app, size).contains("match 1 of 5"))
        _ = app.handle(key: .char("N"))   // wraps to the newest
        #expect(viewer(app)?.match == 85)
        _ = app.handle(key: .char("n"))   // wraps to the oldest
        #expect(viewer(app)?.match == 5)
        _ = app.handle(key: .char("n"))
        #expect(viewer(app)?.match == 25 && rows(app, size)[5].hasSuffix("GET /health 25"))
        // Esc while typing clears the search but keeps the viewer open.
        _ = app.handle(key: .char("/"))
        _ = app.handle(key: .char("x"))
        _ = app.handle(key: .escape)
        #expect(viewer(app)?.query == "" && viewer(app)?.typingQuery == false && viewer(app)?.match == nil)
        _ = app.handle(key: .char("n"))
        #expect(app.state.notice?.text == "next match: no search yet: / searches")
    }

    @Test func ampersandShowsOnlyMatchingLinesAndTheTitleSaysSo() {
        let app = makeApp()
        let size = Size(width: 70, height: 14)
        app.resized(to: size)
        feed(app, Self.api, count: 40) { $0 % 4 == 0 ? "GET /users \($0)" : "tick \($0)" }
        _ = app.handle(key: .char("L"))
        _ = app.handle(key: .char("&"))
        #expect(app.state.keyContext == .overlay(.logSearch))
        #expect(app.view(size: size).lines.last?.contains("& show only api lines containing") == true)
        for c in "get" { _ = app.handle(key: .char(c)) }
        _ = app.handle(key: .enter)
        #expect(viewer(app)?.filter == "get" && viewer(app)?.typing == nil)
        // Ten lines pass: all shown, oldest first, and nothing else.
        let shown = rows(app, size).filter { !$0.isEmpty }
        #expect(shown.count == 10 && shown.allSatisfy { $0.contains("GET /users") }, "\(shown)")
        #expect(shown.first?.hasSuffix("GET /users 0") == true && shown.last?.hasSuffix("GET /users 36") == true)
        #expect(title(app, size).contains("&get 10 of 40 lines"), "\(title(app, size))")
        // Searching and moving work on the filtered lines.
        _ = app.handle(key: .char("g"))
        #expect(app.state.notice?.text == "top: already at the oldest line")
        // Nothing passes: the viewer says so and how to get every line back.
        _ = app.handle(key: .char("&"))
        for c in "zzz" { _ = app.handle(key: .char(c)) }
        _ = app.handle(key: .enter)
        #expect(rows(app, size).first == "No line contains \"zzz\" (& then Enter shows every line).")
        #expect(app.state.notice?.text.contains("no line contains \"zzz\"") == true)
        // Esc in the prompt clears the filter: every line again.
        _ = app.handle(key: .char("&"))
        _ = app.handle(key: .escape)
        #expect(viewer(app)?.filter == "" && !title(app, size).contains("&"))
        #expect(rows(app, size).last?.hasSuffix("tick 39") == true)
    }

    @Test func theOldestLineDroppingKeepsTheViewOnItsLines() {
        var limits = AppState.Limits()
        limits.projectLogLines = 20
        let app = makeApp(limits: limits)
        let size = Size(width: 60, height: 10)   // 7 rows
        app.resized(to: size)
        feed(app, Self.api, count: 20)
        _ = app.handle(key: .char("L"))
        _ = app.handle(key: .char("g"))
        _ = app.handle(key: .down)
        _ = app.handle(key: .down)
        #expect(rows(app, size).first?.hasSuffix("line 2") == true)
        _ = app.handle(event: .log(line(Self.api, "line 20", at: 20)))
        #expect(rows(app, size).first?.hasSuffix("line 2") == true && viewer(app)?.top == 1)
    }

    @Test func wTogglesWrap() {
        let app = makeApp()
        _ = app.handle(key: .char("L"))
        #expect(viewer(app)?.wrap == false)
        _ = app.handle(key: .char("w"))
        #expect(viewer(app)?.wrap == true)
        _ = app.handle(key: .char("w"))
        #expect(viewer(app)?.wrap == false)
    }

    @Test func footerAndDetailsNameTheKeys() {
        let app = makeApp()
        let grid = app.view(size: Size(width: 120, height: 30)).lines.last ?? ""
        #expect(grid.contains("L logs"))
        _ = app.handle(key: .enter)
        let details = app.view(size: Size(width: 120, height: 30)).lines.joined(separator: "\n")
        #expect(details.contains("Health ") && details.contains("L logs: this project's output (0 lines)"))
        _ = app.handle(key: .char("L"))
        let footer = app.view(size: Size(width: 120, height: 30)).lines.last ?? ""
        for hint in ["Esc close", "f follow", "w wrap", "/ search", "n next match", "N prev match"] {
            #expect(footer.contains(hint), "\(hint) in \(footer)")
        }
    }
}

@Suite("Log viewer widget")
struct LogViewerWidgetTests {
    static let t0 = Date(timeIntervalSince1970: 3600 * 10 + 5)
    static let id = ProjectID("/w/api")

    func render(_ texts: [(String, LogLine.Stream)], viewer: LogViewer, width: Int, height: Int) -> Buffer {
        let lines = texts.enumerated().map { i, t in
            LogLine(time: Self.t0.addingTimeInterval(Double(i)), project: Self.id, stream: t.1, text: t.0)
        }
        var buffer = Buffer(width: width, height: height)
        LogViewerOverlay(name: "api", lines: lines, viewer: viewer, timeZone: ClockZone.utc, glyphs: .ascii)
            .render(area: buffer.area, buffer: &buffer)
        return buffer
    }

    static let texts: [(String, LogLine.Stream)] = [
        ("listening on :3000", .stdout),
        ("Error: connect ECONNREFUSED 127.0.0.1:5432 while starting", .stderr),
        ("warn: slow query", .stdout),
    ]

    @Test func truncatesWithAnEllipsisWithoutWrap() {
        let b = render(Self.texts, viewer: LogViewer(project: Self.id), width: 40, height: 5)
        #expect(b.lines == [
            "+ Logs: api (3 lines) - follow --------+",
            "|10:00:05   listening on :3000         |",
            "|10:00:06 ! Error: connect ECONNREFUSE~|",
            "|10:00:07   warn: slow query           |",
            "+--------------------------------------+",
        ])
        #expect(b[12, 2].style.fg == .error && b[10, 2].symbol == "!" && b[12, 3].style.fg == .warn && b[12, 1].style.fg == .text)
    }

    @Test func wrapsLongLinesOntoIndentedRows() {
        var v = LogViewer(project: Self.id)
        v.wrap = true
        let b = render(Self.texts, viewer: v, width: 40, height: 7)
        #expect(b.lines == [
            "+ Logs: api (3 lines) - follow - wra~--+",
            "|10:00:05   listening on :3000         |",
            "|10:00:06 ! Error: connect ECONNREFUSED|",
            "|            127.0.0.1:5432 while start|",
            "|           ing                        |",
            "|10:00:07   warn: slow query           |",
            "+--------------------------------------+",
        ])
    }

    @Test func colourCodesAndTabsAreNotDrawnOrSearched() throws {
        #expect(LogViewer.displayText("\u{1b}[31mred\u{1b}[0m\tok \u{1b}]0;title\u{7}done") == "red ok done")
        var v = LogViewer(project: Self.id)
        v.query = "31m"
        let b = render([("\u{1b}[1;31mERROR\u{1b}[0m 31 more", .stderr)], viewer: v, width: 60, height: 3)
        try #require(b.lines.count > 1)
        #expect(b.lines[1] == "|10:00:05 ! ERROR 31 more" + String(repeating: " ", count: 34) + "|")
        #expect(b.lines[0].contains("/31m 0 matches"))
        #expect(!(0..<b.width).contains { b[$0, 1].style.reverse })
    }

    @Test func procfileLinesNameTheirProcessAndVantageNotesAreNotStderr() throws {
        let lines = [
            LogLine(time: Self.t0, project: Self.id, stream: .stderr, text: "[vantage] started web (pid 41): node web.js"),
            LogLine(time: Self.t0, project: Self.id, stream: .stdout, text: "listening on 4106", process: "web"),
            LogLine(time: Self.t0, project: Self.id, stream: .stderr, text: "queue empty", process: "worker"),
        ]
        var buffer = Buffer(width: 60, height: 5)
        LogViewerOverlay(name: "procfile-app", lines: lines, viewer: LogViewer(project: Self.id), timeZone: ClockZone.utc, glyphs: .ascii)
            .render(area: buffer.area, buffer: &buffer)
        try #require(buffer.lines.count > 1)
        #expect(buffer.lines[1].hasPrefix("|10:00:05" + String(repeating: " ", count: 12) + "[vantage] started web"))
        try #require(buffer.lines.count > 2)
        #expect(buffer.lines[2].hasPrefix("|10:00:05   web    | listening on 4106"))
        try #require(buffer.lines.count > 3)
        #expect(buffer.lines[3].hasPrefix("|10:00:05 ! worker | queue empty"))
        #expect(buffer[21, 1].style.fg == .muted && buffer[12, 2].style.fg == .accent)
    }

    @Test func highlightsMatchesAndScrollsFromTheBottom() {
        var v = LogViewer(project: Self.id)
        v.query = "ON"
        v.show(line: 0, count: 3)
        let b = render(Self.texts, viewer: v, width: 40, height: 4)
        #expect(b.lines == [
            "+ Logs: api (3 lines) - /ON 2 matche~--+",
            "|10:00:05   listening on :3000         |",
            "|10:00:06 ! Error: connect ECONNREFUSEv|",
            "+--------------------------------------+",
        ])
        // "on" of "listening on"; "on" of "connect" and of "ECONN" (case-insensitive).
        #expect((0..<b.width).filter { b[$0, 1].style.reverse } == [22, 23])
        #expect((0..<b.width).filter { b[$0, 2].style.reverse } == [20, 21, 29, 30])
    }
}
