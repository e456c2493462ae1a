import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Widgets: table, project grid, timeline, log pane, tab bar, footer, help")
struct WidgetListTests {
    static let utc = ClockZone.utc
    static let t0 = Date(timeIntervalSince1970: 45_296)   // 12:34:56 UTC on 1970-01-01

    static func row(_ name: String, _ state: RunState, cpu: Double? = nil) -> ProjectGrid.Row {
        ProjectGrid.Row(name: name, kind: "python", state: state, cpuPercent: cpu, rssBytes: cpu == nil ? nil : 1 << 20,
                        memTotalBytes: 1 << 30, health: 90, healthRole: .ok, ports: [8000])
    }

    @Test func projectGridShowsEveryColumnWhenWide() {
        var b = filled(81, 3)
        ProjectGrid(rows: [Self.row("api", .running, cpu: 50), Self.row("db", .stopped)], selected: 0, glyphs: .ascii)
            .render(area: b.area, buffer: &b)
        #expect(b.lines == [
            " Name     Kind     Status             CPU        Memory Health Debt  Ports       ",
            ">api      python   running  ###...  50.0% ......   1.0M     90       8000        ",
            " db       python   stopped  ......      - ......      -     90       8000        ",
        ])
        #expect(b[0, 1].style.bg == .selection && b[40, 1].style.bg == .selection)
        #expect(b[10, 2].style.bg == nil)
        #expect(b[19, 1].style.fg == .ok)      // running
        #expect(b[19, 2].style.fg == .muted)   // stopped
    }

    @Test func projectGridDropsColumnsButKeepsNameAndStatus() throws {
        for width in [20, 30, 40, 50] {
            var b = Buffer(width: width, height: 2)
            ProjectGrid(rows: [Self.row("api", .failed)], selected: nil, glyphs: .ascii).render(area: b.area, buffer: &b)
            try #require(b.lines.count > 0)
            #expect(b.lines[0].contains("Name") && b.lines[0].contains("Status"), "width \(width): \(b.lines[0])")
            try #require(b.lines.count > 1)
            #expect(b.lines[1].contains("api") && b.lines[1].contains("failed"), "width \(width): \(b.lines[1])")
            #expect(!b.lines[0].contains("Ports"), "ports go first at width \(width)")
        }
        let layout = ProjectGrid(rows: [Self.row("api", .running)], selected: nil, glyphs: .ascii).table.layout(width: 40)
        #expect(layout.map(\.index) == [0, 2, 3, 4, 5])   // name, status, cpu, mem, health
    }

    @Test func tableScrollsToKeepTheSelectionVisible() throws {
        let rows = (0..<10).map { Self.row("p\($0)", .stopped) }
        var b = Buffer(width: 30, height: 4)
        ProjectGrid(rows: rows, selected: 8, glyphs: .ascii).render(area: b.area, buffer: &b)
        try #require(b.lines.count > 1)
        #expect(b.lines[1].hasPrefix(" p6"))
        try #require(b.lines.count > 3)
        #expect(b.lines[3].hasPrefix(">p8"))
        #expect(b.lines[0].hasSuffix("^"))
        #expect(b.lines[3].hasSuffix("v"))
    }

    @Test func timelineIsNewestAtTheBottomAndScrolls() throws {
        let entries = (0..<5).map { i in
            TimelineEntry(time: Self.t0.addingTimeInterval(Double(i)), kind: i == 4 ? .error : .scan,
                          project: i == 2 ? ProjectID("/x/api") : nil, text: "e\(i)")
        }
        var b = filled(30, 3)
        TimelineList(entries: entries, projectNames: [ProjectID("/x/api"): "api"], timeZone: Self.utc, glyphs: .ascii)
            .render(area: b.area, buffer: &b)
        // Narrow panes use short kind names.
        #expect(b.lines == ["12:34:58 scan  api e2xxxxxxxx^",
                            "12:34:59 scan  e3xxxxxxxxxxxxx",
                            "12:35:00 error e4xxxxxxxxxxxxx"])
        #expect(b[15, 2].style.fg == .error)
        var wide = filled(60, 1)
        TimelineList(entries: entries, timeZone: Self.utc, glyphs: .ascii).render(area: wide.area, buffer: &wide)
        try #require(wide.lines.count > 0)
        #expect(wide.lines[0].hasPrefix("12:35:00 error     e4x"))
        var up = filled(30, 2)
        TimelineList(entries: entries, timeZone: Self.utc, scroll: 99, glyphs: .ascii).render(area: up.area, buffer: &up)
        try #require(up.lines.count > 0)
        #expect(up.lines[0].hasPrefix("12:34:56 scan  e0"))
        try #require(up.lines.count > 1)
        #expect(up.lines[1].hasSuffix("v"))
    }

    /// The name column already says which project: "api: paused by the user" is not shown as "api api: …".
    @Test func timelineDoesNotRepeatTheProjectName() throws {
        let entry = TimelineEntry(time: Self.t0, kind: .decision, project: ProjectID("/x/api"), text: "api: paused by the user")
        var b = filled(60, 1)
        TimelineList(entries: [entry], projectNames: [ProjectID("/x/api"): "api"], timeZone: Self.utc, glyphs: .ascii)
            .render(area: b.area, buffer: &b)
        try #require(b.lines.count > 0)
        #expect(b.lines[0].hasPrefix("12:34:56 decision  api paused by the user"), "\(b.lines[0])")
        let exited = TimelineEntry(time: Self.t0, kind: .state, project: ProjectID("/x/api"), text: "api exited with status 1")
        TimelineList(entries: [exited], projectNames: [ProjectID("/x/api"): "api"], timeZone: Self.utc, glyphs: .ascii)
            .render(area: b.area, buffer: &b)
        #expect(b.lines[0].hasPrefix("12:34:56 state     api exited with status 1"), "\(b.lines[0])")
    }

    /// Issue 12 §5: a 38-column Timeline cut "python-web ready → stop" to its first words. Entries
    /// wrap at spaces under the kind column, up to three rows, then end in an ellipsis.
    @Test func timelineEntriesWrapInANarrowPane() {
        let web = ProjectID("/x/python-web")
        let entries = [
            TimelineEntry(time: Self.t0, kind: .state, project: web, text: "python-web: ready → stopping after the user asked (x)"),
            TimelineEntry(time: Self.t0.addingTimeInterval(1), kind: .error, project: web,
                          text: "python-web exited with status 1 after 3 s: ModuleNotFoundError: No module named 'six' while importing app.main, "
                          + "which the project's requirements.txt declares as six==1.16.0"),
        ]
        var b = filled(36, 7)
        TimelineList(entries: entries, projectNames: [web: "python-web"], timeZone: Self.utc, glyphs: .ascii)
            .render(area: b.area, buffer: &b)
        #expect(b.lines == [
            "12:34:56 state python-web ready →xxx",
            "         stopping after the userxxxx",
            "         asked (x)xxxxxxxxxxxxxxxxxx",
            "12:34:57 error python-web exitedxxxx",
            "         with status 1 after 3 s:xxx",
            "         ModuleNotFoundError: No~xxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ], "\(b.lines.joined(separator: "\n"))")
        // The selected entry is highlighted on every row it takes.
        var sel = filled(36, 7)
        TimelineList(entries: entries, projectNames: [web: "python-web"], timeZone: Self.utc, glyphs: .ascii, selected: 0)
            .render(area: sel.area, buffer: &sel)
        #expect(sel[0, 0].style.bg == .selection && sel[12, 2].style.bg == .selection && sel[0, 3].style.bg != .selection)
        // Too little room: the newest entry's rows are at the bottom, the older entry's top rows are cut and marked.
        var short = filled(36, 4)
        TimelineList(entries: entries, projectNames: [web: "python-web"], timeZone: Self.utc, glyphs: .ascii)
            .render(area: short.area, buffer: &short)
        #expect(short.lines[0] == "         asked (x)xxxxxxxxxxxxxxxxx^", "\(short.lines)")
        #expect(short.lines[1].hasPrefix("12:34:57 error python-web exited"))
    }

    /// Zoomed, a Troubleshooting entry wraps (its suggestion line too); in the side pane it is cut.
    @Test func logPaneWrapsWhenAsked() {
        let entries = [LogPane.Entry(time: Self.t0, severity: .error, source: "api",
                                     text: "listen EADDRINUSE: address already in use 127.0.0.1:3000 (another process holds the port)")]
        var cut = filled(40, 2)
        LogPane(entries: entries, timeZone: Self.utc, glyphs: .ascii).render(area: cut.area, buffer: &cut)
        #expect(cut.lines == ["12:34:56 ERR api: listen EADDRINUSE: add", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])
        var wrapped = filled(40, 4)
        LogPane(entries: entries, timeZone: Self.utc, glyphs: .ascii, selected: 0, wrap: true).render(area: wrapped.area, buffer: &wrapped)
        #expect(wrapped.lines == [
            "12:34:56 ERR api: listen EADDRINUSE:xxxx",
            "         address already in usexxxxxxxxx",
            "         127.0.0.1:3000 (another process",
            "         holds the port)xxxxxxxxxxxxxxxx",
        ], "\(wrapped.lines.joined(separator: "\n"))")
        #expect(wrapped[10, 3].style.bg == .selection, "every row of the selected entry is highlighted")
    }

    @Test func logPaneHighlightsErrors() {
        let entries = [LogPane.Entry(time: Self.t0, severity: .warning, source: "vantage", text: "slow"),
                       LogPane.Entry(time: Self.t0, severity: .error, source: "api", text: "boom", count: 3)]
        var b = filled(30, 2)
        LogPane(entries: entries, timeZone: Self.utc, glyphs: .ascii).render(area: b.area, buffer: &b)
        #expect(b.lines == ["12:34:56 WRN vantage: slowxxxx", "12:34:56 ERR x3 api: boomxxxxx"])
        #expect(b[9, 0].style.fg == .warn)
        #expect(b[9, 1].style == CellStyle(fg: .error, bold: true))
        #expect(b[13, 1].style == CellStyle(fg: .error, bold: true))
        #expect(b[21, 1].style.fg == .error)
        var empty = filled(30, 1)
        LogPane(entries: [], timeZone: Self.utc, glyphs: .ascii).render(area: empty.area, buffer: &empty)
        #expect(empty.lines == ["No warnings or errors.xxxxxxxx"])
    }

    @Test func tabBarShortensUnselectedTabsToFit() {
        let titles = PaneID.allCases.map(\.title)
        var wide = filled(70, 1)
        TabBar(titles: titles, selected: 2, glyphs: .ascii).render(area: wide.area, buffer: &wide)
        #expect(wide.lines == [" Projects | Metrics | Graph | Timeline | Troubleshooting xxxxxxxxxxxxx"])
        var narrow = filled(45, 1)
        TabBar(titles: titles, selected: 4, glyphs: .ascii).render(area: narrow.area, buffer: &narrow)
        #expect(narrow.lines == [" Proj | Metr | Grap | Time | Troubleshooting "])
        #expect(narrow[30, 0].style.bg == .selection)
        var narrower = filled(40, 1)
        TabBar(titles: titles, selected: 4, glyphs: .ascii).render(area: narrower.area, buffer: &narrower)
        #expect(narrower.lines == [" P | M | G | T | Troubleshooting xxxxxxx"])
        var tiny = filled(30, 1)
        TabBar(titles: titles, selected: 0, glyphs: .ascii).render(area: tiny.area, buffer: &tiny)
        #expect(tiny.lines == [" Projects | M | G | T | T xxxx"])
    }

    @Test func footerShowsWhatFitsAndTheStatus() {
        let hints = [Footer.Hint(keys: "q", label: "quit"), Footer.Hint(keys: "?", label: "help"),
                     Footer.Hint(keys: "Tab", label: "next pane")]
        var b = filled(30, 1)
        Footer(hints: hints, status: "12:00").render(area: b.area, buffer: &b)
        #expect(b.lines == ["q quit  ? help           12:00"])
        #expect(b[0, 0].style.fg == .accent)
        #expect(b[2, 0].style.fg == .muted)
    }

    @Test func helpIsGeneratedFromTheActiveKeymap() {
        var keymap = Keymap.defaults
        keymap.bind(.quit, to: [.char("Q"), .ctrl("c")])
        keymap.bind(.zoomIn, to: [])
        let text = HelpOverlay(keymap: keymap, glyphs: .ascii).lines()
            .map { $0.spans.map(\.text).joined() }
        #expect(text.contains { $0.hasPrefix("  Q, Ctrl-c") && $0.contains("quit Vantage") })
        #expect(!text.contains { $0.contains("narrow the time window") })
        #expect(text.contains { $0.contains("widen the time window") })
        let headings = text.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(headings == Keymap.defaults.helpSections().map(\.heading))
    }

    /// In a 50-column side pane a long summary wraps under its column instead of losing its end.
    @Test func helpWrapsLongSummariesInANarrowPane() {
        let overlay = HelpOverlay(keymap: Keymap.defaults, glyphs: .ascii)
        var b = Buffer(width: 50, height: 300)
        overlay.render(area: b.area, buffer: &b)
        let screen = b.lines.joined(separator: "\n")
        let flat = b.lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "|+- ")) }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        for action in [Action.stop, .kill, .applyFix, .dependencies] {
            let summary = action.spec.uses[0].summary
            #expect(flat.contains(summary), "\(summary) is shown whole:\n\(screen)")
        }
        #expect(b.lines.allSatisfy { DisplayWidth.of($0) <= 50 })
    }

    @Test func formattingIsLocaleFreeAndBounded() {
        #expect(Formatting.bytes(UInt64(512)) == "512B")
        #expect(Formatting.bytes(UInt64(1536)) == "1.5K")
        #expect(Formatting.bytes(UInt64(88_000_000)) == "83.9M")
        #expect(Formatting.bytes(UInt64(600) << 20) == "600M")
        #expect(Formatting.percent(12.345) == "12.3%")
        #expect(Formatting.fixed(-0.04, 1) == "0.0")
        #expect(Formatting.clock(Self.t0, in: Self.utc) == "12:34:56")
        #expect(Formatting.clock(Self.t0, in: ClockZone.fixed(secondsFromGMT: 3600)) == "13:34:56")
        #expect(Formatting.truncate("abcdefgh", to: 5, ellipsis: "~") == "abcd~")
        #expect(Formatting.pad("ab", to: 4, ellipsis: "~", alignRight: true) == "  ab")
    }
}
