/// A box drawn over the screen: centred, cleared, bordered and titled. Overlays (help, details,
/// prompts) draw their content inside `inner`.
public struct Overlay: Sendable {
    public var title: String
    public var width: Int
    public var height: Int
    public var glyphs: GlyphSet

    public init(title: String, width: Int, height: Int, glyphs: GlyphSet) {
        self.title = title
        self.width = width
        self.height = height
        self.glyphs = glyphs
    }

    /// The box within `area`: the requested size, shrunk to fit, centred.
    public func frame(in area: Rect) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// Clears and frames the box; returns the inner area for content.
    @discardableResult
    public func render(area: Rect, buffer: inout Buffer) -> Rect {
        let box = frame(in: area)
        buffer.clear(box, with: Cell(" "))
        let block = Block(title: title, focused: true, glyphs: glyphs)
        block.render(area: box, buffer: &buffer)
        return Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    }
}
