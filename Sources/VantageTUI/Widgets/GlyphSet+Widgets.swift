/// Symbols the widgets need beyond the shared glyph set, derived from it so one choice (Unicode
/// or ASCII) drives everything.
extension GlyphSet {
    public var name: String { isASCII ? "ascii" : "unicode" }
    /// Drawn where a meter is empty.
    public var meterTrack: String { isASCII ? "." : "·" }
    /// Graph canvas marks used when braille is not available (ASCII): edges and nodes.
    public var canvasEdge: String { "." }
    public var canvasNode: String { "o" }
    public var canvasProjectNode: String { "*" }
    /// Marks the selected row of a table.
    public var selectionMarker: String { isASCII ? ">" : "▶" }
    public var tabSeparator: String { borders.vertical }
    /// After a temperature: "°C", or "C" where only ASCII may be drawn.
    public var degreesCelsius: String { isASCII ? "C" : "°C" }
}
