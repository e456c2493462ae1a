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
            buffer.place(Cell(g.borders.horizontal, style: border), x: x, y: top)
            buffer.place(Cell(g.borders.horizontal, style: border), x: x, y: bottom)
        }
        for y in (top + 1)..<bottom {
            buffer.place(Cell(g.borders.vertical, style: border), x: left, y: y)
            buffer.place(Cell(g.borders.vertical, style: border), x: right, y: y)
        }
        buffer.place(Cell(g.borders.topLeft, style: border), x: left, y: top)
        buffer.place(Cell(g.borders.topRight, style: border), x: right, y: top)
        buffer.place(Cell(g.borders.bottomLeft, style: border), x: left, y: bottom)
        buffer.place(Cell(g.borders.bottomRight, style: border), x: right, y: bottom)
        let room = area.width - 4
        guard room > 0, !title.isEmpty else { return }
        let text = Formatting.truncate(" " + title + " ", to: room, ellipsis: g.ellipsis)
        let style = focused ? CellStyle(fg: .accent, bold: true) : CellStyle(fg: .text, bold: true)
        buffer.put(text, x: left + 1, y: top, style: style, maxWidth: room)
    }
}
