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
    public func symbols(width: Int) -> (filled: [String], track: Int) {
        guard width > 0 else { return ([], 0) }
        let steps = glyphs.meterPartials.count + 1           // sub-steps per cell
        let units = Int((fraction * Double(width * steps)).rounded())
        var filled = Array(repeating: glyphs.meterFull, count: units / steps)
        let rest = units % steps
        if rest > 0 { filled.append(glyphs.meterPartials[rest - 1]) }
        if fraction > 0, filled.isEmpty { filled.append(glyphs.meterPartials.first ?? glyphs.meterFull) }
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
