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

    public init(entries: [Entry], timeZone: ClockZone, scroll: Int = 0, glyphs: GlyphSet,
                emptyText: String = "No warnings or errors.", selected: Int? = nil) {
        self.selected = selected
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

    /// The entry's line, and its suggestion's line when it has one.
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

    public func render(area: Rect, buffer: inout Buffer) {
        if entries.isEmpty {
            buffer.put(emptyText, x: area.x, y: area.y, style: .role(.ok), maxWidth: area.width)
            return
        }
        var all: [StyledLine] = []
        var lineScroll = scroll
        var selectedLine: Int?
        for (i, e) in entries.enumerated() {
            if i == selected { selectedLine = all.count }
            all += lines(e)
        }
        if let selectedLine, let sel = selected {
            all[selectedLine] = all[selectedLine].highlighted
            // Keep the selected entry and its suggestion line in view.
            lineScroll = all.count - selectedLine - lines(entries[sel]).count
        }
        BottomAnchoredList(lines: all, scroll: lineScroll, glyphs: glyphs).render(area: area, buffer: &buffer)
    }
}
