/// Sends frames to a `Terminal`, writing only the cells that changed since the last frame and
/// tracking the pen (cursor position and current style) so no redundant move or style change
/// goes out (the SwiftTUI `Renderer.swift` habit). Runs of adjacent changed cells in one style
/// are written with one `put`.
///
/// After a resize or a theme change the next frame is a full repaint. In ASCII mode no byte
/// ≥ 0x80 reaches the terminal: any non-ASCII symbol a widget wrote becomes `?` (one per column).
/// Control characters never reach the terminal in any mode.
@MainActor
public final class TerminalWriter {
    public let terminal: Terminal
    public let asciiOnly: Bool
    public private(set) var theme: Theme
    public private(set) var stats = WriterStats()

    private var resolver: StyleResolver
    private var previous: Buffer?
    private var needsFullRepaint = true
    private var penX: Int?
    private var penY: Int?
    private var penStyle: TerminalStyle?

    public init(terminal: Terminal, theme: Theme, asciiOnly: Bool = false) {
        self.terminal = terminal
        self.theme = theme
        self.asciiOnly = asciiOnly
        self.resolver = StyleResolver(theme: theme, depth: terminal.colorDepth)
    }

    /// Switches theme; the next frame repaints in full.
    public func setTheme(_ newTheme: Theme) {
        guard newTheme != theme else { return }
        theme = newTheme
        resolver = StyleResolver(theme: newTheme, depth: terminal.colorDepth)
        invalidate()
    }

    /// Forgets what is on screen (after a resize, or when another program drew over it).
    public func invalidate() {
        needsFullRepaint = true
    }

    /// Draws `buffer`. Returns the number of cells written; 0 (and no terminal call at all) when
    /// nothing changed.
    @discardableResult
    public func draw(_ buffer: Buffer) -> Int {
        let full = needsFullRepaint || previous?.area != buffer.area
        let changes: [BufferDiff.Change]
        if full {
            terminal.clear()
            penX = nil; penY = nil; penStyle = nil
            changes = BufferDiff.all(of: buffer)
        } else if let previous {
            changes = BufferDiff.changes(from: previous, to: buffer)
        } else {
            changes = BufferDiff.all(of: buffer)
        }
        previous = buffer
        needsFullRepaint = false
        if changes.isEmpty && !full { return 0 }

        var run = ""
        var runWidth = 0
        func flush() {
            guard !run.isEmpty else { return }
            terminal.put(run)
            stats.puts += 1
            penX = (penX ?? 0) + runWidth
            run = ""
            runWidth = 0
        }
        for change in changes {
            let style = resolver.resolve(change.cell.style)
            let width = max(1, Int(change.cell.width))
            // The pen sits where the pending run ends.
            let continuesRun = penX.map { $0 + runWidth } == change.x && penY == change.y && penStyle == style
            if !continuesRun {
                flush()
                if penX != change.x || penY != change.y {
                    terminal.move(x: change.x, y: change.y)
                    stats.moves += 1
                    penX = change.x
                    penY = change.y
                }
                if penStyle != style {
                    terminal.setStyle(style)
                    stats.styleChanges += 1
                    penStyle = style
                }
            }
            run += Self.printable(change.cell, width: width, asciiOnly: asciiOnly)
            runWidth += width
            // At the right edge the terminal's cursor wraps or sticks: the pen is unknown.
            if change.x + width >= buffer.area.right { flush(); penX = nil }
        }
        flush()
        terminal.present()
        stats.frames += 1
        stats.cellsWritten += changes.count
        stats.lastFrameCells = changes.count
        if full { stats.fullRepaints += 1 }
        return changes.count
    }

    /// The text to send for a cell: its symbol when safe, else `?` per column.
    static func printable(_ cell: Cell, width: Int, asciiOnly: Bool) -> String {
        let symbol = cell.symbol
        let utf8 = symbol.utf8
        if utf8.count == 1, let b = utf8.first {
            return b >= 0x20 && b < 0x7F ? symbol : "?"
        }
        if symbol.isEmpty { return String(repeating: " ", count: width) }
        let safe = symbol.unicodeScalars.allSatisfy { s in
            let v = s.value
            if v < 0x20 || v == 0x7F { return false }
            if asciiOnly { return v < 0x7F }
            return !(0x80..<0xA0).contains(v)
        }
        guard safe, DisplayWidth.of(symbol) == width else { return String(repeating: "?", count: width) }
        return symbol
    }
}

/// What the writer did so far (for tests and benchmarks).
public struct WriterStats: Equatable, Sendable {
    public var frames = 0
    public var fullRepaints = 0
    public var cellsWritten = 0
    public var lastFrameCells = 0
    public var moves = 0
    public var styleChanges = 0
    public var puts = 0
    public init() {}
}
