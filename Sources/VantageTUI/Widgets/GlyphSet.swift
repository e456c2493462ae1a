/// The characters widgets draw with. Chosen once from the locale (or `--ascii`): `unicode` uses box
/// drawing, block elements and braille; `ascii` never emits a scalar at or above 0x80.
public struct GlyphSet: Sendable, Equatable {
    public var name: String
    /// Border pieces, clockwise from the top-left corner.
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var horizontal: String
    public var vertical: String
    /// Meter: a full cell, then partial fills from 1/8 to 7/8 (empty array: no partial cells),
    /// and the track drawn where the meter is empty.
    public var meterFull: String
    public var meterPartials: [String]
    public var meterTrack: String
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [String]
    /// Graph canvas: braille dots (2x4 per cell) or ASCII marks.
    public var usesBraille: Bool
    public var canvasEdge: String
    public var canvasNode: String
    public var canvasProjectNode: String
    /// Small marks.
    public var selectionMarker: String
    public var ellipsis: String
    public var tabSeparator: String
    public var upArrow: String
    public var downArrow: String

    public static let unicode = GlyphSet(
        name: "unicode",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        meterFull: "█", meterPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], meterTrack: "·",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        usesBraille: true, canvasEdge: "·", canvasNode: "●", canvasProjectNode: "◆",
        selectionMarker: "▶", ellipsis: "…", tabSeparator: "│", upArrow: "↑", downArrow: "↓")

    public static let ascii = GlyphSet(
        name: "ascii",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        meterFull: "#", meterPartials: [], meterTrack: ".",
        sparkLevels: [" ", ".", ":", "-", "=", "+", "*", "#"],
        usesBraille: false, canvasEdge: ".", canvasNode: "o", canvasProjectNode: "*",
        selectionMarker: ">", ellipsis: "~", tabSeparator: "|", upArrow: "^", downArrow: "v")
}
