import Testing
@testable import VantageTUI

@Suite("Layout")
struct LayoutTests {
    @Test("modes follow the width and height thresholds", arguments: [
        (120, 40, ScreenLayout.Mode.full), (200, 60, .full), (119, 40, .compact), (80, 24, .compact),
        (79, 24, .sidePane), (60, 30, .sidePane), (40, 20, .sidePane), (120, 15, .sidePane), (120, 19, .compact),
        (20, 6, .sidePane), (19, 30, .tooSmall), (100, 5, .tooSmall), (10, 3, .tooSmall), (0, 0, .tooSmall),
    ])
    func modes(width: Int, height: Int, mode: ScreenLayout.Mode) {
        #expect(ScreenLayout.mode(for: Size(width: width, height: height)) == mode)
    }

    @Test("full and compact show all five panes, tiling the body exactly",
          arguments: [(120, 40), (160, 50), (80, 24), (100, 30), (119, 16)])
    func allFivePanesTile(width: Int, height: Int) {
        for projectRows in [0, 3, 50] {
            let l = ScreenLayout.compute(size: Size(width: width, height: height), focus: .graph, zoomed: nil,
                                         contentRows: [.projects: projectRows + 3, .metrics: ScreenLayout.metricsRows])
            #expect(Set(l.panes.keys) == Set(PaneID.allCases))
            let body = Rect(width: width, height: height - 1)
            #expect(l.footer == Rect(x: 0, y: height - 1, width: width, height: 1))
            #expect(l.panes.values.reduce(0) { $0 + $1.area } == body.area)
            let rects = Array(l.panes.values)
            for (i, a) in rects.enumerated() {
                #expect(a.intersection(body) == a, "pane \(a) outside the body")
                #expect(a.width >= 10 && a.height >= 3, "pane \(a) too small to read at \(width)x\(height)")
                for b in rects[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b)") }
            }
        }
    }

    @Test func projectsPaneGrowsWithProjectsWithinItsShare() {
        let few = ScreenLayout.compute(size: Size(width: 120, height: 40), focus: .projects, zoomed: nil,
                                       contentRows: [.projects: 5, .metrics: ScreenLayout.metricsRows])
        let many = ScreenLayout.compute(size: Size(width: 120, height: 40), focus: .projects, zoomed: nil,
                                        contentRows: [.projects: 203, .metrics: ScreenLayout.metricsRows])
        #expect(few.panes[.projects]!.height == ScreenLayout.metricsRows)
        #expect(many.panes[.projects]!.height == 39 / 2)
    }

    @Test func sidePaneShowsOnlyTheFocusedPaneUnderATabBar() {
        let l = ScreenLayout.compute(size: Size(width: 50, height: 30), focus: .timeline, zoomed: nil)
        #expect(l.mode == .sidePane)
        #expect(Array(l.panes.keys) == [.timeline])
        #expect(l.tabBar == Rect(x: 0, y: 0, width: 50, height: 1))
        #expect(l.panes[.timeline] == Rect(x: 0, y: 1, width: 50, height: 28))
    }

    @Test func zoomFillsTheBodyInEveryMode() {
        for size in [Size(width: 130, height: 40), Size(width: 90, height: 30), Size(width: 40, height: 20)] {
            let l = ScreenLayout.compute(size: size, focus: .projects, zoomed: .graph)
            #expect(l.zoomed)
            #expect(l.panes == [.graph: Rect(width: size.width, height: size.height - 1)])
            #expect(l.tabBar == nil)
        }
    }

    @Test func tooSmallHasNoPanes() {
        let l = ScreenLayout.compute(size: Size(width: 10, height: 3), focus: .projects, zoomed: .graph)
        #expect(l.mode == .tooSmall && l.panes.isEmpty && l.footer == nil)
    }

    @Test func splitTilesExactly() throws {
        let r = Rect(x: 3, y: 2, width: 17, height: 9)
        let cols = Split.columns(r, [0.34, 0.33, 0.33])
        #expect(cols.map(\.width).reduce(0, +) == 17)
        #expect(cols.last!.right == r.right)
        let rows = Split.rows(r, [0.5, 0.5])
        #expect(rows.map(\.height) == [5, 4])
        try #require(rows.count > 1)
        #expect(rows[1].y == 7)
    }

    @Test func focusOrderCyclesThroughAllPanes() {
        var p = PaneID.projects
        var seen: [PaneID] = []
        for _ in 0..<5 { seen.append(p); p = p.next }
        #expect(seen == PaneID.allCases && p == .projects)
        #expect(PaneID.projects.previous == .troubleshooting)
    }
}
