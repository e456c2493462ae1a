/// "Terminal 19×6 is too small: Vantage needs 20×6", centred and wrapped onto as many rows as the
/// terminal has, so the size it needs is readable even on a tiny one.
public struct TooSmall: Sendable {
    public var size: Size
    public var minimum: Size
    /// `×` on a UTF-8 terminal, `x` in ASCII.
    public var times: String

    public init(size: Size, minimum: Size, glyphs: GlyphSet = .ascii) {
        self.size = size
        self.minimum = minimum
        self.times = glyphs.isASCII ? "x" : "×"
    }

    public var message: String {
        "Terminal \(size.width)\(times)\(size.height) is too small: Vantage needs \(minimum.width)\(times)\(minimum.height)"
    }

    /// The message in rows of at most `width` columns, at most `height` rows; shorter forms when
    /// it does not fit ("needs 20×6", then "too small").
    func rows(width: Int, height: Int) -> [String] {
        let forms = [message, "Too small: needs \(minimum.width)\(times)\(minimum.height)", "needs \(minimum.width)\(times)\(minimum.height)",
                     "Too small", "small"]
        for form in forms {
            let rows = Formatting.wordWrap(form, width: width)
            if rows.count <= height, rows.allSatisfy({ DisplayWidth.of($0) <= width }), rows.joined(separator: " ") == form {
                return rows
            }
        }
        return []
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let rows = rows(width: area.width, height: area.height)
        let top = area.y + (area.height - rows.count) / 2
        for (i, row) in rows.enumerated() {
            buffer.put(row, x: area.x + (area.width - DisplayWidth.of(row)) / 2, y: top + i, style: CellStyle(fg: .warn, bold: true),
                       maxWidth: area.width)
        }
    }
}
