/// One row naming every tab, the selected one highlighted. When the full names do not fit, the
/// unselected names are shortened (to four letters, then to one), so all tabs stay visible.
public struct TabBar: Sendable {
    public var titles: [String]
    public var selected: Int
    public var glyphs: GlyphSet

    public init(titles: [String], selected: Int, glyphs: GlyphSet) {
        self.titles = titles
        self.selected = selected
        self.glyphs = glyphs
    }

    /// The labels used for a given width.
    public func labels(width: Int) -> [String] {
        for limit in [Int.max, 4, 1] {
            let labels = titles.enumerated().map { i, t in i == selected ? t : String(t.prefix(limit)) }
            let total = labels.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + max(0, labels.count - 1)
            if total <= width { return labels }
        }
        return titles.enumerated().map { i, t in i == selected ? t : String(t.prefix(1)) }
    }

    /// The tab drawn at `column` (0 is the bar's first cell) of a bar `width` wide, if any.
    public func index(atColumn column: Int, width: Int) -> Int? {
        var x = 0
        for (i, label) in labels(width: width).enumerated() {
            if i > 0 { x += DisplayWidth.of(glyphs.tabSeparator) }
            let end = x + DisplayWidth.of(label) + 2
            if column >= x && column < end { return i }
            x = end
        }
        return nil
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (i, label) in labels(width: area.width).enumerated() {
            if i > 0 {
                x += buffer.put(glyphs.tabSeparator, x: x, y: area.y, style: .role(.border), maxWidth: area.right - x)
            }
            let style = i == selected ? CellStyle(fg: .accent, bg: .selection, bold: true) : CellStyle(fg: .muted)
            x += buffer.put(" \(label) ", x: x, y: area.y, style: style, maxWidth: area.right - x)
        }
    }
}
