import Testing
@testable import VantageTUI

@Suite("GlyphSet")
struct GlyphSetTests {
    @Test func localePrecedenceDecidesUTF8() {
        #expect(GlyphSet.localeIsUTF8(["LANG": "C.UTF-8"]))
        #expect(GlyphSet.localeIsUTF8(["LANG": "en_US.utf8"]))
        #expect(!GlyphSet.localeIsUTF8(["LANG": "C"]))
        #expect(!GlyphSet.localeIsUTF8([:]))
        #expect(!GlyphSet.localeIsUTF8(["LC_ALL": "C", "LANG": "C.UTF-8"]))
        #expect(GlyphSet.localeIsUTF8(["LC_CTYPE": "C.UTF-8", "LANG": "C"]))
        #expect(GlyphSet.localeIsUTF8(["LC_ALL": "", "LC_CTYPE": "", "LANG": "C.UTF-8"]))
    }

    @Test func detectHonoursAsciiFlag() {
        #expect(GlyphSet.detect(environment: ["LANG": "C.UTF-8"]) == .unicode)
        #expect(GlyphSet.detect(environment: ["LANG": "C.UTF-8"], forceASCII: true) == .ascii)
        #expect(GlyphSet.detect(environment: ["LANG": "C"]) == .ascii)
    }

    @Test func asciiSetIsPureASCII() {
        let g = GlyphSet.ascii
        let b = g.borders
        let all = [b.horizontal, b.vertical, b.topLeft, b.topRight, b.bottomLeft, b.bottomRight, b.teeLeft,
                   b.teeRight, b.teeDown, b.teeUp, b.cross, g.meterFull, g.bullet, g.ellipsis, g.arrowUp, g.arrowDown]
            + g.meterEighths + g.sparkLevels + [g.meter(fraction: 0.37, width: 9)] + (0...10).map { g.sparkLevel(Double($0) / 10) }
        #expect(all.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(!g.brailleAvailable)
        #expect(GlyphSet.unicode.brailleAvailable)
    }

    @Test func unicodeSetUsesBoxDrawingAndBlocks() {
        let g = GlyphSet.unicode
        #expect(g.borders.topLeft == "┌")
        #expect(g.sparkLevels == ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])
        #expect(g.meterEighths.dropFirst().joined() == "▏▎▍▌▋▊▉")
    }

    @Test func metersFillByEighths() {
        #expect(GlyphSet.unicode.meter(fraction: 0.5, width: 4) == "██  ")
        #expect(GlyphSet.unicode.meter(fraction: 0.3125, width: 4) == "█▎  ")  // 10 eighths
        #expect(GlyphSet.unicode.meter(fraction: 1, width: 3) == "███")
        #expect(GlyphSet.unicode.meter(fraction: .nan, width: 2) == "  ")
        #expect(GlyphSet.ascii.meter(fraction: 0.5, width: 4) == "##  ")
        #expect(GlyphSet.ascii.meter(fraction: 2, width: 3) == "###")
        for f in stride(from: 0.0, through: 1.0, by: 0.05) {
            #expect(DisplayWidth.of(GlyphSet.unicode.meter(fraction: f, width: 7)) == 7)
        }
    }

    @Test func sparkLevelsSpanTheRange() {
        #expect(GlyphSet.unicode.sparkLevel(0) == "▁")
        #expect(GlyphSet.unicode.sparkLevel(1) == "█")
        #expect(GlyphSet.ascii.sparkLevel(0) == " ")
        #expect(GlyphSet.ascii.sparkLevel(1) == "#")
        #expect(GlyphSet.ascii.sparkLevel(-3) == " ")
    }
}
