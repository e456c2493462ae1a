/// Rasterises a `DotRaster` into cells: braille characters (U+2800 + dot bits) in Unicode mode,
/// or each cell's heaviest ink's ASCII mark in ASCII mode. Cells with no dots are left untouched.
public struct BrailleCanvas: Sendable {
    public var raster: DotRaster
    public var glyphs: GlyphSet

    public init(raster: DotRaster, glyphs: GlyphSet) {
        self.raster = raster
        self.glyphs = glyphs
    }

    public func render(area: Rect, buffer: inout Buffer) {
        for row in 0..<min(raster.rows, area.height) {
            for col in 0..<min(raster.columns, area.width) {
                let (bits, ink) = raster.cell(column: col, row: row)
                guard bits != 0, let ink else { continue }
                let symbol = glyphs.brailleAvailable
                    ? String(Character(Unicode.Scalar(0x2800 + UInt32(bits))!))
                    : ink.ascii
                buffer.place(Cell(symbol, style: .role(ink.role)), x: area.x + col, y: area.y + row)
            }
        }
    }
}
