/// Labelled sparklines with their current value: `CPU  ▁▂▃▅▇  42.0%`. When the area is too short
/// for every row, the rows with the lowest priority are left out (display order is kept).
public struct MetricsPanel: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var values: [Double]
        /// Top of the scale; nil scales to the largest value shown.
        public var maximum: Double?
        public var current: String
        public var role: StyleRole
        /// Lower numbers survive longer on short panes.
        public var priority: Int
        /// The label's colour (the selected project's series are told from the system's by it).
        public var labelRole: StyleRole
        /// The current value's colour: muted for "n/a" while a project does not run.
        public var currentRole: StyleRole
        public init(label: String, values: [Double], maximum: Double?, current: String, role: StyleRole = .accent,
                    priority: Int = 0, labelRole: StyleRole = .text, currentRole: StyleRole = .text) {
            self.labelRole = labelRole
            self.currentRole = currentRole
            self.label = label
            self.values = values
            self.maximum = maximum
            self.current = current
            self.role = role
            self.priority = priority
        }
    }

    public var rows: [Row]
    public var glyphs: GlyphSet

    public init(rows: [Row], glyphs: GlyphSet) {
        self.rows = rows
        self.glyphs = glyphs
    }

    /// Indices of the rows shown in `height` lines, in display order.
    public func shownRows(height: Int) -> [Int] {
        let keep = Set(rows.indices.sorted { (rows[$0].priority, $0) < (rows[$1].priority, $1) }.prefix(max(0, height)))
        return rows.indices.filter { keep.contains($0) }
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let labelWidth = min(rows.map { DisplayWidth.of($0.label) }.max() ?? 0, max(3, area.width / 3))
        let valueWidth = min(rows.map { DisplayWidth.of($0.current) }.max() ?? 0, 8)
        let sparkWidth = area.width - labelWidth - valueWidth - 2
        for (line, i) in shownRows(height: area.height).enumerated() {
            let r = rows[i], y = area.y + line
            buffer.put(Formatting.pad(r.label, to: labelWidth, ellipsis: glyphs.ellipsis), x: area.x, y: y,
                       style: CellStyle(fg: r.labelRole, bold: true), maxWidth: labelWidth)
            if sparkWidth >= 1 {
                Sparkline(values: Sparkline.fitted(r.values, width: sparkWidth), maximum: r.maximum, role: r.role, glyphs: glyphs)
                    .render(area: Rect(x: area.x + labelWidth + 1, y: y, width: sparkWidth, height: 1), buffer: &buffer)
            }
            let vx = area.right - valueWidth
            if vx > area.x + labelWidth {
                buffer.put(Formatting.pad(r.current, to: valueWidth, ellipsis: glyphs.ellipsis, alignRight: true),
                           x: vx, y: y, style: .role(r.currentRole), maxWidth: valueWidth)
            }
        }
    }
}
