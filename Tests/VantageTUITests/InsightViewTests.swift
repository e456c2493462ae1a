import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Insight: analyzer results in state, grid badge and details")
struct InsightViewTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)
    static let api = Project(name: "api", path: "/w/api", kinds: [.node])
    static let worker = Project(name: "worker", path: "/w/worker", kinds: [.python])

    static func scanned() -> AppState {
        var s = AppState(now: t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [api, worker])), to: &s)
        return s
    }

    @Test func updateFoldsInsightsOfKnownProjectsAndForgetsVanishedOnes() {
        var s = Self.scanned()
        let insight = InsightFixture.insight(Self.api.id, time: Self.t0, rating: "B", minutes: 150)
        _ = Update.apply(.event(.insight(insight)), to: &s)
        #expect(s.insights[Self.api.id] == insight)
        // A newer result replaces the older one.
        let newer = InsightFixture.insight(Self.api.id, time: Self.t0 + 5, rating: "C", minutes: 400)
        _ = Update.apply(.event(.insight(newer)), to: &s)
        #expect(s.insights[Self.api.id]?.debt.rating == "C")
        // A late result for a project no scan listed is dropped.
        _ = Update.apply(.event(.insight(InsightFixture.insight(ProjectID("/w/gone"), time: Self.t0, rating: "A", minutes: 1))), to: &s)
        #expect(s.insights.count == 1)
        // A scan without the project forgets its insight.
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [Self.worker])), to: &s)
        #expect(s.insights.isEmpty)
    }

    @Test func badgeShowsRatingAndDebtThenRatingOnlyThenNothing() throws {
        func row(_ name: String, _ debt: ProjectInsight.Debt?) -> ProjectGrid.Row {
            ProjectGrid.Row(name: name, kind: "node", state: .stopped, cpuPercent: nil, rssBytes: nil, memTotalBytes: nil,
                            health: 100, healthRole: .ok, ports: [], debt: debt)
        }
        let b = ProjectInsight.Debt(minutes: 150, ratio: 0.07, rating: "B", linesOfCode: 700)
        let d = ProjectInsight.Debt(minutes: 1_300, ratio: 0.3, rating: "D", linesOfCode: 140)
        let grid = ProjectGrid(rows: [row("api", b), row("shop", d), row("new", nil)], selected: nil, glyphs: .ascii)
        func render(_ width: Int) -> [String] {
            var buffer = Buffer(width: width, height: 4)
            grid.render(area: buffer.area, buffer: &buffer)
            return buffer.lines
        }
        // Wide: every column at full width, the badge is rating and debt in its largest unit.
        let wide = render(90)
        try #require(wide.count > 0)
        #expect(wide[0].contains("Health Debt  Ports"))
        try #require(wide.count > 1)
        #expect(wide[1].contains("   100 B 2h "))
        try #require(wide.count > 2)
        #expect(wide[2].contains("   100 D 2d "))
        try #require(wide.count > 3)
        #expect(wide[3].contains("   100       "))
        // The full dashboard's Projects pane (76 columns): the rating alone.
        let full = render(76)
        try #require(full.count > 0)
        #expect(full[0].contains("Health D Ports"))
        try #require(full.count > 1)
        #expect(full[1].contains("   100 B "))
        try #require(full.count > 2)
        #expect(full[2].contains("   100 D "))
        // The compact side pane (60): still the rating, beside shrunk meters.
        #expect(render(60)[1].contains(" 100 B "))
        // Narrow: the badge goes before anything else.
        let narrow = render(50)
        try #require(narrow.count > 0)
        #expect(!narrow[0].contains("Debt") && !narrow[0].contains(" D "))
        #expect(narrow[0].contains("Name") && narrow[0].contains("Status"))
        // Style: B is ok, D is an error.
        var buffer = Buffer(width: 90, height: 4)
        grid.render(area: buffer.area, buffer: &buffer)
        let x = wide[1].range(of: "B 2h").map { wide[1].distance(from: wide[1].startIndex, to: $0.lowerBound) }!
        #expect(buffer[x, 1].style.fg == .ok)
        #expect(buffer[x, 2].style.fg == .error)
    }

    @Test func detailsListCodeFiguresWorstFunctionsAndDependencies() {
        var s = Self.scanned()
        _ = Update.apply(.event(.insight(InsightFixture.insight(Self.api.id, time: Self.t0, rating: "B", minutes: 150,
                                                                vulnerable: ["CRITICAL": 1, "HIGH": 2]))), to: &s)
        let lines = InsightSection.lines(s.insights[Self.api.id])
        var buffer = Buffer(width: 110, height: lines.count)
        for (y, l) in lines.enumerated() { l.draw(x: 0, y: y, width: 110, buffer: &buffer) }
        let text = buffer.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(text == [
            "Code  debt B 2h 30m, 0.4% of 1234 lines",
            "  12 files, 85 functions, CCN avg 2.4 max 17, 4 smells",
            "  smells: 2 high-complexity, 1 duplicated-block, 1 long-function",
            "  docs 62%, test coverage 81.0%",
            "  CCN 17  handleRequest  server.js:42",
            "  CCN 11  parseArgs  cli.js:7",
            "  CCN 6   render  view.js:120",
            "  hotspots: src/server.js (84), src/cli.js (22)",
            "  debt by week: 1h 30m, 2h, 2h 30m",
            "Deps  24 dependencies, 3 vulnerable (1 critical, 2 high), 3 unchecked",
            "  critical lodash 4.17.4  GHSA-jf85-cpcp-j695; fixed in 4.17.12",
            "  high     minimist 0.0.8  GHSA-vh95-rmgr-6w4m, GHSA-xvch-5gv4-984h; fixed in 1.2.6",
            "  licences: MIT 18, ISC 2, 4 unknown",
            "  0 conflicts, 1 lock problem, outdated unknown (offline)",
            "  analysed 12 files in 0.3 s",
        ])
    }

    @Test func detailsSayWhenNothingWasCheckedOrAnalysed() {
        let unchecked = InsightFixture.insight(Self.api.id, time: Self.t0, rating: "A", minutes: 45, checked: false)
        let deps = InsightSection.lines(unchecked).map { $0.spans.map(\.text).joined() }
        #expect(deps.contains("Deps  24 dependencies, vulnerabilities:"))
        #expect(deps.contains("  not checked (no advisory database: run vantage deps db import DIR)"))
        let none = InsightSection.lines(nil).map { $0.spans.map(\.text).joined() }
        #expect(none == ["Code  not analysed yet (the analyzer runs in the background)"])
    }

    @Test func detailsOverlayOfASelectedProjectCarriesTheSection() throws {
        var s = Self.scanned()
        _ = Update.apply(.event(.insight(InsightFixture.insight(Self.api.id, time: Self.t0, rating: "B", minutes: 150))), to: &s)
        s.selectedProject = Self.api.id
        s.overlay = .details(Self.api.id)
        let screen = AppView(state: s, glyphs: .ascii, timeZone: ClockZone.utc)
            .render(size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(screen.contains("Code  debt B 2h 30m"))
        #expect(screen.contains("CCN 17  handleRequest  server.js:42"))
        #expect(screen.contains("Deps  24 dependencies, no known vulnerabilities, 3 unchecked"))
        // The weekly debt (90, 120, 150 minutes) as a chart beside CPU and RSS, ending at the newest figure.
        let chart = try #require(screen.split(separator: "\n").first { $0.contains("Debt/week") })
        #expect(chart.contains("2h 30m"))
    }
}
