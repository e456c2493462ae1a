/// A line of text made of differently styled pieces.
public struct StyledLine: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var text: String
        public var style: CellStyle
        public init(_ text: String, _ style: CellStyle = .plain) {
            self.text = text
            self.style = style
        }
    }
    public var spans: [Span]
    public init(_ spans: [Span]) { self.spans = spans }

    /// The same line on the selection colour (a selected list entry).
    public var highlighted: StyledLine { StyledLine(spans.map { Span($0.text, $0.style.on(.selection)) }) }

    /// Draws the spans from (x, y), clipped to `width` columns.
    public func draw(x: Int, y: Int, width: Int, buffer: inout Buffer) {
        var col = x
        for s in spans {
            let room = x + width - col
            if room <= 0 { break }
            col += buffer.put(s.text, x: col, y: y, style: s.style, maxWidth: room)
        }
    }
}
