/// A bordered box with a title. A focused block draws its border in the `accent` role.
/// `inner` is the area left for the content.
public struct Block: Sendable {
    public var title: String
    public var focused: Bool
    public var glyphs: GlyphSet

    public init(title: String, focused: Bool = false, glyphs: GlyphSet) {
        self.title = title
        self.focused = focused
        self.glyphs = glyphs
    }

    public func inner(_ area: Rect) -> Rect { area.inset(1) }

    public func render(area: Rect, buffer: inout Buffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let border = CellStyle(fg: focused ? .accent : .border, bold: focused)
        let g = glyphs
        let top = area.y, bottom = area.bottom - 1, left = area.x, right = area.right - 1
        for x in (left + 1)..<right {
            buffer[x, top] = Cell(g.horizontal, style: border)
            buffer[x, bottom] = Cell(g.horizontal, style: border)
        }
        for y in (top + 1)..<bottom {
            buffer[left, y] = Cell(g.vertical, style: border)
            buffer[right, y] = Cell(g.vertical, style: border)
        }
        buffer[left, top] = Cell(g.topLeft, style: border)
        buffer[right, top] = Cell(g.topRight, style: border)
        buffer[left, bottom] = Cell(g.bottomLeft, style: border)
        buffer[right, bottom] = Cell(g.bottomRight, style: border)
        let room = area.width - 4
        guard room > 0, !title.isEmpty else { return }
        let text = Formatting.truncate(" " + title + " ", to: room, ellipsis: g.ellipsis)
        let style = focused ? CellStyle(fg: .accent, bold: true) : CellStyle(fg: .text, bold: true)
        buffer.put(text, x: left + 1, y: top, style: style, maxWidth: room)
    }
}
