/// The symbols widgets draw with, chosen once at start from the locale and `--ascii` (the
/// notcurses glyph-ladder habit): box drawing, block elements and braille in UTF-8 locales;
/// plain ASCII otherwise, so no byte ≥ 0x80 reaches the screen.
public struct GlyphSet: Sendable, Equatable {
    public struct Borders: Sendable, Equatable {
        public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
        public var teeLeft, teeRight, teeDown, teeUp, cross: String
    }

    public var isASCII: Bool
    public var borders: Borders
    /// A fully filled meter cell.
    public var meterFull: String
    /// Partial meter cells by eighths: index 0 is empty (a space), 1–7 are ▏▎▍▌▋▊▉.
    public var meterEighths: [String]
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [String]
    /// Whether graphs may use braille (2×4 dots per cell); otherwise blocks or ASCII.
    public var brailleAvailable: Bool
    /// Short symbols used in lists.
    public var bullet: String
    public var ellipsis: String
    public var arrowUp: String
    public var arrowDown: String

    public static let unicode = GlyphSet(
        isASCII: false,
        borders: Borders(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                         bottomRight: "┘", teeLeft: "├", teeRight: "┤", teeDown: "┬", teeUp: "┴", cross: "┼"),
        meterFull: "█",
        meterEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        brailleAvailable: true,
        bullet: "•", ellipsis: "…", arrowUp: "↑", arrowDown: "↓")

    public static let ascii = GlyphSet(
        isASCII: true,
        borders: Borders(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                         bottomRight: "+", teeLeft: "+", teeRight: "+", teeDown: "+", teeUp: "+", cross: "+"),
        meterFull: "#",
        meterEighths: [" ", " ", " ", " ", "#", "#", "#", "#"],
        sparkLevels: [" ", ".", ":", "-", "=", "+", "*", "#"],
        brailleAvailable: false,
        bullet: "*", ellipsis: "~", arrowUp: "^", arrowDown: "v")

    /// The glyphs for this environment: ASCII when `forceASCII` (`--ascii`) or when the locale
    /// (the first set of `LC_ALL`, `LC_CTYPE`, `LANG`) does not name UTF-8.
    public static func detect(environment: [String: String], forceASCII: Bool = false) -> GlyphSet {
        forceASCII || !localeIsUTF8(environment) ? .ascii : .unicode
    }

    /// Whether the effective character-type locale is UTF-8 (POSIX precedence).
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        return false
    }

    /// A meter `width` cells wide filled to `fraction` (0...1), using eighths where available.
    public func meter(fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((f * Double(width * 8)).rounded())
        let full = eighths / 8, rest = eighths % 8
        var s = String(repeating: meterFull, count: full)
        if full < width {
            s += meterEighths[rest]
            s += String(repeating: " ", count: width - full - 1)
        }
        return s
    }

    /// The sparkline symbol for a value in 0...1.
    public func sparkLevel(_ value: Double) -> String {
        let v = value.isFinite ? min(1, max(0, value)) : 0
        return sparkLevels[min(sparkLevels.count - 1, Int(v * Double(sparkLevels.count - 1) + 0.5))]
    }
}
