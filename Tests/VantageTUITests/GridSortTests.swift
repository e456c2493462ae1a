import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The grid sorted by a column (issue 12 §7, like htop's `<` `>`): the order, the header's arrow,
/// the title, selection moving in the sorted order, and the grid's own order back past the ends.
@Suite("Projects grid: sort by column")
struct GridSortTests {
    static func names(_ s: AppState) -> [String] { s.visibleProjects.filter { $0.engine == nil }.map(\.name) }

    static func screen(_ s: AppState, _ w: Int = 120, _ h: Int = 40) -> [String] {
        AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: Size(width: w, height: h)).lines
    }

    @Test func greaterThanWalksTheColumnsAndLessThanWalksBack() {
        var s = GoldenFixture.state()
        let own = Self.names(s)
        var seen: [GridSort?] = []
        for _ in 0..<(GridSort.allCases.count + 1) {
            _ = Update.apply(.action(.sortNext), to: &s)
            seen.append(s.gridSort)
        }
        #expect(seen == GridSort.allCases.map { $0 } + [nil], "past the last column: the grid's own order")
        #expect(Self.names(s) == own)
        _ = Update.apply(.action(.sortPrevious), to: &s)
        #expect(s.gridSort == .debt)
        #expect(s.notice?.text == "sorted by debt, largest first")
    }

    @Test func cpuSortsTheBusiestFirstAndTheHeaderAndTitleSaySo() throws {
        var s = GoldenFixture.state()
        s.gridSort = .cpu
        let up = s.visibleProjects.filter { $0.engine == nil && s.runState($0.id).isUp }
        let cpus = up.compactMap { s.samples[$0.id]?.cpuPercent }
        #expect(cpus.count >= 2 && cpus == cpus.sorted(by: >), "\(up.map(\.name)) \(cpus)")
        // The projects that do not run come after the ones that do.
        let order = s.visibleProjects.filter { $0.engine == nil }.map { s.runState($0.id).isUp }
        #expect(order == order.sorted { $0 && !$1 })
        let screen = Self.screen(s)
        let header = try #require(screen.first { $0.contains("Name") && $0.contains("Status") })
        #expect(header.contains("CPUv"), "the sorted column's header carries the arrow: \(header)")
        #expect(screen[0].contains("Projects (7, 3 up, by CPU)"), "\(screen[0])")
        // Selection moves in the order on screen.
        s.selectedProject = up.first?.id
        _ = Update.apply(.action(.down), to: &s)
        #expect(s.selectedProject == s.visibleProjects.filter { $0.engine == nil }.dropFirst().first?.id)
    }

    @Test func iReversesTheSortAndTheHeaderArrowAndANewColumnStartsInItsOwnDirection() throws {
        var s = GoldenFixture.state()
        _ = Update.apply(.action(.sortReverse), to: &s)
        #expect(s.gridSortReversed == false)
        #expect(s.notice?.text.contains("sorts it by a column first") == true, "unsorted, I says what to press: \(String(describing: s.notice))")
        for _ in 0..<4 { _ = Update.apply(.action(.sortNext), to: &s) }
        try #require(s.gridSort == .cpu)
        let busiest = s.visibleProjects.filter { $0.engine == nil }.map(\.name)
        _ = Update.apply(.action(.sortReverse), to: &s)
        #expect(s.notice?.text == "sorted by CPU, smallest first")
        let up = Set(s.projects.filter { s.runState($0.id).isUp }.map(\.name))
        let reversed = s.visibleProjects.filter { $0.engine == nil }.map(\.name)
        #expect(Array(reversed.filter(up.contains)) == Array(busiest.filter(up.contains).reversed()), "the running ones, idlest first")
        #expect(reversed.last.map { !up.contains($0) } ?? false, "projects without a CPU figure stay last")
        let header = try #require(Self.screen(s).first { $0.contains("Name") && $0.contains("Status") })
        #expect(header.contains("CPU^"), "the arrow turns: \(header)")
        _ = Update.apply(.action(.sortReverse), to: &s)
        #expect(s.visibleProjects.filter { $0.engine == nil }.map(\.name) == busiest, "I again: back to largest first")
        _ = Update.apply(.action(.sortReverse), to: &s)
        _ = Update.apply(.action(.sortPrevious), to: &s)
        #expect(s.gridSort == .status && !s.gridSortReversed, "a new column starts in its own direction")
        _ = Update.apply(.action(.sortReverse), to: &s)
        #expect(s.notice?.text == "sorted by status, stopped first")
        _ = Update.apply(.action(.sortPrevious), to: &s)
        _ = Update.apply(.action(.sortPrevious), to: &s)
        _ = Update.apply(.action(.sortReverse), to: &s)
        let names = s.visibleProjects.filter { $0.engine == nil }.map(\.name)
        #expect(names == names.sorted(by: >), "names Z to A")
    }

    @Test func statusPutsWhatNeedsAttentionFirstAndHealthTheWorst() {
        var s = GoldenFixture.state()
        s.gridSort = .status
        let states = s.visibleProjects.filter { $0.engine == nil }.map { s.runState($0.id) }
        #expect(states.first == .failed, "\(states)")
        #expect(states.map(GridSort.rank) == states.map(GridSort.rank).sorted())
        s.gridSort = .health
        let health = s.visibleProjects.filter { $0.engine == nil }.compactMap { s.health(of: $0.id).value }
        #expect(health == health.sorted())
    }

    @Test func containersStayUnderTheirEngineHeading() {
        var s = SilentKeyTests.quiet()
        s.gridSort = .name
        let rows = Self.screen(s, 100, 30).joined(separator: "\n")
        let engine = try? #require(rows.range(of: "docker: local"))
        let db = rows.range(of: " db ")
        #expect(engine != nil && db != nil && engine!.lowerBound < db!.lowerBound, "\(rows)")
    }

    @Test func sortingIsAProjectsKeyAndSaysWhenThereIsNothingToSort() {
        var s = AppState(now: Date(timeIntervalSince1970: 0))
        _ = Update.apply(.action(.sortNext), to: &s)
        #expect(s.notice?.text == "sort: no projects yet to sort")
        var g = GoldenFixture.state()
        g.focus = .graph
        _ = Update.apply(.action(.sortNext), to: &g)
        #expect(g.notice?.text == "sort works in Projects")
    }
}
