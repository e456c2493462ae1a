/// A one-line text input: a label, the text typed so far and a cursor mark.
public struct Prompt: Sendable {
    public var label: String
    public var text: String
    /// Ends a label cut to fit.
    public var ellipsis: String

    public init(label: String, text: String, ellipsis: String = "~") {
        self.label = label
        self.text = text
        self.ellipsis = ellipsis
    }

    /// Columns kept for the text typed (half the row on narrow screens).
    static let textRoom = 20

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: CellStyle(bg: .selection)))
        var x = area.x
        // A long label is cut so the text typed always has room.
        let labelRoom = max(0, area.width - min(Self.textRoom, area.width / 2))
        let shownLabel = DisplayWidth.of(label) < labelRoom ? label : Formatting.truncate(label, to: labelRoom - 1, ellipsis: ellipsis)
        x += buffer.put(shownLabel + " ", x: x, y: area.y, style: CellStyle(fg: .accent, bg: .selection, bold: true), maxWidth: labelRoom)
        // Keep the end of a long input visible.
        let room = area.right - x - 1
        let shown = room > 0 ? String(text.suffix(room)) : ""
        x += buffer.put(shown, x: x, y: area.y, style: CellStyle(fg: .text, bg: .selection), maxWidth: max(0, room))
        buffer.put("_", x: x, y: area.y, style: CellStyle(fg: .accent, bg: .selection, bold: true), maxWidth: area.right - x)
    }
}
