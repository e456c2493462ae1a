/// STAND-IN, delete on merge: a field-for-field copy of render's `Glyphs/GlyphSet.swift` (same
/// stored properties and the same `.unicode` / `.ascii` values), so the widgets compile on this
/// branch. The extras widgets need are in `GlyphSet+Widgets.swift`, which stays.
public struct GlyphSet: Sendable, Equatable {
    public struct Borders: Sendable, Equatable {
        public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
        public var teeLeft, teeRight, teeDown, teeUp, cross: String
    }

    public var isASCII: Bool
    public var borders: Borders
    public var meterFull: String
    /// Partial meter cells by eighths: index 0 is empty (a space), 1–7 are ▏▎▍▌▋▊▉.
    public var meterEighths: [String]
    public var sparkLevels: [String]
    public var brailleAvailable: Bool
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
}
