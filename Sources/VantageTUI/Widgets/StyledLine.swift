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

/// A list anchored at the bottom (the newest line last), scrolled `scroll` lines up from the end.
/// Shared by the timeline and the troubleshooting log.
struct BottomAnchoredList {
    var lines: [StyledLine]
    var scroll: Int
    var glyphs: GlyphSet

    /// The scroll actually used: never past the first line.
    func clampedScroll(visible: Int) -> Int { max(0, min(scroll, lines.count - visible)) }

    func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let visible = area.height
        let s = clampedScroll(visible: visible)
        let end = lines.count - s
        let start = max(0, end - visible)
        for (row, i) in (start..<end).enumerated() {
            lines[i].draw(x: area.x, y: area.y + row, width: area.width, buffer: &buffer)
        }
        if start > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: area.right - 1, y: area.y) }
        if s > 0 { buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: area.right - 1, y: area.bottom - 1) }
    }
}
