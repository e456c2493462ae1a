/// Labelled sparklines with their current value: `CPU  ▁▂▃▅▇  42.0%`. When the area is too short
/// for every row, the rows with the lowest priority are left out (display order is kept).
/// Besides a series over time (`history`), a row can draw one bar per value (`columns`: a CPU's
/// cores), a meter with its text (`meter`: swap used of total) or a list of items that fit
/// (`items`: temperatures, with "+N" for those left out).
public struct MetricsPanel: Sendable {
    public enum Chart: Sendable, Equatable {
        /// `values` over time, the newest at the right, `current` right-aligned after it.
        case history
        /// One bar per value from the left (averaged in groups when there are more than cells).
        case columns
        /// A meter filled to the fraction (0...1), `current` after it in full.
        case meter(Double)
        /// As many of the items as fit, two spaces apart, then "+N" for the rest.
        case items([String])
    }

    public struct Row: Sendable {
        public var chart: Chart
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
                    priority: Int = 0, labelRole: StyleRole = .text, currentRole: StyleRole = .text, chart: Chart = .history) {
            self.chart = chart
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
        let valueWidth = min(rows.filter { $0.chart == .history || $0.chart == .columns }.map { DisplayWidth.of($0.current) }.max() ?? 0, 8)
        let sparkWidth = area.width - labelWidth - valueWidth - 2
        for (line, i) in shownRows(height: area.height).enumerated() {
            let r = rows[i], y = area.y + line
            buffer.put(Formatting.pad(r.label, to: labelWidth, ellipsis: glyphs.ellipsis), x: area.x, y: y,
                       style: CellStyle(fg: r.labelRole, bold: true), maxWidth: labelWidth)
            let rest = Rect(x: area.x + labelWidth + 1, y: y, width: max(0, area.width - labelWidth - 1), height: 1)
            switch r.chart {
            case .history: break
            case .columns:
                if sparkWidth >= 1 {
                    let bars = Sparkline(values: Sparkline.fitted(r.values, width: sparkWidth), maximum: r.maximum, role: r.role, glyphs: glyphs)
                    let count = bars.levels(width: sparkWidth).count
                    bars.render(area: Rect(x: rest.x, y: y, width: count, height: 1), buffer: &buffer)
                }
                putCurrent(r, valueWidth: valueWidth, labelWidth: labelWidth, area: area, y: y, buffer: &buffer)
                continue
            case .meter(let fraction):
                let textWidth = DisplayWidth.of(r.current)
                let meterWidth = rest.width - textWidth - 1
                if meterWidth >= 3 {
                    Meter(fraction: fraction, role: r.role, glyphs: glyphs).render(area: Rect(x: rest.x, y: y, width: meterWidth, height: 1), buffer: &buffer)
                }
                buffer.put(Formatting.pad(r.current, to: min(textWidth, rest.width), ellipsis: glyphs.ellipsis, alignRight: true),
                           x: rest.right - min(textWidth, rest.width), y: y, style: .role(r.currentRole), maxWidth: rest.width)
                continue
            case .items(let items):
                buffer.put(Self.fitted(items, width: rest.width), x: rest.x, y: y, style: .role(r.currentRole), maxWidth: rest.width)
                continue
            }
            if sparkWidth >= 1 {
                Sparkline(values: Sparkline.fitted(r.values, width: sparkWidth), maximum: r.maximum, role: r.role, glyphs: glyphs)
                    .render(area: Rect(x: area.x + labelWidth + 1, y: y, width: sparkWidth, height: 1), buffer: &buffer)
            }
            putCurrent(r, valueWidth: valueWidth, labelWidth: labelWidth, area: area, y: y, buffer: &buffer)
        }
    }

    private func putCurrent(_ r: Row, valueWidth: Int, labelWidth: Int, area: Rect, y: Int, buffer: inout Buffer) {
        let vx = area.right - valueWidth
        if vx > area.x + labelWidth {
            buffer.put(Formatting.pad(r.current, to: valueWidth, ellipsis: glyphs.ellipsis, alignRight: true),
                       x: vx, y: y, style: .role(r.currentRole), maxWidth: valueWidth)
        }
    }

    /// The items that fit in `width` cells, two spaces apart, then "+N" for the ones left out
    /// (at least the first item, cut, when even it does not fit).
    static func fitted(_ items: [String], width: Int) -> String {
        var text = ""
        for (n, item) in items.enumerated() {
            let candidate = text.isEmpty ? item : text + "  " + item
            let left = items.count - n - 1
            let more = left > 0 ? "  +\(left)" : ""
            if DisplayWidth.of(candidate + more) <= width { text = candidate; continue }
            if text.isEmpty { return item }
            return text + "  +\(items.count - n)"
        }
        return text
    }
}
