import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Insight: the coverage history as a sparkline in the details")
struct CoverageSparklineTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)
    static let api = Project(name: "api", path: "/w/api", kinds: [.node])

    static func insight(trend: [Double]?) -> ProjectInsight {
        var i = InsightFixture.insight(api.id, time: t0, rating: "B", minutes: 150)
        i.coverageTrend = trend
        if let last = trend?.last { i.coveragePercent = last }
        return i
    }

    static func coverageLine(_ trend: [Double]?, glyphs: GlyphSet) -> String {
        let lines = InsightSection.lines(insight(trend: trend), glyphs: glyphs)
        return lines.map { $0.spans.map(\.text).joined() }.first { $0.contains("test coverage") } ?? ""
    }

    @Test func heightsAreThePercentagesOldestLeftWithTheChange() {
        // 40, 55, 62.5, 81 % of 7 steps: 2.8, 3.85, 4.375, 5.67 → levels 3, 4, 4, 6.
        let trend = [40, 55, 62.5, 81.0]
        #expect(Self.coverageLine(trend, glyphs: .unicode) == "  docs 62%, test coverage 81.0%  ▄▅▅▇ +41.0 over 4 reports")
        #expect(Self.coverageLine(trend, glyphs: .ascii) == "  docs 62%, test coverage 81.0%  -==* +41.0 over 4 reports")
    }

    @Test func aFallIsAWarningAndOnlyTheNewestReportsAreShown() throws {
        let trend = (0..<30).map { Double(100 - $0) }   // 100 … 71, falling
        let spans = InsightSection.lines(Self.insight(trend: trend), glyphs: .unicode)
            .first { $0.spans.map(\.text).joined().contains("test coverage") }!.spans
        let cells = try #require(spans.first { $0.text.hasPrefix("  ") && $0.text.allSatisfy { "  ▁▂▃▄▅▆▇█".contains($0) } })
        #expect(cells.text.count == 2 + InsightSection.coverageHistoryShown)
        let change = try #require(spans.last)
        #expect(change.text == " -23.0 over 24 reports")     // 94 → 71: the 24 newest
        #expect(change.style.fg == .warn)
    }

    @Test func noSparklineForOneReportOrNone() {
        #expect(Self.coverageLine([81], glyphs: .unicode) == "  docs 62%, test coverage 81.0%")
        #expect(Self.coverageLine(nil, glyphs: .unicode) == "  docs 62%, test coverage 81.0%")
    }

    @Test func theDetailsOverlayShowsTheSparkline() {
        var s = AppState(now: Self.t0)
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: [Self.api])), to: &s)
        _ = Update.apply(.event(.insight(Self.insight(trend: [40, 55, 62.5, 81]))), to: &s)
        s.selectedProject = Self.api.id
        s.overlay = .details(Self.api.id)
        for (glyphs, cells) in [(GlyphSet.ascii, "-==*"), (GlyphSet.unicode, "▄▅▅▇")] {
            let screen = AppView(state: s, glyphs: glyphs, timeZone: ClockZone.utc)
                .render(size: Size(width: 120, height: 40)).lines
            #expect(screen.contains { $0.contains("test coverage 81.0%  \(cells) +41.0 over 4 reports") })
        }
    }
}
