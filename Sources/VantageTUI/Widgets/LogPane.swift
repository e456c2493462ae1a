import Foundation
import VantageCore

/// Warnings and errors, oldest at the top and newest at the bottom:
/// `HH:MM:SS ERR source: message`, errors in the `error` role and warnings in `warn`; a problem
/// the knowledge base recognises has its top suggestion on the next line (`  → title: fix (82 %)`).
public struct LogPane: Sendable {
    public struct Entry: Sendable, Equatable {
        public var time: Date
        public var severity: Diagnostic.Severity
        public var source: String
        public var text: String
        /// How many times the same message arrived (shown as "x3"); `time` is the latest.
        public var count: Int
        /// The knowledge base's most confident suggestion for this problem, drawn on the line below it.
        public var suggestion: TroubleshootingAdvice?
        /// The project the problem is about, when known (a fix needs it).
        public var project: ProjectID?
        public init(time: Date, severity: Diagnostic.Severity, source: String, text: String, count: Int = 1,
                    suggestion: TroubleshootingAdvice? = nil, project: ProjectID? = nil) {
            self.suggestion = suggestion
            self.project = project
            self.time = time
            self.severity = severity
            self.source = source
            self.text = text
            self.count = count
        }
    }

    public var entries: [Entry]
    public var timeZone: ClockZone
    public var scroll: Int
    public var glyphs: GlyphSet
    public var emptyText: String
    /// The selected entry (an index into `entries`), drawn on the selection colour; when set, the
    /// list scrolls so it is in view and `scroll` is not used.
    public var selected: Int?
    /// Entries wrap at spaces (up to `maxWrappedRows` rows each) instead of being cut at the
    /// pane's edge: the zoomed Troubleshooting pane.
    public var wrap: Bool

    /// Rows a wrapped entry (and its suggestion) takes at most; Enter opens it whole.
    public static let maxWrappedRows = 6

    public init(entries: [Entry], timeZone: ClockZone, scroll: Int = 0, glyphs: GlyphSet,
                emptyText: String = "No warnings or errors.", selected: Int? = nil, wrap: Bool = false) {
        self.selected = selected
        self.wrap = wrap
        self.entries = entries
        self.timeZone = timeZone
        self.scroll = scroll
        self.glyphs = glyphs
        self.emptyText = emptyText
    }

    func line(_ e: Entry) -> StyledLine {
        let (tag, role): (String, StyleRole) = switch e.severity {
        case .error: ("ERR", .error)
        case .warning: ("WRN", .warn)
        case .info: ("INF", .muted)
        }
        var spans: [StyledLine.Span] = [
            .init(Formatting.clock(e.time, in: timeZone) + " ", .role(.muted)),
            .init(tag + " ", CellStyle(fg: role, bold: e.severity == .error)),
        ]
        if e.count > 1 { spans.append(.init("x\(e.count) ", CellStyle(fg: role, bold: true))) }
        spans += [.init(e.source + ": ", CellStyle(fg: .text, bold: true)),
                  .init(e.text, e.severity == .error ? .role(.error) : .plain)]
        return StyledLine(spans)
    }

    /// The entry's line, and its suggestion's line when it has one (with the learned fix's
    /// confidence history as a sparkline when outcomes were recorded).
    func lines(_ e: Entry) -> [StyledLine] {
        guard let advice = e.suggestion else { return [line(e)] }
        var spans = [StyledLine.Span(AdviceLines.summary(advice, arrow: glyphs.isASCII ? "->" : "→"), .role(.ok))]
        if !advice.history.isEmpty {
            spans.append(.init(" " + AdviceLines.sparkline(advice.history, levels: glyphs.sparkLevels), .role(.accent)))
        }
        return [line(e), StyledLine(spans)]
    }

    /// The entry's rows at `width` columns: its lines, each wrapped when `wrap` is on; the entry's
    /// own line (not its suggestion) on the selection colour when `selected`.
    func rows(_ e: Entry, width: Int, selected: Bool) -> [StyledLine] {
        lines(e).enumerated().flatMap { j, line in
            let rows = wrap ? line.wrapped(width: width, indent: 9, maxRows: Self.maxWrappedRows, ellipsis: glyphs.ellipsis) : [line]
            return selected && j == 0 ? rows.map(\.highlighted) : rows
        }
    }

    public func render(area: Rect, buffer: inout Buffer) {
        if entries.isEmpty {
            buffer.put(emptyText, x: area.x, y: area.y, style: .role(.ok), maxWidth: area.width)
            return
        }
        // The selected entry (with its suggestion) is kept in view; without one, `scroll` entries up from the newest.
        let bottom = selected.map { max(0, min($0, entries.count - 1)) } ?? entries.count - 1 - max(0, min(scroll, entries.count - 1))
        let window = max(0, bottom - area.height)...min(entries.count - 1, bottom + area.height)
        let blocks = window.map { i in rows(entries[i], width: area.width, selected: i == selected) }
        BottomAnchoredBlocks(blocks: blocks, bottom: bottom - window.lowerBound, glyphs: glyphs).render(area: area, buffer: &buffer)
        if window.lowerBound > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: area.right - 1, y: area.y) }
    }
}
