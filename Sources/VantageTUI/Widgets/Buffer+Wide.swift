/// Cell writes that keep wide glyphs whole: writing over either half of a two-column glyph
/// blanks the other half, so a row never ends up wider or narrower than the screen.
extension Buffer {
    /// Sets one single-width cell.
    public mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard area.contains(x: x, y: y) else { return }
        let old = self[x, y]
        if old.isContinuation, area.contains(x: x - 1, y: y) { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if old.width == 2, area.contains(x: x + 1, y: y) { self[x + 1, y] = Cell(" ", style: self[x + 1, y].style) }
        self[x, y] = cell
    }

    /// Fills `rect` with one single-width cell, blanking wide glyphs cut by its edges.
    public mutating func clear(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            place(self[r.x, y], x: r.x, y: y)                     // cut at the left edge
            place(self[r.right - 1, y].isContinuation ? Cell(" ") : self[r.right - 1, y], x: r.right - 1, y: y)
        }
        fill(r, with: cell)
    }
}
