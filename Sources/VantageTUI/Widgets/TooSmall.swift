/// The one clear line shown when the terminal cannot hold the dashboard.
public struct TooSmall: Sendable {
    public var size: Size
    public var minimum: Size

    public init(size: Size, minimum: Size) {
        self.size = size
        self.minimum = minimum
    }

    public var message: String {
        "Terminal too small: \(size.width)x\(size.height), need \(minimum.width)x\(minimum.height)"
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        // Shortened forms keep the words "too small" visible on very narrow terminals.
        let text = [message, "Too small \(size.width)x\(size.height)", "Too small", "small"]
            .first { DisplayWidth.of($0) <= area.width } ?? ""
        buffer.put(text, x: area.x, y: area.y + (area.height - 1) / 2, style: CellStyle(fg: .warn, bold: true),
                   maxWidth: area.width)
    }
}
