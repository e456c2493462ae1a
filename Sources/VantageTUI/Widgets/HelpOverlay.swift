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

    public static func heading(_ scope: Action.Scope) -> String {
        switch scope {
        case .global: return "Everywhere"
        case .navigation: return "Moving around"
        case .projects: return "Projects"
        case .graph: return "Graph"
        }
    }

    /// The help text, one styled line each.
    public func lines() -> [StyledLine] {
        let keyWidth = Action.allCases.map { keymap.keys(for: $0).map(\.description).joined(separator: " ") }
            .map { DisplayWidth.of($0) }.max() ?? 0
        var out: [StyledLine] = []
        for scope in Action.Scope.allCases {
            let actions = Action.allCases.filter { $0.scope == scope && !keymap.keys(for: $0).isEmpty }
            guard !actions.isEmpty else { continue }
            if !out.isEmpty { out.append(StyledLine([])) }
            out.append(StyledLine([.init(Self.heading(scope), CellStyle(fg: .accent, bold: true))]))
            for a in actions {
                let keys = keymap.keys(for: a).map(\.description).joined(separator: " ")
                out.append(StyledLine([
                    .init("  " + Formatting.pad(keys, to: keyWidth, ellipsis: glyphs.ellipsis) + "  ", CellStyle(fg: .text, bold: true)),
                    .init(a.summary, .role(.muted)),
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
        if start > 0 { buffer.place(Cell(glyphs.upArrow, style: .role(.muted)), x: inner.right, y: inner.y) }
        if start + inner.height < text.count {
            buffer.place(Cell(glyphs.downArrow, style: .role(.muted)), x: inner.right, y: inner.bottom - 1)
        }
    }
}
