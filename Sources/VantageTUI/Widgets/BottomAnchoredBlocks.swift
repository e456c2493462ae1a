/// Entries of several rows each (a wrapped timeline or troubleshooting entry), oldest at the top:
/// the `bottom` entry is the last one drawn in full, unless the entries up to it do not fill the
/// area, when newer ones fill it. Rows that do not fit are cut from the top (from the bottom when
/// filling with newer entries); arrows mark that more is above or below.
struct BottomAnchoredBlocks {
    var blocks: [[StyledLine]]
    var bottom: Int
    var glyphs: GlyphSet

    func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty, !blocks.isEmpty else { return }
        var last = max(0, min(bottom, blocks.count - 1))
        var first = last
        var rows = blocks[last]
        while rows.count < area.height, first > 0 {
            first -= 1
            rows = blocks[first] + rows
        }
        var cutTop = max(0, rows.count - area.height)
        rows.removeFirst(cutTop)
        while rows.count < area.height, last < blocks.count - 1 {
            last += 1
            rows += blocks[last]
        }
        let cutBottom = max(0, rows.count - area.height)
        rows.removeLast(cutBottom)
        if first > 0 { cutTop += 1 }
        for (row, line) in rows.enumerated() { line.draw(x: area.x, y: area.y + row, width: area.width, buffer: &buffer) }
        if cutTop > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: area.right - 1, y: area.y) }
        if cutBottom > 0 || last < blocks.count - 1 {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: area.right - 1, y: area.y + rows.count - 1)
        }
    }
}
