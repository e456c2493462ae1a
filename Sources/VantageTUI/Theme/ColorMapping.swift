/// Pure colour arithmetic: stepping a theme colour down to what the terminal can show.
/// truecolor keeps `#rrggbb`; 256 maps to the nearest xterm-256 index (6×6×6 cube or grey ramp);
/// 16 and 8 map to the nearest of the standard xterm palette; mono drops colour entirely.
public enum ColorMapping {
    /// The xterm default RGB of the 16 ANSI colours (terminals may differ; this is the reference).
    public static let ansi16: [(UInt8, UInt8, UInt8)] = [
        (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
    ]
    /// Channel levels of the xterm 6×6×6 colour cube (indexes 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of an xterm-256 palette index.
    public static func rgb(ofIndex index: Int) -> (UInt8, UInt8, UInt8) {
        let i = max(0, min(255, index))
        if i < 16 { return ansi16[i] }
        if i < 232 {
            let c = i - 16
            return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
        }
        let v = UInt8(8 + 10 * (i - 232))
        return (v, v, v)
    }

    /// Squared distance weighted for the eye (the "redmean" approximation).
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let rm = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return (((512 + rm) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rm) * db * db) >> 8)
    }

    /// The nearest xterm-256 index (16–255) to an RGB colour: the closer of the cube and grey ramp.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let grey = 232 + greyStep
        let target = (r, g, b)
        return distance(rgb(ofIndex: grey), target) < distance(rgb(ofIndex: cube), target) ? grey : cube
    }

    /// The ANSI colour (0–7, or 0–15 when `count` is 16) that reads as the same colour.
    /// Plain RGB distance would turn every soft theme colour into grey, so this goes by hue:
    /// low-chroma colours become black / grey / white by lightness; others take the ANSI colour
    /// of their hue sector, bright when the colour is light or fully saturated. Each of the 16
    /// reference colours maps to itself. With 8 colours there is no grey: greys become white on a
    /// dark theme and black on a light one (`onDark`), so borders and muted text stay visible.
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int, onDark: Bool = true) -> Int {
        let ri = Int(r), gi = Int(g), bi = Int(b)
        let maxC = max(ri, gi, bi), minC = min(ri, gi, bi)
        let chroma = maxC - minC
        let lightness = (maxC + minC) / 2
        let sixteen = count >= 16
        if chroma < 40 {
            if !sixteen { return onDark ? (lightness < 0x30 ? 0 : 7) : (lightness <= 0xD8 ? 0 : 7) }
            if lightness < 0x40 { return 0 }
            if lightness < 0xA0 { return 8 }
            return lightness < 0xF0 ? 7 : 15
        }
        // Hue in degrees, then its ANSI family. Cyan is a narrow band to the eye, so azure
        // (≈205°, the usual "blue" of editor themes) counts as blue.
        var hue: Double
        let c = Double(chroma)
        if maxC == ri { hue = 60 * (Double(gi - bi) / c) } else if maxC == gi { hue = 60 * (Double(bi - ri) / c + 2) } else { hue = 60 * (Double(ri - gi) / c + 4) }
        if hue < 0 { hue += 360 }
        let base: Int
        switch hue {
        case 25..<75: base = 3      // yellow (orange below 25° reads as red)
        case 75..<165: base = 2     // green
        case 165..<195: base = 6    // cyan
        case 195..<270: base = 4    // blue
        case 270..<335: base = 5    // magenta
        default: base = 1           // red
        }
        let bright = maxC >= 0xF0 || lightness > 0xA0
        return sixteen && bright ? base + 8 : base
    }

    /// A theme colour at a colour depth. `default` stays the terminal's own colour at every depth.
    public static func resolve(_ color: ThemeColor, depth: ColorDepth, onDark: Bool = true) -> TerminalColor {
        switch (color, depth) {
        case (_, .mono), (.terminalDefault, _):
            return .terminalDefault
        case (.rgb(let r, let g, let b), .truecolor):
            return .rgb(r, g, b)
        case (.indexed(let i), .truecolor):
            // Keep the 16 named colours as the terminal's own palette; exact RGB for the rest.
            if i < 16 { return .index(Int(i)) }
            let (r, g, b) = rgb(ofIndex: Int(i))
            return .rgb(r, g, b)
        case (.rgb(let r, let g, let b), .xterm256):
            return .index(nearest256(r, g, b))
        case (.indexed(let i), .xterm256):
            return .index(Int(i))
        case (.rgb(let r, let g, let b), .ansi16):
            return .index(nearestANSI(r, g, b, count: 16))
        case (.indexed(let i), .ansi16):
            if i < 16 { return .index(Int(i)) }
            let (r, g, b) = rgb(ofIndex: Int(i))
            return .index(nearestANSI(r, g, b, count: 16))
        case (.rgb(let r, let g, let b), .ansi8):
            return .index(nearestANSI(r, g, b, count: 8, onDark: onDark))
        case (.indexed(let i), .ansi8):
            if i < 8 { return .index(Int(i)) }
            if i < 16 { return .index(Int(i) - 8) }
            let (r, g, b) = rgb(ofIndex: Int(i))
            return .index(nearestANSI(r, g, b, count: 8, onDark: onDark))
        }
    }
}
