/// The changes between two frames: the only path from a view to the terminal (the ratatui
/// `buffer/diff.rs` habit).
///
/// Wide glyphs: a width-2 cell covers its continuation cell, which is never emitted. When a cell
/// changes from wide to narrow (or a wide glyph in the old frame covered the next column), the
/// following cell is re-emitted even if it looks unchanged, because the terminal erased it when
/// the wide glyph was drawn or overwritten.
public enum BufferDiff {
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
        public init(x: Int, y: Int, cell: Cell) {
            self.x = x
            self.y = y
            self.cell = cell
        }
    }

    /// Every cell of `new` that must be written so the screen showing `old` shows `new`.
    /// If the areas differ, every cell of `new` is a change (a resize repaints in full).
    public static func changes(from old: Buffer, to new: Buffer) -> [Change] {
        guard old.area == new.area else { return all(of: new) }
        var changes: [Change] = []
        let width = new.width
        let oldCells = old.cells, newCells = new.cells
        // Cells of `new` to skip because a wide glyph emitted before covers them.
        var toSkip = 0
        // Cells to emit regardless of equality because a wide glyph before them changed.
        var invalidated = 0
        for i in 0..<newCells.count {
            if i % width == 0 { toSkip = 0; invalidated = 0 }  // glyphs never wrap rows
            let current = newCells[i], previous = oldCells[i]
            if !current.isContinuation, toSkip == 0, current != previous || invalidated > 0 {
                changes.append(Change(x: new.area.x + i % width, y: new.area.y + i / width, cell: current))
            }
            let currentWidth = Int(current.width), previousWidth = Int(previous.width)
            toSkip = max(0, max(currentWidth, toSkip) - 1)
            invalidated = max(0, max(max(currentWidth, previousWidth), invalidated) - 1)
        }
        return changes
    }

    /// Every non-continuation cell of `buffer`, row by row: a full repaint.
    public static func all(of buffer: Buffer) -> [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(buffer.cells.count)
        let width = buffer.width
        for (i, cell) in buffer.cells.enumerated() where !cell.isContinuation {
            changes.append(Change(x: buffer.area.x + i % width, y: buffer.area.y + i / width, cell: cell))
        }
        return changes
    }
}
