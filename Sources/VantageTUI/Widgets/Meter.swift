/// A horizontal bar showing a fraction 0...1, with sub-cell precision in Unicode (eighth blocks).
/// The filled part uses `role`; the rest shows the track in `muted`.
public struct Meter: Sendable {
    public var fraction: Double
    public var role: StyleRole
    public var glyphs: GlyphSet

    public init(fraction: Double, role: StyleRole, glyphs: GlyphSet) {
        self.fraction = fraction.isFinite ? min(1, max(0, fraction)) : 0
        self.role = role
        self.glyphs = glyphs
    }

    /// The glyphs of a meter `width` cells wide: (filled cells incl. a partial one, then track cells).
    /// Fractions are counted in eighths of a cell; a partial cell uses the glyph set's eighth glyph
    /// (ASCII rounds half a cell or more up to `#`). Any load above zero shows at least a sliver
    /// where the glyph set has one.
    public func symbols(width: Int) -> (filled: [String], track: Int) {
        guard width > 0 else { return ([], 0) }
        let eighths = glyphs.meterEighths
        let units = Int((fraction * Double(width * 8)).rounded())
        var filled = Array(repeating: glyphs.meterFull, count: units / 8)
        func partial(_ n: Int) -> String? {
            guard n > 0, n < eighths.count, eighths[n] != " " else { return nil }
            return eighths[n]
        }
        if let p = partial(units % 8) { filled.append(p) }
        if fraction > 0, filled.isEmpty, let sliver = partial(1) { filled.append(sliver) }
        return (filled, width - filled.count)
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let (filled, track) = symbols(width: area.width)
        var x = area.x
        for s in filled { buffer.place(Cell(s, style: .role(role)), x: x, y: area.y); x += 1 }
        for _ in 0..<track { buffer.place(Cell(glyphs.meterTrack, style: .role(.muted)), x: x, y: area.y); x += 1 }
    }
}
