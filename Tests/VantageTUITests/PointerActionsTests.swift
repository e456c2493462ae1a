import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The mouse (issue 12 §7): ncurses' button states decode to presses and wheel turns, and each
/// becomes the actions keys produce (`PointerActions`): a click selects the row under it and
/// focuses its pane, a tab click switches, the wheel scrolls what is under the pointer.
@Suite("Mouse: pointer actions")
struct PointerActionsTests {
    static func view(_ size: Size) -> (AppState) -> Buffer {
        { AppView(state: $0, glyphs: .ascii, timeZone: .utc).render(size: size) }
    }

    static func click(_ kind: MouseEvent.Kind = .press, x: Int, y: Int, _ s: inout AppState, _ size: Size) {
        _ = PointerActions.apply(MouseEvent(kind, x: x, y: y), to: &s, size: size, view: view(size))
    }

    @Test func buttonStatesDecodeToPressesAndWheelTurns() {
        #expect(MouseEvent.decode(buttonState: MouseEvent.Mask.button1Pressed, x: 4, y: 2) == MouseEvent(.press, x: 4, y: 2))
        #expect(MouseEvent.decode(buttonState: MouseEvent.Mask.button4Pressed, x: 0, y: 0)?.kind == .wheelUp)
        #expect(MouseEvent.decode(buttonState: MouseEvent.Mask.button5Pressed, x: 0, y: 0)?.kind == .wheelDown)
        #expect(MouseEvent.decode(buttonState: 0x1, x: 4, y: 2) == nil, "a release does nothing")
        #expect(MouseEvent.decode(buttonState: 0x2 << 10, x: 4, y: 2) == nil, "the right button does nothing")
        #expect(MouseEvent.decode(buttonState: MouseEvent.Mask.button1Pressed, x: -1, y: 2) == nil)
    }

    @Test func aClickOnTheThirdGridRowSelectsItAndBackUp() throws {
        var s = GoldenFixture.state()
        let size = Size(width: 120, height: 40)
        let names = s.visibleProjects.filter { $0.engine == nil }.map(\.name)
        try #require(names.count > 3)
        let screen = Self.view(size)(s).lines
        // The grid is the left part of the top rows.
        func row(_ name: String) -> Int? { screen.firstIndex { $0.prefix(40).contains(" \(name) ") || $0.prefix(40).contains(">\(name) ") } }
        let third = try #require(row(names[2]))
        Self.click(x: 10, y: third, &s, size)
        #expect(s.selectedProject.flatMap { s.project($0)?.name } == names[2])
        let first = try #require(row(names[0]))
        Self.click(x: 10, y: first, &s, size)
        #expect(s.selectedProject.flatMap { s.project($0)?.name } == names[0])
    }

    @Test func aClickOnAnotherPaneFocusesIt() throws {
        var s = GoldenFixture.state()
        let size = Size(width: 120, height: 40)
        let layout = ScreenLayout.compute(size: size, focus: s.focus, zoomed: nil, contentRows: s.contentRows)
        let timeline = try #require(layout.panes[.timeline])
        Self.click(x: timeline.x + 2, y: timeline.y, &s, size)
        #expect(s.focus == .timeline, "a click on its title")
        let graph = try #require(layout.panes[.graph])
        Self.click(x: graph.x + 3, y: graph.y + 3, &s, size)
        #expect(s.focus == .graph, "a click in its body")
    }

    @Test func aClickOnATabSwitchesInTheOnePaneLayout() throws {
        var s = GoldenFixture.state()
        let size = Size(width: 60, height: 14)
        let layout = ScreenLayout.compute(size: size, focus: s.focus, zoomed: nil, contentRows: s.contentRows)
        let bar = try #require(layout.tabBar)
        let tabs = TabBar(titles: PaneSpec.all.map(\.title), selected: 0, glyphs: .ascii)
        let labels = tabs.labels(width: bar.width)
        try #require(labels.count == PaneSpec.all.count)
        // The third tab's first letter: past the first two labels, their padding and separators.
        let column = labels.prefix(2).reduce(0) { $0 + DisplayWidth.of($1) + 2 } + 2 * DisplayWidth.of(GlyphSet.ascii.tabSeparator) + 1
        #expect(tabs.index(atColumn: column, width: bar.width) == 2)
        Self.click(x: bar.x + column, y: bar.y, &s, size)
        #expect(s.focus == PaneSpec.all[2].id)
    }

    @Test func theWheelScrollsTheOverlayAndThePaneUnderThePointer() throws {
        var s = GoldenFixture.state()
        let size = Size(width: 120, height: 40)
        s.overlay = .help(scroll: 0)
        Self.click(.wheelDown, x: 60, y: 20, &s, size)
        #expect(s.overlay == .help(scroll: PointerActions.wheelStep))
        Self.click(.wheelUp, x: 60, y: 20, &s, size)
        #expect(s.overlay == .help(scroll: 0))
        s.overlay = nil
        let names = s.visibleProjects.filter { $0.engine == nil }.map(\.name)
        s.selectedProject = s.visibleProjects.first { $0.name == names[0] }?.id
        let layout = ScreenLayout.compute(size: size, focus: s.focus, zoomed: nil, contentRows: s.contentRows)
        let grid = try #require(layout.panes[.projects])
        Self.click(.wheelDown, x: grid.x + 5, y: grid.y + 2, &s, size)
        #expect(s.selectedProject.flatMap { s.project($0)?.name } == names[PointerActions.wheelStep], "the grid moves down three rows")
    }

    @Test func aClickOnAScheduledJobSelectsIt() throws {
        var s = GoldenFixture.state()
        _ = Update.apply(.event(.schedule(HostSchedule(jobs: GoldenFixture.scheduledJobs))), to: &s)
        let size = Size(width: 120, height: 40)
        s.overlay = .schedule(selected: 0)
        let lines = Self.view(size)(s).lines
        let row = try #require(lines.firstIndex { $0.contains("#2  lock-check") })
        let column = try #require(lines[row].range(of: "#2")).lowerBound.utf16Offset(in: lines[row])
        // Beside the overlay, the grid's own selected row is drawn on the selection colour too.
        Self.click(x: column, y: row, &s, size)
        #expect(s.overlay == .schedule(selected: 1), "the job under the pointer is selected (the box grows by a row and moves)")
    }

    /// The column of a title in the grid's header row (the first row inside the Projects pane).
    static func header(_ title: String, _ s: AppState, _ size: Size) throws -> (x: Int, y: Int) {
        let layout = ScreenLayout.compute(size: size, focus: s.focus, zoomed: nil, contentRows: s.contentRows)
        let pane = try #require(layout.panes[.projects])
        let row = Self.view(size)(s).lines[pane.y + 1]
        let range = try #require(row.range(of: " " + title), "\(title) in \(row)")
        return (row.distance(from: row.startIndex, to: range.lowerBound) + 2, pane.y + 1)
    }

    @Test func aClickOnAHeaderTitleSortsByItAndASecondClickReverses() throws {
        var s = GoldenFixture.state()
        let size = Size(width: 120, height: 40)
        #expect(s.gridSort == nil)
        let cpu = try Self.header("CPU", s, size)
        Self.click(x: cpu.x, y: cpu.y, &s, size)
        #expect(s.gridSort == .cpu && !s.gridSortReversed)
        #expect(s.notice?.text == GridSort.cpu.summary(reversed: false), "the sort keys' own message")
        Self.click(x: cpu.x, y: cpu.y, &s, size)
        #expect(s.gridSort == .cpu && s.gridSortReversed, "a second click reverses, as I does")
        // Another title: sorted by it, in its own direction.
        let name = try Self.header("Name", s, size)
        Self.click(x: name.x, y: name.y, &s, size)
        #expect(s.gridSort == .name && !s.gridSortReversed)
        let health = try Self.header("Health", s, size)
        Self.click(x: health.x, y: health.y, &s, size)
        #expect(s.gridSort == .health)
        // A title the grid cannot sort by says so and changes nothing.
        let ports = try Self.header("Ports", s, size)
        Self.click(x: ports.x, y: ports.y, &s, size)
        #expect(s.gridSort == .health)
        #expect(s.notice?.text.contains("cannot be sorted by Ports") == true, "\(String(describing: s.notice))")
    }

    @Test func aHeaderClickFromAnotherPaneFocusesTheGridAndSorts() throws {
        var s = GoldenFixture.state()
        s.focus = .timeline
        let size = Size(width: 120, height: 40)
        let status = try Self.header("Status", s, size)
        Self.click(x: status.x, y: status.y, &s, size)
        #expect(s.focus == .projects && s.gridSort == .status)
    }

    @Test func inTheProcessViewAClickSelectsAProcessAndTheWheelMovesTheSelection() throws {
        var s = GoldenFixture.state()
        let size = Size(width: 120, height: 40)
        let tree = GoldenFixture.apiProcesses
        s.overlay = .processes(ProcessView(project: tree.project))
        s.processTree = tree
        let screen = Self.view(size)(s).lines
        func row(_ pid: Int32) -> Int? { screen.firstIndex { $0.contains(" \(pid) ") || $0.contains("|\(pid) ") } }
        func selectedPid() -> Int32? {
            guard case .processes(let view) = s.overlay else { return nil }
            return tree.rows[view.selectedIndex(in: tree.rows)].pid
        }
        #expect(selectedPid() == 4101)
        let esbuild = try #require(row(4160), "\(screen.joined(separator: "\n"))")
        Self.click(x: 30, y: esbuild, &s, size)
        #expect(selectedPid() == 4160)
        let npm = try #require(row(4101))
        Self.click(x: 30, y: npm, &s, size)
        #expect(selectedPid() == 4101)
        // The wheel: three rows down, then back up.
        Self.click(.wheelDown, x: 30, y: npm, &s, size)
        #expect(selectedPid() == 4131)
        Self.click(.wheelUp, x: 30, y: npm, &s, size)
        #expect(selectedPid() == 4101)
        // In the signal chooser, a click picks a signal.
        s.overlay = .processes(ProcessView(project: tree.project, pid: 4102, row: 1, signal: 0))
        let chooser = Self.view(size)(s).lines
        let kill = try #require(chooser.firstIndex { $0.contains("KILL ") })
        Self.click(x: 30, y: kill, &s, size)
        guard case .processes(let view) = s.overlay else { Issue.record("the view closed"); return }
        let chosen = try #require(view.signal)
        #expect(ProcessSignal.allCases[chosen].name == "SIGKILL")
    }
}
