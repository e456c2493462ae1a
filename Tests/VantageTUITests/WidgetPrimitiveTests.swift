import Testing
@testable import VantageTUI

/// Whole-buffer assertions, pre-filled with "x" so untouched cells show (the ratatui habit).
func filled(_ w: Int, _ h: Int) -> Buffer { Buffer(area: Rect(width: w, height: h), filling: Cell("x")) }

@Suite("Widgets: block, meter, sparkline")
struct WidgetPrimitiveTests {
    @Test func blockDrawsBorderAndTitleAndLeavesInside() {
        var b = filled(12, 4)
        Block(title: "Log", glyphs: .unicode).render(area: b.area, buffer: &b)
        #expect(b.lines == ["┌ Log ─────┐",
                            "│xxxxxxxxxx│",
                            "│xxxxxxxxxx│",
                            "└──────────┘"])
        #expect(b[0, 0].style.fg == .border)
        #expect(b[2, 0].style.fg == .text)
    }

    @Test func focusedBlockUsesAccentAndAsciiGlyphs() {
        var b = filled(8, 3)
        Block(title: "Projects", focused: true, glyphs: .ascii).render(area: b.area, buffer: &b)
        #expect(b.lines == ["+ Pr~--+", "|xxxxxx|", "+------+"])
        #expect(b[0, 0].style.fg == .accent)
        #expect(b[7, 2].style.fg == .accent)
    }

    @Test func meterUsesEighthBlocksInUnicodeAndHashesInAscii() {
        var b = filled(4, 3)
        Meter(fraction: 0.5, role: .ok, glyphs: .unicode).render(area: Rect(x: 0, y: 0, width: 4, height: 1), buffer: &b)
        Meter(fraction: 0.3, role: .ok, glyphs: .unicode).render(area: Rect(x: 0, y: 1, width: 4, height: 1), buffer: &b)
        Meter(fraction: 0.25, role: .ok, glyphs: .ascii).render(area: Rect(x: 0, y: 2, width: 3, height: 1), buffer: &b)
        #expect(b.lines == ["██··", "█▎··", "#..x"])
        #expect(b[0, 0].style.fg == .ok)
        #expect(b[3, 0].style.fg == .muted)
    }

    @Test func meterClampsBadFractions() {
        #expect(Meter(fraction: 7, role: .ok, glyphs: .ascii).symbols(width: 3).filled == ["#", "#", "#"])
        #expect(Meter(fraction: -1, role: .ok, glyphs: .ascii).symbols(width: 3).track == 3)
        #expect(Meter(fraction: .nan, role: .ok, glyphs: .ascii).symbols(width: 3).track == 3)
        // Any load at all shows at least a sliver.
        #expect(Meter(fraction: 0.001, role: .ok, glyphs: .unicode).symbols(width: 4).filled == ["▏"])
    }

    @Test func sparklineKeepsNewestAtTheRightAndLeavesMissingCells() {
        var b = filled(10, 2)
        Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7], glyphs: .unicode).render(area: Rect(x: 0, y: 0, width: 10, height: 1), buffer: &b)
        Sparkline(values: [0, 7, 14, 99], maximum: 14, glyphs: .ascii).render(area: Rect(x: 0, y: 1, width: 3, height: 1), buffer: &b)
        // Without a maximum the scale tops at 10, the round number above 7: 7 is not a full bar.
        #expect(b.lines == ["xx▁▂▂▃▄▅▅▆", "=##xxxxxxx"])
    }

    @Test func aFlatSeriesIsAFlatLinePartWayUpNotFullBars() {
        var b = filled(4, 2)
        let flat = Array(repeating: 20.0 * 1_048_576, count: 4)   // a steady 20 MB
        Sparkline(values: flat, glyphs: .unicode).render(area: Rect(x: 0, y: 0, width: 4, height: 1), buffer: &b)
        // A flat 0.1 % CPU on a 0-100 scale stays at the bottom.
        Sparkline(values: [0.1, 0.1, 0.1, 0.1], maximum: 100, glyphs: .unicode).render(area: Rect(x: 0, y: 1, width: 4, height: 1), buffer: &b)
        #expect(b.lines == ["▆▆▆▆", "▁▁▁▁"])
        #expect(Sparkline.roundTop(20 * 1_048_576) == 30_000_000 && Sparkline.roundTop(7) == 10 && Sparkline.roundTop(0) == 0)
        #expect(Sparkline.roundTop(95) == 150 && Sparkline.roundTop(0.004) == 0.005 && Sparkline.roundTop(.infinity) == 0)
    }

    @Test func sparklineOfZerosStaysAtTheBottomAndLeavesAGapForAMissingValue() {
        var b = filled(3, 1)
        // NaN is a bucket nothing was sampled in (the daemon was down): a gap, not a zero.
        Sparkline(values: [0, .nan, 0], glyphs: .unicode).render(area: b.area, buffer: &b)
        #expect(b.lines == ["▁x▁"])
    }

    @Test func sparklineFitsALongWindowIntoItsCellsByAveragingGroups() {
        // Seven values in three cells: groups of three from the newest end, the oldest group short.
        let fitted = Sparkline.fitted([1, 2, 4, 6, .nan, 10, 12], width: 3)
        #expect(fitted.count == 3)
        #expect(fitted == [1, 4, 11])
        #expect(Sparkline.fitted([.nan, .nan, 3, 5], width: 2).first?.isNaN == true)
        #expect(Sparkline.fitted([1, 2], width: 5) == [1, 2])
    }

    @Test func tooSmallNamesTheSizeItNeedsOnAsManyRowsAsItHas() {
        var b = filled(18, 5)
        TooSmall(size: Size(width: 18, height: 5), minimum: Size(width: 20, height: 6)).render(area: b.area, buffer: &b)
        #expect(b.lines == ["xxxxxxxxxxxxxxxxxx", "xTerminal 18x5 isx", "too small: Vantage", "xxxxneeds 20x6xxxx", "xxxxxxxxxxxxxxxxxx"])
        // One row: the shortest form that still names the size needed.
        var one = filled(12, 1)
        TooSmall(size: Size(width: 12, height: 1), minimum: Size(width: 20, height: 6), glyphs: .unicode).render(area: one.area, buffer: &one)
        #expect(one.lines == ["xneeds 20×6x"])
        #expect(TooSmall(size: Size(width: 19, height: 6), minimum: Size(width: 20, height: 6), glyphs: .unicode).message
                == "Terminal 19×6 is too small: Vantage needs 20×6")
    }
}

@Suite("Widgets: wide glyphs under overlays")
struct WidgetWideGlyphTests {
    @Test func placingOverEitherHalfOfAWideGlyphBlanksTheOtherHalf() {
        var b = filled(6, 2)
        b.put("数据", x: 0, y: 0, maxWidth: 6)
        b.put("数据", x: 0, y: 1, maxWidth: 6)
        b.place(Cell("|"), x: 1, y: 0)   // right half of 数
        b.place(Cell("|"), x: 2, y: 1)   // left half of 据
        #expect(b.lines == [" |据xx", "数| xx"])
        #expect(b.lines.allSatisfy { DisplayWidth.of($0) == 6 })
    }

    @Test func clearingARectThatCutsWideGlyphsKeepsRowsWhole() throws {
        var b = filled(6, 1)
        b.put("数据服", x: 0, y: 0, maxWidth: 6)
        b.clear(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("."))
        // 数 loses its right half and 据 its left half: both become blanks.
        #expect(b.lines == [" .. 服"])
        try #require(b.lines.count > 0)
        #expect(DisplayWidth.of(b.lines[0]) == 6)
    }

    @Test func overlayOverWideTextKeepsTheRowWidth() throws {
        var b = Buffer(width: 12, height: 5)
        for y in 0..<5 { b.put("数据服务数据", x: 0, y: y, maxWidth: 12) }
        Overlay(title: "x", width: 5, height: 3, glyphs: .ascii).render(area: b.area, buffer: &b)
        #expect(b.lines.allSatisfy { DisplayWidth.of($0) == 12 }, "\(b.lines)")
        // The box spans columns 3-7: it cuts 据 (2-3), covers 务 (6-7) and leaves the rest.
        try #require(b.lines.count > 1)
        #expect(b.lines[1] == "数 + --+数据")
    }
}
