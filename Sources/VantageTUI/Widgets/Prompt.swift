/// A one-line text input: a label, the text typed so far and a cursor mark.
public struct Prompt: Sendable {
    public var label: String
    public var text: String

    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: CellStyle(bg: .selection)))
        var x = area.x
        x += buffer.put(label + " ", x: x, y: area.y, style: CellStyle(fg: .accent, bg: .selection, bold: true), maxWidth: area.width)
        // Keep the end of a long input visible.
        let room = area.right - x - 1
        let shown = room > 0 ? String(text.suffix(room)) : ""
        x += buffer.put(shown, x: x, y: area.y, style: CellStyle(fg: .text, bg: .selection), maxWidth: max(0, room))
        buffer.put("_", x: x, y: area.y, style: CellStyle(fg: .accent, bg: .selection, bold: true), maxWidth: area.right - x)
    }
}
