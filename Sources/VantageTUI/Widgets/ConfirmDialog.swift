/// A yes/no question in a small centred box: "Stop api? y/n".
public struct ConfirmDialog: Sendable {
    public var question: String
    /// The answer keys as the keymap has them, "y/n".
    public var answers: String
    public var glyphs: GlyphSet

    public init(question: String, answers: String = "y/n", glyphs: GlyphSet) {
        self.question = question
        self.answers = answers
        self.glyphs = glyphs
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let text = question + " " + answers
        let overlay = Overlay(title: "Confirm", width: DisplayWidth.of(text) + 4, height: 3, glyphs: glyphs)
        let inner = overlay.render(area: area, buffer: &buffer)
        buffer.put(text, x: inner.x, y: inner.y, style: CellStyle(fg: .warn, bold: true), maxWidth: inner.width)
    }
}
