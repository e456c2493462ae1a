/// Help generated from the active keymap: every bound action, grouped by scope, with its keys and
/// its summary. Scrolls when the screen is short.
public struct HelpOverlay: Sendable {
    public var keymap: Keymap
    public var scroll: Int
    public var glyphs: GlyphSet

    public init(keymap: Keymap, scroll: Int = 0, glyphs: GlyphSet) {
        self.keymap = keymap
        self.scroll = scroll
        self.glyphs = glyphs
    }

    /// The help text, one styled line each: every bound action grouped by scope
    /// (`Keymap.helpSections()`), keys then summary. Given a `width`, a summary that does not fit
    /// wraps onto lines indented under the summary column, so a side pane shows it whole.
    public func lines(width: Int? = nil) -> [StyledLine] {
        let sections = keymap.helpSections()
        let keyWidth = sections.flatMap { $0.entries.map { DisplayWidth.of($0.keys) } }.max() ?? 0
        let summaryWidth = width.map { max(12, $0 - keyWidth - 4) }
        var out: [StyledLine] = []
        for section in sections {
            if !out.isEmpty { out.append(StyledLine([])) }
            out.append(StyledLine([.init(section.heading, CellStyle(fg: .accent, bold: true))]))
            for entry in section.entries {
                let parts = summaryWidth.map { Formatting.wordWrap(entry.summary, width: $0) } ?? [entry.summary]
                for (i, part) in parts.enumerated() {
                    let keys = i == 0 ? Formatting.pad(entry.keys, to: keyWidth, ellipsis: glyphs.ellipsis)
                                      : String(repeating: " ", count: keyWidth)
                    out.append(StyledLine([.init("  " + keys + "  ", CellStyle(fg: .text, bold: true)),
                                           .init(part, .role(.muted))]))
                }
            }
        }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let natural = lines()
        let naturalWidth = (natural.map { $0.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0) + 4
        // The box's inner width is the area's less 4 (border and padding): wrap to that when narrower.
        let wraps = naturalWidth > area.width
        let text = wraps ? lines(width: area.width - 4) : natural
        let width = wraps ? area.width : naturalWidth
        let overlay = Overlay(title: "Help: keys (\(keymap.name))", width: max(width, 30), height: text.count + 2, glyphs: glyphs)
        let inner = overlay.render(area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let start = max(0, min(scroll, text.count - inner.height))
        for (row, line) in text.dropFirst(start).prefix(inner.height).enumerated() {
            line.draw(x: inner.x, y: inner.y + row, width: inner.width, buffer: &buffer)
        }
        if start > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: inner.right, y: inner.y) }
        if start + inner.height < text.count {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: inner.right, y: inner.bottom - 1)
        }
    }
}
