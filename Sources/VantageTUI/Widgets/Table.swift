/// A grid with a header row, columns that shrink and then drop on narrow widths (least important
/// first), and one selected row drawn on the `selection` role. The view scrolls itself so the
/// selected row stays visible.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var header: String
        /// Header used when the column is shrunk to `minWidth`.
        public var shortHeader: String
        public var width: Int
        public var minWidth: Int
        public var alignRight: Bool
        /// 0: never dropped; otherwise higher numbers are dropped first.
        public var dropOrder: Int
        public init(header: String, shortHeader: String? = nil, width: Int, minWidth: Int? = nil,
                    alignRight: Bool = false, dropOrder: Int = 0) {
            self.header = header
            self.shortHeader = shortHeader ?? header
            self.width = width
            self.minWidth = min(width, minWidth ?? width)
            self.alignRight = alignRight
            self.dropOrder = dropOrder
        }
    }

    public enum Content: Sendable {
        case text(String, CellStyle)
        /// A meter followed by its value (right-aligned in `labelWidth` columns); when the column
        /// is too narrow for both, only the value is shown.
        case meter(fraction: Double, role: StyleRole, label: String, labelWidth: Int)
        /// Text that runs on over the following columns to the end of the row (a group heading's
        /// status, for example); the row's later cells are not drawn.
        case span(String, CellStyle)
    }

    public var columns: [Column]
    public var rows: [[Content]]
    public var selected: Int?
    public var glyphs: GlyphSet
    /// Text shown under the header when there are no rows.
    public var emptyText: String

    public init(columns: [Column], rows: [[Content]], selected: Int? = nil, glyphs: GlyphSet, emptyText: String = "") {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.glyphs = glyphs
        self.emptyText = emptyText
    }

    /// The width every column takes at its full width, with the gutter and separators.
    public var naturalWidth: Int { 1 + columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1) }

    /// Which columns are shown and how wide, for a total width (columns are separated by one space
    /// and preceded by a one-cell selection gutter).
    public func layout(width: Int) -> [(index: Int, width: Int)] {
        var shown = columns.indices.map { (index: $0, width: columns[$0].width) }
        func total() -> Int { 1 + shown.reduce(0) { $0 + $1.width } + max(0, shown.count - 1) }
        // First shrink droppable columns to their minimum, least important first, then drop them.
        let byDrop = columns.indices.filter { columns[$0].dropOrder > 0 }.sorted { columns[$0].dropOrder > columns[$1].dropOrder }
        for i in byDrop where total() > width {
            if let k = shown.firstIndex(where: { $0.index == i }) { shown[k].width = columns[i].minWidth }
        }
        for i in byDrop where total() > width {
            shown.removeAll { $0.index == i }
        }
        // Never-dropped columns shrink last (the first one, usually the name, absorbs it).
        while total() > width, let k = shown.firstIndex(where: { $0.width > columns[$0.index].minWidth }) {
            shown[k].width -= 1
        }
        // Spare room goes to the last column.
        if total() < width, !shown.isEmpty { shown[shown.count - 1].width += width - total() }
        return shown
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area, with: .blank)
        let shown = layout(width: area.width)
        var x = area.x + 1
        for col in shown {
            let c = columns[col.index]
            let title = col.width < c.width ? c.shortHeader : c.header
            buffer.put(Formatting.pad(title, to: col.width, ellipsis: glyphs.ellipsis, alignRight: c.alignRight),
                       x: x, y: area.y, style: CellStyle(fg: .muted, bold: true), maxWidth: min(col.width, area.right - x))
            x += col.width + 1
        }
        let visible = area.height - 1
        guard visible > 0 else { return }
        if rows.isEmpty {
            buffer.put(Formatting.truncate(emptyText, to: area.width - 1, ellipsis: glyphs.ellipsis),
                       x: area.x + 1, y: area.y + 1, style: .role(.muted), maxWidth: area.width - 1)
            return
        }
        let sel = selected.map { min(max(0, $0), rows.count - 1) }
        let offset = max(0, (sel ?? 0) - visible + 1)
        for (line, r) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let y = area.y + 1 + line
            var cx = area.x + 1
            for col in shown {
                let w = min(col.width, area.right - cx)
                if w <= 0 { break }
                if col.index < rows[r].count {
                    if case let .span(text, style) = rows[r][col.index] {
                        let rest = area.right - cx - 1
                        buffer.put(Formatting.truncate(text, to: max(0, rest), ellipsis: glyphs.ellipsis),
                                   x: cx, y: y, style: style, maxWidth: max(0, rest))
                        break
                    }
                    draw(rows[r][col.index], column: columns[col.index], in: Rect(x: cx, y: y, width: w, height: 1),
                         buffer: &buffer)
                }
                cx += col.width + 1
            }
            if r == sel {
                buffer.place(Cell(glyphs.selectionMarker, style: CellStyle(fg: .accent, bold: true)), x: area.x, y: y)
                for sx in area.x..<area.right {
                    var cell = buffer[sx, y]
                    cell.style.bg = .selection
                    buffer[sx, y] = cell
                }
            }
        }
        if offset > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: area.right - 1, y: area.y) }
        if offset + visible < rows.count {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: area.right - 1, y: area.bottom - 1)
        }
    }

    private func draw(_ content: Content, column: Column, in r: Rect, buffer: inout Buffer) {
        switch content {
        case let .span(text, style):
            buffer.put(Formatting.truncate(text, to: r.width, ellipsis: glyphs.ellipsis), x: r.x, y: r.y, style: style, maxWidth: r.width)
        case let .text(text, style):
            buffer.put(Formatting.pad(text, to: r.width, ellipsis: glyphs.ellipsis, alignRight: column.alignRight),
                       x: r.x, y: r.y, style: style, maxWidth: r.width)
        case let .meter(fraction, role, label, labelWidth):
            let meterWidth = r.width - labelWidth - 1
            if meterWidth >= 2 {
                Meter(fraction: fraction, role: role, glyphs: glyphs)
                    .render(area: Rect(x: r.x, y: r.y, width: meterWidth, height: 1), buffer: &buffer)
                buffer.put(Formatting.pad(label, to: labelWidth, ellipsis: glyphs.ellipsis, alignRight: true),
                           x: r.x + meterWidth + 1, y: r.y, style: .role(.text), maxWidth: labelWidth)
            } else {
                buffer.put(Formatting.pad(label, to: r.width, ellipsis: glyphs.ellipsis, alignRight: true),
                           x: r.x, y: r.y, style: .role(.text), maxWidth: r.width)
            }
        }
    }
}
