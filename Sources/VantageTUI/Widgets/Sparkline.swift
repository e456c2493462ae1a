/// A one-row sparkline. The newest value is at the right edge; older values extend left and cells
/// with no data are left untouched. Values are scaled to `maximum` (or the largest value shown).
public struct Sparkline: Sendable {
    public var values: [Double]
    public var maximum: Double?
    public var role: StyleRole
    public var glyphs: GlyphSet

    public init(values: [Double], maximum: Double? = nil, role: StyleRole = .accent, glyphs: GlyphSet) {
        self.values = values
        self.maximum = maximum
        self.role = role
        self.glyphs = glyphs
    }

    /// The level index (0 = lowest glyph) for each value shown in `width` cells.
    public func levels(width: Int) -> [Int] {
        let shown = values.suffix(max(0, width)).map { $0.isFinite ? max(0, $0) : 0 }
        let top = maximum ?? shown.max() ?? 0
        let n = glyphs.sparkLevels.count
        return shown.map { v in
            guard top > 0 else { return 0 }
            return min(n - 1, Int((v / top * Double(n - 1)).rounded()))
        }
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let lv = levels(width: area.width)
        var x = area.right - lv.count
        for l in lv {
            buffer.place(Cell(glyphs.sparkLevels[l], style: .role(role)), x: x, y: area.y)
            x += 1
        }
    }
}
