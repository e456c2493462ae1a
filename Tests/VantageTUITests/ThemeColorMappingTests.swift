import Testing
@testable import VantageTUI

@Suite("Colour depth and mapping")
struct ThemeColorMappingTests {
    @Test func depthIsNegotiatedFromTerminfoAndEnvironment() {
        #expect(ColorDepth.negotiate(colors: 256, directColor: true, environment: [:]) == .truecolor)
        #expect(ColorDepth.negotiate(colors: 16_777_216, directColor: false, environment: [:]) == .truecolor)
        #expect(ColorDepth.negotiate(colors: 256, directColor: false, environment: [:]) == .xterm256)
        #expect(ColorDepth.negotiate(colors: 88, directColor: false, environment: [:]) == .ansi16)
        #expect(ColorDepth.negotiate(colors: 8, directColor: false, environment: [:]) == .ansi8)
        #expect(ColorDepth.negotiate(colors: 2, directColor: false, environment: [:]) == .mono)
        #expect(ColorDepth.negotiate(colors: 256, directColor: false, hasColors: false, environment: [:]) == .mono)
    }

    @Test func noColorForcesMonoOnlyWhenNonEmpty() {
        #expect(ColorDepth.negotiate(colors: 256, directColor: true, environment: ["NO_COLOR": "1"]) == .mono)
        #expect(ColorDepth.negotiate(colors: 256, directColor: false, environment: ["NO_COLOR": ""]) == .xterm256)
    }

    @Test func xterm256PaletteRoundTripsThroughNearest() {
        // Every cube and grey index is its own nearest colour.
        for index in 16...255 {
            let (r, g, b) = ColorMapping.rgb(ofIndex: index)
            let back = ColorMapping.nearest256(r, g, b)
            #expect(ColorMapping.rgb(ofIndex: back) == ColorMapping.rgb(ofIndex: index), "index \(index)")
        }
    }

    @Test func knownColoursMapToTheExpectedIndexes() {
        #expect(ColorMapping.nearest256(0xff, 0x00, 0x00) == 196)
        #expect(ColorMapping.nearest256(0x00, 0x00, 0x00) == 16)
        #expect(ColorMapping.nearest256(0x80, 0x80, 0x80) == 244)   // grey ramp: 8 + 10*12 = 128
        #expect(ColorMapping.nearest256(0x61, 0xaf, 0xef) == 75)    // 95,175,255
        #expect(ColorMapping.nearestANSI(0xe0, 0x6c, 0x75, count: 16) == 9)   // a soft light red is bright red
        #expect(ColorMapping.nearestANSI(0xe0, 0x6c, 0x75, count: 8) == 1)
        #expect(ColorMapping.nearestANSI(0x4b, 0x52, 0x63, count: 16) == 8)   // a dark grey-blue is grey
        #expect(ColorMapping.nearestANSI(0x38, 0x3a, 0x42, count: 16) == 0)
        #expect(ColorMapping.nearestANSI(0xb5, 0x89, 0x00, count: 16) == 3)   // solarized yellow
        #expect(ColorMapping.nearestANSI(0x98, 0xc3, 0x79, count: 8) == 2)    // a soft green is green
        #expect(ColorMapping.nearestANSI(0x61, 0xaf, 0xef, count: 16) == 12)  // light azure is bright blue
        #expect(ColorMapping.nearestANSI(0x26, 0x8b, 0xd2, count: 16) == 4)   // solarized blue
        #expect(ColorMapping.nearestANSI(0x2a, 0xa1, 0x98, count: 16) == 6)   // solarized cyan
        #expect(ColorMapping.nearestANSI(0xc6, 0x78, 0xdd, count: 16) == 13)  // light purple
        #expect(ColorMapping.nearestANSI(0xcb, 0x4b, 0x16, count: 16) == 1)   // solarized orange reads red
        #expect(ColorMapping.nearestANSI(0xfd, 0xf6, 0xe3, count: 16) == 15)  // cream is white
    }

    @Test func theSixteenReferenceColoursMapToThemselves() {
        for i in 0..<16 {
            let (r, g, b) = ColorMapping.ansi16[i]
            #expect(ColorMapping.nearestANSI(r, g, b, count: 16) == i, "colour \(i)")
            #expect(ColorMapping.nearestANSI(r, g, b, count: 8) == (i == 8 ? 7 : i % 8), "colour \(i) at 8")
        }
    }

    @Test func eightColourGreysFollowTheThemeVariant() {
        // No grey among 8 colours: a dark theme's border must not turn black (invisible).
        #expect(ColorMapping.nearestANSI(0x4b, 0x52, 0x63, count: 8, onDark: true) == 7)
        #expect(ColorMapping.nearestANSI(0x7c, 0x81, 0x8c, count: 8, onDark: false) == 0)
        #expect(ColorMapping.nearestANSI(0x10, 0x10, 0x10, count: 8, onDark: true) == 0)
        #expect(ColorMapping.nearestANSI(0xf8, 0xf8, 0xf8, count: 8, onDark: false) == 7)
    }

    @Test func resolveStepsDownByDepthAndKeepsDefault() {
        let color = ThemeColor.rgb(0x61, 0xaf, 0xef)
        #expect(ColorMapping.resolve(color, depth: .truecolor) == .rgb(0x61, 0xaf, 0xef))
        #expect(ColorMapping.resolve(color, depth: .xterm256) == .index(75))
        #expect(ColorMapping.resolve(color, depth: .ansi16) == .index(12))
        #expect(ColorMapping.resolve(color, depth: .ansi8) == .index(4))
        #expect(ColorMapping.resolve(color, depth: .mono) == .terminalDefault)
        for depth in ColorDepth.allCases {
            #expect(ColorMapping.resolve(.terminalDefault, depth: depth) == .terminalDefault)
        }
        #expect(ColorMapping.resolve(.indexed(9), depth: .ansi8) == .index(1))
        #expect(ColorMapping.resolve(.indexed(9), depth: .ansi16) == .index(9))
        #expect(ColorMapping.resolve(.indexed(196), depth: .ansi16) == .index(9))
        #expect(ColorMapping.resolve(.indexed(196), depth: .truecolor) == .rgb(0xff, 0, 0))
    }

    @Test func monoStylesUseAttributesOnly() {
        let theme = ThemeLoader.builtin("dark")
        let selected = StyleResolver.resolve(CellStyle(fg: .text, bg: .selection), theme: theme, depth: .mono)
        #expect(selected == TerminalStyle(reverse: true))
        let error = StyleResolver.resolve(.role(.error), theme: theme, depth: .mono)
        #expect(error == TerminalStyle(bold: true))
        let muted = StyleResolver.resolve(.role(.muted), theme: theme, depth: .mono)
        #expect(muted == TerminalStyle(dim: true))
    }

    @Test func backgroundDefaultStaysTransparent() {
        let theme = ThemeLoader.builtin("dark")
        let s = StyleResolver.resolve(.plain, theme: theme, depth: .truecolor)
        #expect(s.bg == .terminalDefault)
        #expect(s.fg == .rgb(0xc8, 0xcc, 0xd4))
    }
}
