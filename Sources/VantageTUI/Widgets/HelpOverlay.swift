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
    /// (`Keymap.helpSections()`), keys then summary.
    public func lines() -> [StyledLine] {
        let sections = keymap.helpSections()
        let keyWidth = sections.flatMap { $0.entries.map { DisplayWidth.of($0.keys) } }.max() ?? 0
        var out: [StyledLine] = []
        for section in sections {
            if !out.isEmpty { out.append(StyledLine([])) }
            out.append(StyledLine([.init(section.scope.title, CellStyle(fg: .accent, bold: true))]))
            for entry in section.entries {
                out.append(StyledLine([
                    .init("  " + Formatting.pad(entry.keys, to: keyWidth, ellipsis: glyphs.ellipsis) + "  ",
                          CellStyle(fg: .text, bold: true)),
                    .init(entry.summary, .role(.muted)),
                ]))
            }
        }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let text = lines()
        let width = (text.map { $0.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0) + 4
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
