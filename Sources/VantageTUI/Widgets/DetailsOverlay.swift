/// A centred box describing one item: labelled fields, small charts and notes (for a project:
/// path, kinds, command, ports, pids, CPU/RSS sparklines, the health explanation, and the
/// analyzer's section on code quality, debt and dependencies).
public struct DetailsOverlay: Sendable {
    public var title: String
    public var fields: [(label: String, value: String)]
    public var charts: [MetricsPanel.Row]
    public var notes: [StyledLine]
    /// The analyzer's section (`InsightSection.lines`), drawn last.
    public var insight: [StyledLine]
    public var glyphs: GlyphSet

    public init(title: String, fields: [(label: String, value: String)], charts: [MetricsPanel.Row],
                notes: [StyledLine], insight: [StyledLine] = [], glyphs: GlyphSet) {
        self.insight = insight
        self.title = title
        self.fields = fields
        self.charts = charts
        self.notes = notes
        self.glyphs = glyphs
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let height = fields.count + (charts.isEmpty ? 0 : charts.count + 1) + (notes.isEmpty ? 0 : notes.count + 1)
            + (insight.isEmpty ? 0 : insight.count + 1) + 2
        let overlay = Overlay(title: title, width: min(76, area.width - 2), height: min(height, area.height - 2), glyphs: glyphs)
        let inner = overlay.render(area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let labelWidth = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        var y = inner.y
        for f in fields where y < inner.bottom {
            buffer.put(Formatting.pad(f.label, to: labelWidth, ellipsis: glyphs.ellipsis), x: inner.x, y: y,
                       style: CellStyle(fg: .muted, bold: true), maxWidth: labelWidth)
            buffer.put(Formatting.truncate(f.value, to: inner.width - labelWidth - 1, ellipsis: glyphs.ellipsis),
                       x: inner.x + labelWidth + 1, y: y, style: .role(.text), maxWidth: inner.width - labelWidth - 1)
            y += 1
        }
        if !charts.isEmpty, y + 1 < inner.bottom {
            y += 1
            let h = min(charts.count, inner.bottom - y)
            MetricsPanel(rows: charts, glyphs: glyphs).render(area: Rect(x: inner.x, y: y, width: inner.width, height: h),
                                                               buffer: &buffer)
            y += h
        }
        if !notes.isEmpty, y + 1 < inner.bottom {
            y += 1
            for n in notes where y < inner.bottom {
                n.draw(x: inner.x, y: y, width: inner.width, buffer: &buffer)
                y += 1
            }
        }
        if !insight.isEmpty, y + 1 < inner.bottom {
            y += 1
            for line in insight where y < inner.bottom {
                line.draw(x: inner.x, y: y, width: inner.width, buffer: &buffer)
                y += 1
            }
        }
    }
}
