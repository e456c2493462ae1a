/// Lines drawn from a scroll offset inside a box, with an arrow at the top or bottom edge when
/// more lines are above or below (the dependencies view, an opened entry).
struct ScrolledLines {
    var lines: [StyledLine]
    var scroll: Int
    var glyphs: GlyphSet

    /// The first line shown: `scroll`, kept so the last page stays full.
    static func clampedScroll(_ scroll: Int, lines: Int, height: Int) -> Int { max(0, min(scroll, lines - height)) }

    func render(area inner: Rect, buffer: inout Buffer) {
        guard !inner.isEmpty else { return }
        let start = Self.clampedScroll(scroll, lines: lines.count, height: inner.height)
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            line.draw(x: inner.x, y: inner.y + row, width: inner.width, buffer: &buffer)
        }
        if start > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: inner.right, y: inner.y) }
        if start + inner.height < lines.count {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: inner.right, y: inner.bottom - 1)
        }
    }
}
