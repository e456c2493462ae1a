import VantageCore

/// A grid of cells that a view draws into. Pure: no terminal involved. The only path to the
/// terminal is a diff of two buffers (see `BufferDiff`).
public struct Buffer: Equatable, Sendable {
    public private(set) var area: Rect
    public private(set) var cells: [Cell]

    public init(area: Rect, filling cell: Cell = .blank) {
        self.area = area
        self.cells = Array(repeating: cell, count: area.area)
    }

    public init(width: Int, height: Int) { self.init(area: Rect(width: width, height: height)) }

    public var width: Int { area.width }
    public var height: Int { area.height }

    @inline(__always) func index(_ x: Int, _ y: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        return (y - area.y) * area.width + (x - area.x)
    }

    /// A cell never holds a control character (text from a log or a file could carry one): a
    /// symbol that has one is stored as `?` (`put` writes the whole escape, `\x1B`, over cells).
    public subscript(x: Int, y: Int) -> Cell {
        get { index(x, y).map { cells[$0] } ?? .blank }
        set {
            guard let i = index(x, y) else { return }
            if TerminalText.needsEscaping(newValue.symbol) {
                cells[i] = Cell("?", width: 1, style: newValue.style)
            } else {
                cells[i] = newValue
            }
        }
    }

    /// Writes `text` from (x, y), clipped to `maxWidth` columns and to the buffer. Wide graphemes
    /// that would straddle the clip edge are replaced by a space. Control characters are written
    /// as their visible escapes (`\x1B`, `TerminalText`); tab and newline take no cell. Returns
    /// the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int = .max) -> Int {
        guard y >= area.y, y < area.bottom else { return 0 }
        // `maxWidth` defaults to .max: compare against the room left instead of adding (no overflow).
        let limit = x + min(area.right - x, max(0, maxWidth))
        var col = x
        for ch in TerminalText.escaped(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }  // control or lone combining mark
            if col + w > limit {
                if w == 2, col < limit { self[col, y] = Cell(" ", style: style); col += 1 }
                break
            }
            if col >= area.x {
                clearWide(at: col, y: y)
                self[col, y] = Cell(String(ch), width: UInt8(w), style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell.continuation.with(style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Sets the style of every cell in `rect` without changing symbols.
    public mutating func setStyle(_ style: CellStyle, in rect: Rect) {
        let r = rect.intersection(area)
        for y in r.y..<r.bottom { for x in r.x..<r.right { cells[index(x, y)!].style = style } }
    }

    /// Fills `rect` with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        for y in r.y..<r.bottom { for x in r.x..<r.right { cells[index(x, y)!] = cell } }
    }

    /// Overwriting half of a wide glyph blanks its other half, so no stray half-glyph stays.
    private mutating func clearWide(at x: Int, y: Int) {
        guard let i = index(x, y) else { return }
        let c = cells[i]
        if c.isContinuation, let left = index(x - 1, y) { cells[left] = Cell(" ", style: cells[left].style) }
        if c.width == 2, let right = index(x + 1, y) { cells[right] = Cell(" ", style: cells[right].style) }
    }

    /// The text of each row (continuation cells omitted), for tests and golden screens.
    public var lines: [String] {
        (0..<area.height).map { row in
            var s = ""
            for col in 0..<area.width {
                let c = cells[row * area.width + col]
                if !c.isContinuation { s += c.symbol }
            }
            return s
        }
    }

    /// Resizes to a new area, keeping nothing (a resized screen is redrawn in full).
    public mutating func resize(to newArea: Rect) {
        area = newArea
        cells = Array(repeating: .blank, count: newArea.area)
    }
}

extension Cell {
    func with(style: CellStyle) -> Cell { var c = self; c.style = style; return c }
}
