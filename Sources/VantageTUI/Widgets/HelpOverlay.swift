/// Help generated from the active keymap: every bound action, grouped by where it works, with its
/// keys and its summary, in one column on a narrow screen and two or three side by side on a wide
/// one. Scrolls when the screen is short.
public struct HelpOverlay: Sendable {
    public var keymap: Keymap
    public var scroll: Int
    public var glyphs: GlyphSet

    public init(keymap: Keymap, scroll: Int = 0, glyphs: GlyphSet) {
        self.keymap = keymap
        self.scroll = scroll
        self.glyphs = glyphs
    }

    /// The narrowest a column gets beside another.
    static let columnWidth = 46
    /// Blank columns between two columns.
    static let gap = 2

    /// The most columns help may take in an area `width` wide (it takes the count that needs the
    /// fewest rows, up to this).
    public static func columnCount(width: Int) -> Int {
        max(1, min(3, (width - 4 + gap) / (columnWidth + gap)))
    }

    /// Each section's lines (heading, then keys and summary): every bound action grouped by where
    /// it works (`Keymap.helpSections()`). Given a `width`, a summary that does not fit wraps onto
    /// lines indented under the summary column, so a side pane or a column shows it whole.
    func sections(width: Int?) -> [[StyledLine]] {
        let sections = keymap.helpSections()
        let keyWidth = sections.flatMap { $0.entries.map { DisplayWidth.of($0.keys) } }.max() ?? 0
        let summaryWidth = width.map { max(12, $0 - keyWidth - 4) }
        return sections.map { section in
            var out = [StyledLine([.init(section.heading, CellStyle(fg: .accent, bold: true))])]
            for entry in section.entries {
                let parts = summaryWidth.map { Formatting.wordWrap(entry.summary, width: $0) } ?? [entry.summary]
                for (i, part) in parts.enumerated() {
                    let keys = i == 0 ? Formatting.pad(entry.keys, to: keyWidth, ellipsis: glyphs.ellipsis)
                                      : String(repeating: " ", count: keyWidth)
                    out.append(StyledLine([.init("  " + keys + "  ", CellStyle(fg: .text, bold: true)),
                                           .init(part, .role(.muted))]))
                }
            }
            return out
        }
    }

    /// The help text in one column, sections apart by a blank line.
    public func lines(width: Int? = nil) -> [StyledLine] { Self.joined(sections(width: width)) }

    static func joined(_ sections: [[StyledLine]]) -> [StyledLine] {
        sections.enumerated().flatMap { i, s in (i == 0 ? [] : [StyledLine([])]) + s }
    }

    /// Help laid out for an area: its columns of lines, each `columnWidth` wide, and the box's width.
    struct Layout {
        var columns: [[StyledLine]]
        var columnWidth: Int
        var boxWidth: Int
        var rows: Int { columns.map(\.count).max() ?? 0 }
    }

    func layout(in area: Rect) -> Layout {
        let natural = lines()
        let naturalWidth = (natural.map { $0.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0) + 4
        // The box's inner width is the area's less 4 (border and padding): wrap to that when narrower.
        var best = naturalWidth > area.width
            ? Layout(columns: [lines(width: area.width - 4)], columnWidth: area.width - 4, boxWidth: area.width)
            : Layout(columns: [natural], columnWidth: naturalWidth - 4, boxWidth: max(naturalWidth, 30))
        let most = Self.columnCount(width: area.width)
        guard most > 1 else { return best }
        // Two or three columns: whichever needs the fewest rows (narrower columns wrap more).
        for count in 2...most {
            let width = (area.width - 4 - Self.gap * (count - 1)) / count
            let columns = Self.balanced(sections(width: width), into: count)
            let candidate = Layout(columns: columns, columnWidth: width, boxWidth: area.width)
            if candidate.rows < best.rows { best = candidate }
        }
        return best
    }

    /// Sections, kept whole and in order, split into at most `count` columns as evenly as they go:
    /// the lowest height at which they fit in `count` columns.
    static func balanced(_ sections: [[StyledLine]], into count: Int) -> [[StyledLine]] {
        func pack(_ height: Int) -> [[[StyledLine]]] {
            var columns: [[[StyledLine]]] = [[]]
            for section in sections {
                let used = joined(columns[columns.count - 1]).count
                if !columns[columns.count - 1].isEmpty, used + 1 + section.count > height { columns.append([]) }
                columns[columns.count - 1].append(section)
            }
            return columns
        }
        let total = joined(sections).count
        var height = max(sections.map(\.count).max() ?? 0, (total + count - 1) / count)
        while pack(height).count > count { height += 1 }
        return pack(height).map(joined)
    }

    /// The box for an area (the help's height plus its border, at most the area).
    func overlay(_ layout: Layout) -> Overlay {
        Overlay(title: "Help: keys (\(keymap.name))", width: layout.boxWidth, height: layout.rows + 2, glyphs: glyphs)
    }

    /// How far help scrolls in `area`: the rows that do not fit.
    public func maxScroll(in area: Rect) -> Int {
        let layout = layout(in: area)
        let inner = overlay(layout).frame(in: area).height - 2
        return max(0, layout.rows - inner)
    }

    /// The rows help shows at once in `area`.
    public func visibleRows(in area: Rect) -> Int { max(1, overlay(layout(in: area)).frame(in: area).height - 2) }

    public func render(area: Rect, buffer: inout Buffer) {
        let layout = layout(in: area)
        let inner = overlay(layout).render(area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let start = max(0, min(scroll, layout.rows - inner.height))
        for (c, column) in layout.columns.enumerated() {
            let x = inner.x + c * (layout.columnWidth + Self.gap)
            for (row, line) in column.dropFirst(start).prefix(inner.height).enumerated() {
                line.draw(x: x, y: inner.y + row, width: min(layout.columnWidth, inner.right - x), buffer: &buffer)
            }
        }
        if start > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: inner.right, y: inner.y) }
        if start + inner.height < layout.rows {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: inner.right, y: inner.bottom - 1)
        }
    }
}
