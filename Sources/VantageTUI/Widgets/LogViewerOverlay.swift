import Foundation
import VantageCore

/// One project's output over the whole body: `HH:MM:SS ! text`, newest at the bottom. `!` marks
/// stderr; errors are drawn in the `error` role, warnings in `warn`; search matches are reversed.
/// Long lines end in an ellipsis, or wrap onto indented rows when `viewer.wrap` is on.
public struct LogViewerOverlay: Sendable {
    public var name: String
    public var lines: [LogLine]
    public var viewer: LogViewer
    public var timeZone: ClockZone
    public var glyphs: GlyphSet

    /// Columns before the text: the time, a space, the stream mark and a space.
    static let gutter = 11

    public init(name: String, lines: [LogLine], viewer: LogViewer, timeZone: ClockZone, glyphs: GlyphSet) {
        self.name = name
        self.lines = lines
        self.viewer = viewer
        self.timeZone = timeZone
        self.glyphs = glyphs
    }

    /// "Logs: api (312 lines) · follow · wrap · /timeout 3 matches".
    public var title: String {
        let dot = glyphs.isASCII ? " - " : " · "
        var parts = ["Logs: \(name) (\(lines.count) line\(lines.count == 1 ? "" : "s"))"]
        if viewer.follow { parts.append("follow") }
        if viewer.wrap { parts.append("wrap") }
        if !viewer.query.isEmpty {
            let n = viewer.matches(in: lines).count
            parts.append("/\(viewer.query) \(n) match\(n == 1 ? "" : "es")")
        }
        return parts.joined(separator: dot)
    }

    /// One character of the text with its style.
    struct Glyph { var char: Character; var style: CellStyle }

    /// The text of a line as styled characters: the severity's style, matches reversed.
    func glyphs(of line: LogLine) -> [Glyph] {
        let base: CellStyle = switch LogSeverity.of(line.text) {
        case .error: .role(.error)
        case .warning: .role(.warn)
        default: .role(.text)
        }
        let text = LogViewer.displayText(line.text)
        var out = text.map { Glyph(char: $0, style: base) }
        guard !viewer.query.isEmpty else { return out }
        // Compare character by character, so the offsets are the ones drawn.
        let hay = text.map { String($0).lowercased() }, needle = viewer.query.map { String($0).lowercased() }
        var i = 0
        while i + needle.count <= hay.count {
            if Array(hay[i..<(i + needle.count)]) == needle {
                for j in i..<(i + needle.count) {
                    out[j].style = CellStyle(fg: .accent, bold: true, reverse: true)
                }
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// The rows a line takes at `width` columns of text: one (cut with an ellipsis) or, wrapping, as many as needed.
    func rows(of text: [Glyph], width: Int) -> [[Glyph]] {
        let width = max(1, width)
        let total = text.reduce(0) { $0 + DisplayWidth.of($1.char) }
        if total <= width { return [text] }
        if !viewer.wrap {
            let room = width - DisplayWidth.of(glyphs.ellipsis)
            var row: [Glyph] = [], used = 0
            for g in text {
                let w = DisplayWidth.of(g.char)
                if used + w > room { break }
                row.append(g)
                used += w
            }
            return [row + glyphs.ellipsis.map { Glyph(char: $0, style: .role(.muted)) }]
        }
        var out: [[Glyph]] = [], row: [Glyph] = [], used = 0
        for g in text {
            let w = DisplayWidth.of(g.char)
            if used + w > width, !row.isEmpty {
                out.append(row)
                row = []
                used = 0
            }
            row.append(g)
            used += w
        }
        if !row.isEmpty { out.append(row) }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard area.width >= 4, area.height >= 3 else { return }
        buffer.clear(area, with: Cell(" "))
        let block = Block(title: title, focused: true, glyphs: glyphs)
        block.render(area: area, buffer: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        guard !lines.isEmpty else {
            buffer.put("No output from \(name) yet.", x: inner.x, y: inner.y, style: .role(.muted), maxWidth: inner.width)
            return
        }
        let textWidth = max(1, inner.width - Self.gutter)
        let bottom = viewer.bottomLine(count: lines.count)
        // Walk up from the bottom line until the area is full; the topmost line may show only its end.
        var y = inner.bottom
        var index = bottom
        while index >= 0, y > inner.y {
            let line = lines[index]
            let rows = rows(of: glyphs(of: line), width: textWidth)
            for (r, row) in rows.enumerated().reversed() {
                y -= 1
                if y < inner.y { break }
                if r == 0 {
                    buffer.put(Formatting.clock(line.time, in: timeZone), x: inner.x, y: y, style: .role(.muted), maxWidth: inner.width)
                    if line.stream == .stderr {
                        buffer.put("!", x: inner.x + 9, y: y, style: CellStyle(fg: .warn, bold: true), maxWidth: max(0, inner.width - 9))
                    }
                }
                var x = inner.x + min(Self.gutter, inner.width)
                for g in row where x < inner.right {
                    x += buffer.put(String(g.char), x: x, y: y, style: g.style, maxWidth: inner.right - x)
                }
            }
            index -= 1
        }
        if index >= 0 || y < inner.y { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: inner.right - 1, y: inner.y) }
        if bottom < lines.count - 1 {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: inner.right - 1, y: inner.bottom - 1)
        }
    }
}
