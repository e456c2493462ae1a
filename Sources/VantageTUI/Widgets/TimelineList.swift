import Foundation
import VantageCore

/// Timeline entries, oldest at the top and newest at the bottom: `HH:MM:SS kind project text`.
/// `scroll` counts lines up from the newest.
public struct TimelineList: Sendable {
    public var entries: [TimelineEntry]
    public var projectNames: [ProjectID: String]
    public var timeZone: ClockZone
    public var scroll: Int
    public var glyphs: GlyphSet
    /// The selected entry (an index into `entries`, what Enter opens), drawn on the selection colour.
    public var selected: Int?

    public init(entries: [TimelineEntry], projectNames: [ProjectID: String] = [:], timeZone: ClockZone,
                scroll: Int = 0, glyphs: GlyphSet, selected: Int? = nil) {
        self.selected = selected
        self.entries = entries
        self.projectNames = projectNames
        self.timeZone = timeZone
        self.scroll = scroll
        self.glyphs = glyphs
    }

    public static func role(for kind: TimelineEntry.Kind) -> StyleRole {
        switch kind {
        case .error, .alert: return .error
        case .fix: return .ok
        case .decision, .analysis, .schedule: return .accent
        case .state: return .warn
        case .scan, .detection: return .muted
        }
    }

    /// Kind names for narrow panes.
    public static func shortName(_ kind: TimelineEntry.Kind) -> String {
        switch kind {
        case .scan: return "scan"
        case .detection: return "found"
        case .state: return "state"
        case .decision: return "chose"
        case .fix: return "fix"
        case .analysis: return "check"
        case .schedule: return "sched"
        case .alert: return "alert"
        case .error: return "error"
        }
    }

    /// Below this width the kind column uses the short names.
    public static let narrowWidth = 60

    func line(_ e: TimelineEntry, narrow: Bool) -> StyledLine {
        let kind = narrow ? Self.shortName(e.kind) : e.kind.rawValue
        var spans = [StyledLine.Span(Formatting.clock(e.time, in: timeZone) + " ", .role(.muted)),
                     StyledLine.Span(Formatting.pad(kind, to: narrow ? 5 : 9, ellipsis: glyphs.ellipsis) + " ",
                                     .role(Self.role(for: e.kind)))]
        var text = e.text
        if let p = e.project {
            let name = projectNames[p] ?? String(p.rawValue.split(separator: "/").last ?? "")
            spans.append(.init(name + " ", CellStyle(fg: .text, bold: true)))
            // Decisions, state changes and exits are written "api: …" or "api exited …" for places
            // without a name column; here the column says it.
            if text.hasPrefix(name + ": ") { text = String(text.dropFirst(name.count + 2)) }
            else if text.hasPrefix(name + " ") { text = String(text.dropFirst(name.count + 1)) }
        }
        spans.append(.init(text, e.kind == .error ? .role(.error) : .plain))
        return StyledLine(spans)
    }

    /// Rows an entry takes at most; a longer one ends in an ellipsis (Enter opens it whole).
    public static let maxRows = 3

    /// An entry's rows at `width` columns: wrapped at spaces, the rows after the first indented
    /// under the kind column (past the time).
    func rows(_ e: TimelineEntry, narrow: Bool, width: Int) -> [StyledLine] {
        line(e, narrow: narrow).wrapped(width: width, indent: 9, maxRows: Self.maxRows, ellipsis: glyphs.ellipsis)
    }

    public func render(area: Rect, buffer: inout Buffer) {
        if entries.isEmpty {
            buffer.put("Nothing has happened yet.", x: area.x, y: area.y, style: .role(.muted), maxWidth: area.width)
            return
        }
        let narrow = area.width < Self.narrowWidth
        // Only the entries that can show are wrapped: at most one per row above and below the anchor.
        let bottom = entries.count - 1 - max(0, min(scroll, entries.count - 1))
        let window = max(0, bottom - area.height)...min(entries.count - 1, bottom + area.height)
        let blocks = window.map { i in
            let r = rows(entries[i], narrow: narrow, width: area.width)
            return i == selected ? r.map(\.highlighted) : r
        }
        BottomAnchoredBlocks(blocks: blocks, bottom: bottom - window.lowerBound, glyphs: glyphs).render(area: area, buffer: &buffer)
        // Entries beyond the window are there too.
        if window.lowerBound > 0 { buffer.place(Cell(glyphs.arrowUp, style: .role(.muted)), x: area.right - 1, y: area.y) }
    }
}
