/// A one-row sparkline. The newest value is at the right edge; older values extend left and cells
/// with no data (before the first value, or a gap: a value that is not finite) are left untouched.
/// Values are scaled from zero to `maximum`, or without one to a round number above the largest
/// value shown (`roundTop`), so a flat series draws as a flat line part-way up, not as full bars.
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

    /// The level index (0 = lowest glyph) for each value shown in `width` cells; nil for a gap.
    public func levels(width: Int) -> [Int?] {
        let shown = values.suffix(max(0, width)).map { $0.isFinite ? max(0, $0) : nil }
        let top = maximum ?? Self.roundTop(shown.compactMap { $0 }.max() ?? 0)
        let n = glyphs.sparkLevels.count
        return shown.map { v in
            guard let v else { return nil }
            guard top > 0 else { return 0 }
            return min(n - 1, Int((v / top * Double(n - 1)).rounded()))
        }
    }

    /// The top of an automatic scale: the first of 1, 1.5, 2, 3, 5, 7.5 × 10ⁿ above the largest
    /// value with a tenth to spare (20 MB: 30 MB; 7: 10); 0 for 0.
    public static func roundTop(_ largest: Double) -> Double {
        guard largest > 0, largest.isFinite else { return 0 }
        let wanted = largest * 1.1
        var decade = 1.0
        while decade * 10 <= wanted { decade *= 10 }
        while decade > wanted { decade /= 10 }
        for step in [1, 1.5, 2, 3, 5, 7.5, 10] where decade * step >= wanted { return decade * step }
        return decade * 10
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let lv = levels(width: area.width)
        var x = area.right - lv.count
        for l in lv {
            if let l { buffer.place(Cell(glyphs.sparkLevels[l], style: .role(role)), x: x, y: area.y) }
            x += 1
        }
    }

    /// `values` averaged into at most `width` points (for a window longer than the cells that
    /// show it): consecutive groups of equal size, the newest group ending at the newest value; a
    /// group without a finite value stays a gap.
    public static func fitted(_ values: [Double], width: Int) -> [Double] {
        guard width > 0, values.count > width else { return values }
        let group = (values.count + width - 1) / width
        var out: [Double] = []
        out.reserveCapacity(width)
        var end = values.count
        while end > 0 {
            let start = max(0, end - group)
            var sum = 0.0, n = 0
            for v in values[start..<end] where v.isFinite { sum += v; n += 1 }
            out.append(n == 0 ? .nan : sum / Double(n))
            end = start
        }
        return out.reversed()
    }
}
