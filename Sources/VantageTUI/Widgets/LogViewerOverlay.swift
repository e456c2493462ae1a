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

    public init(name: String, lines: [LogLine], viewer: LogViewer, timeZone: ClockZone, glyphs: GlyphSet) {
        self.name = name
        self.lines = lines
        self.viewer = viewer
        self.timeZone = timeZone
        self.glyphs = glyphs
    }

    /// "Logs: api (312 lines) · follow · wrap · /timeout match 2 of 3 · &db 40 of 312 lines".
    public var title: String {
        let dot = glyphs.isASCII ? " - " : " · "
        var parts = ["Logs: \(name) (\(lines.count) line\(lines.count == 1 ? "" : "s"))"]
        if viewer.follow { parts.append("follow") }
        if viewer.wrap { parts.append("wrap") }
        if !viewer.query.isEmpty {
            let matches = viewer.matches(in: lines)
            if let m = viewer.match, let i = matches.firstIndex(of: m) {
                parts.append("/\(viewer.query) match \(i + 1) of \(matches.count)")
            } else {
                parts.append("/\(viewer.query) \(matches.count) match\(matches.count == 1 ? "" : "es")")
            }
        }
        if !viewer.filter.isEmpty {
            parts.append("&\(viewer.filter) \(viewer.shown(lines).count) of \(lines.count) lines")
        }
        return parts.joined(separator: dot)
    }

    /// One character of the text with its style.
    struct Glyph { var char: Character; var style: CellStyle }

    /// The text of a line as styled characters: the severity's style, matches reversed.
    func glyphs(of line: LogLine) -> [Glyph] {
        let severity: CellStyle = switch LogSeverity.of(line.text) {
        case .error: .role(.error)
        case .warning: .role(.warn)
        default: .role(.text)
        }
        let base: CellStyle = LogViewer.isVantageNote(line) ? .role(.muted) : severity
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
        let room = LogViewer.room(innerWidth: inner.width, innerHeight: inner.height, lines: lines)
        let window = viewer.window(lines, room: room)
        guard !window.shown.isEmpty else {
            let text = lines.isEmpty ? "No output from \(name) yet." : "No line contains \"\(viewer.filter)\" (& then Enter shows every line)."
            buffer.put(text, x: inner.x, y: inner.y, style: .role(.muted), maxWidth: inner.width)
            return
        }
        let processWidth = LogViewer.processWidth(lines)
        let rowsOf = window.shown[window.first...window.last].map { rows(of: glyphs(of: lines[$0]), width: room.width) }
        // From the bottom, the first line may show only its end; from the top, the last only its start.
        let total = rowsOf.reduce(0) { $0 + $1.count }
        var y = window.fromBottom ? inner.bottom - total : inner.y
        for (k, rows) in rowsOf.enumerated() {
            let line = lines[window.shown[window.first + k]]
            for (r, row) in rows.enumerated() {
                defer { y += 1 }
                guard y >= inner.y, y < inner.bottom else { continue }
                if r == 0 { drawGutter(line, processWidth: processWidth, y: y, inner: inner, buffer: &buffer) }
                var x = inner.x + min(LogViewer.gutter + processWidth, inner.width)
                for g in row where x < inner.right {
                    x += buffer.put(String(g.char), x: x, y: y, style: g.style, maxWidth: inner.right - x)
                }
            }
        }
        let cutAtTop = window.fromBottom && total > inner.height
        if window.first > 0 || cutAtTop { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: inner.right - 1, y: inner.y) }
        if window.last < window.shown.count - 1 || (!window.fromBottom && total > inner.height) {
            buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: inner.right - 1, y: inner.bottom - 1)
        }
    }

    /// The time, the stream mark (`!` for the project's stderr, none for Vantage's own notes) and
    /// the process column (`web    | `) of a line's first row.
    func drawGutter(_ line: LogLine, processWidth: Int, y: Int, inner: Rect, buffer: inout Buffer) {
        buffer.put(Formatting.clock(line.time, in: timeZone), x: inner.x, y: y, style: .role(.muted), maxWidth: inner.width)
        if line.stream == .stderr, !LogViewer.isVantageNote(line) {
            buffer.put("!", x: inner.x + 9, y: y, style: CellStyle(fg: .warn, bold: true), maxWidth: max(0, inner.width - 9))
        }
        guard processWidth > 0, let process = line.process else { return }
        let x = inner.x + LogViewer.gutter
        let name = Formatting.pad(process, to: processWidth - 3, ellipsis: glyphs.ellipsis)
        buffer.put(name, x: x, y: y, style: CellStyle(fg: .accent, bold: true), maxWidth: max(0, inner.right - x))
        buffer.put(" | ", x: x + processWidth - 3, y: y, style: .role(.muted), maxWidth: max(0, inner.right - x - processWidth + 3))
    }
}
