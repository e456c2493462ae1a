/// A pure raster of dots, 2 across and 4 down per terminal cell (the braille grid). Drawing
/// happens here, in dots; `BrailleCanvas` turns it into cells afterwards (render, then rasterise).
public struct DotRaster: Sendable, Equatable {
    /// What a dot is drawn with. When several inks share a cell, the heaviest one colours it.
    public struct Ink: Sendable, Hashable {
        public var role: StyleRole
        public var weight: Int
        /// The mark drawn for a cell holding this ink when braille is not available.
        public var ascii: String
        public init(role: StyleRole, weight: Int, ascii: String) {
            self.role = role
            self.weight = weight
            self.ascii = ascii
        }
    }

    public let columns: Int   // in cells
    public let rows: Int      // in cells
    public var width: Int { columns * 2 }    // in dots
    public var height: Int { rows * 4 }      // in dots
    private(set) var dots: [Ink?]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        dots = Array(repeating: nil, count: self.columns * 2 * self.rows * 4)
    }

    public func dot(x: Int, y: Int) -> Ink? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return dots[y * width + x]
    }

    /// Sets one dot; a lighter ink never overwrites a heavier one.
    public mutating func set(x: Int, y: Int, ink: Ink) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        if let old = dots[i], old.weight > ink.weight { return }
        dots[i] = ink
    }

    /// A straight line between two dots (Bresenham), clipped to the raster.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), ink: Ink) {
        var x0 = a.x, y0 = a.y
        let dx = abs(b.x - x0), dy = -abs(b.y - y0)
        let sx = x0 < b.x ? 1 : -1, sy = y0 < b.y ? 1 : -1
        var err = dx + dy
        // Lines far outside the raster are cut short rather than walked dot by dot.
        var budget = 4 * (width + height) + 8
        while budget > 0 {
            set(x: x0, y: y0, ink: ink)
            if x0 == b.x && y0 == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
            budget -= 1
        }
    }

    /// Fills every dot of the cell at (column, row).
    public mutating func fillCell(column: Int, row: Int, ink: Ink) {
        for dy in 0..<4 { for dx in 0..<2 { set(x: column * 2 + dx, y: row * 4 + dy, ink: ink) } }
    }

    /// The braille bit pattern (U+2800 offset) and the heaviest ink of one cell.
    public func cell(column: Int, row: Int) -> (bits: UInt8, ink: Ink?) {
        // Bit of dot (dx, dy) in the Unicode braille block.
        let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var bits: UInt8 = 0
        var top: Ink?
        for dy in 0..<4 {
            for dx in 0..<2 {
                guard let ink = dot(x: column * 2 + dx, y: row * 4 + dy) else { continue }
                bits |= bit[dx][dy]
                if top == nil || ink.weight > top!.weight { top = ink }
            }
        }
        return (bits, top)
    }
}
