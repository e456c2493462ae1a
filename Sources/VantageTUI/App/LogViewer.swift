import VantageCore

/// The log viewer's own state (`L`): whose output it shows and its modes. The lines themselves
/// live in `AppState.projectLogs`; every position here is an index into them.
///
/// The view is always full: while following, the newest lines fill it from the bottom; otherwise
/// `top` is the first line on screen, moved up only as far as the lines below it still fill the
/// view (`LogViewer.Window`).
public struct LogViewer: Sendable, Equatable {
    /// What the footer prompt is taking, if anything.
    public enum Typing: Sendable, Equatable {
        /// `/`: the search text.
        case search
        /// `&`: the filter text (only matching lines are shown).
        case filter
    }

    public var project: ProjectID
    /// New lines keep the view at the bottom. Scrolling up turns it off; `f` or going to the bottom
    /// turns it back on.
    public var follow = true
    /// Long lines wrap onto the next rows instead of ending in an ellipsis.
    public var wrap = false
    /// The first line on screen while not following.
    public var top = 0
    /// The search text; matches are highlighted and `n`/`N` jump between them.
    public var query = ""
    /// The line of the current match (`n`, `N`, Enter): "match 2 of 5".
    public var match: Int?
    /// Only lines containing this are shown (`&`, like less); empty: every line.
    public var filter = ""
    /// The prompt taking text, nil while keys are actions.
    public var typing: Typing?

    public init(project: ProjectID) { self.project = project }

    /// True while the prompt takes the search text.
    public var typingQuery: Bool { typing == .search }

    /// Indexes of the lines the viewer shows: those passing the filter (its process name or its
    /// text contains it, case-insensitive), oldest first.
    public func shown(_ lines: some Collection<LogLine>) -> [Int] {
        guard !filter.isEmpty else { return Array(0..<lines.count) }
        let f = filter.lowercased()
        return lines.enumerated().compactMap { i, line in
            (line.process?.lowercased().contains(f) ?? false) || Self.displayText(line.text).lowercased().contains(f) ? i : nil
        }
    }

    /// Indexes of the shown lines containing `query` (case-insensitive), oldest first.
    public func matches(in lines: some Collection<LogLine>) -> [Int] {
        guard !query.isEmpty else { return [] }
        let q = query.lowercased(), all = Array(lines)
        return shown(all).filter { Self.displayText(all[$0].text).lowercased().contains(q) }
    }

    /// A line as the viewer shows and searches it: terminal escape sequences (colours from tools
    /// that colour their output) removed and tabs turned into spaces.
    public static func displayText(_ text: String) -> String {
        guard text.contains(where: { $0 == "\u{1b}" || $0 == "\t" }) else { return text }
        var out = "", chars = Array(text.unicodeScalars), i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\u{1b}" {
                i += 1
                if i < chars.count, chars[i] == "[" {
                    // CSI: parameters and intermediates up to a final byte in @...~.
                    i += 1
                    while i < chars.count, !(0x40...0x7e).contains(chars[i].value) { i += 1 }
                    i += 1
                } else if i < chars.count, chars[i] == "]" {
                    // OSC: up to BEL or ESC \.
                    while i < chars.count, chars[i] != "\u{7}", chars[i] != "\u{1b}" { i += 1 }
                    i += chars.indices.contains(i) && chars[i] == "\u{1b}" ? 2 : 1
                } else {
                    i += 1
                }
                continue
            }
            out.unicodeScalars.append(c == "\t" ? " " : c)
            i += 1
        }
        return out
    }

    /// A note Vantage wrote itself into the project's output (started, stopped, exit status): not
    /// the project's stderr, whatever stream it came on.
    public static func isVantageNote(_ line: LogLine) -> Bool { line.text.hasPrefix(LogSeverity.vantageNotePrefix) }

    /// The process column's width: the longest process name and " | ", or 0 when no line names
    /// its process (a project with one process).
    public static func processWidth(_ lines: some Collection<LogLine>) -> Int {
        let longest = lines.reduce(0) { max($0, $1.process.map(DisplayWidth.of) ?? 0) }
        return longest == 0 ? 0 : longest + 3
    }

    /// Rows one line takes at `width` text columns: one, or as many as its wrapped text needs.
    public static func rowCount(_ line: LogLine, width: Int, wrap: Bool) -> Int {
        guard wrap else { return 1 }
        let w = DisplayWidth.of(displayText(line.text))
        return max(1, (w + max(1, width) - 1) / max(1, width))
    }

    /// The rows of text the viewer has: `height` rows of `width` columns after the time, the stream
    /// mark and the process column.
    public struct Room: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public init(width: Int, height: Int) { (self.width, self.height) = (width, height) }
    }

    /// Columns before the text: the time, a space, the stream mark and a space.
    public static let gutter = 11

    /// The text room inside a viewer whose border leaves `innerWidth`×`innerHeight`.
    public static func room(innerWidth: Int, innerHeight: Int, lines: some Collection<LogLine>) -> Room {
        Room(width: max(1, innerWidth - gutter - processWidth(lines)), height: max(1, innerHeight))
    }

    /// Which shown lines are on screen. `first` and `last` are positions in `shown`; when
    /// `fromBottom` the last line ends on the last row (the first one may show only its end),
    /// otherwise the first line starts on the first row.
    public struct Window: Sendable, Equatable {
        public var shown: [Int]
        public var first: Int
        public var last: Int
        public var fromBottom: Bool
        /// The first position a full view can start at (the newest page).
        public var lastPageStart: Int
        public var atTop: Bool { first == 0 }
        public var atBottom: Bool { first >= lastPageStart }
        /// The line index of the first and last line on screen (nil when nothing is shown).
        public var firstLine: Int? { shown.indices.contains(first) ? shown[first] : nil }
        public var lastLine: Int? { shown.indices.contains(last) ? shown[last] : nil }
    }

    /// The window on `lines` in `room`.
    public func window(_ lines: [LogLine], room: Room) -> Window {
        let shown = shown(lines)
        let height = max(1, room.height)
        func rows(_ position: Int) -> Int { Self.rowCount(lines[shown[position]], width: room.width, wrap: wrap) }
        // The newest page: walk up from the newest line until the rows fill the view.
        var lastPageStart = shown.count, used = 0
        while lastPageStart > 0, used < height {
            lastPageStart -= 1
            used += rows(lastPageStart)
        }
        let topPosition = shown.firstIndex { $0 >= top } ?? shown.count
        if follow || topPosition >= lastPageStart {
            return Window(shown: shown, first: lastPageStart, last: shown.count - 1, fromBottom: true, lastPageStart: lastPageStart)
        }
        var last = topPosition
        used = rows(topPosition)
        while last + 1 < shown.count, used < height {
            last += 1
            used += rows(last)
        }
        return Window(shown: shown, first: topPosition, last: last, fromBottom: false, lastPageStart: lastPageStart)
    }

    /// Puts line `index` at the top of the view (as far as a full view allows) and stops following.
    public mutating func show(line index: Int, count: Int) {
        top = max(0, min(index, count - 1))
        follow = false
    }

    /// Puts line `index` in the middle of a view of `height` rows and stops following.
    public mutating func centre(line index: Int, lines: [LogLine], room: Room) {
        let shown = shown(lines)
        guard let position = shown.firstIndex(of: index) else { return }
        // Walk up half the view's rows from the line.
        var first = position, used = Self.rowCount(lines[index], width: room.width, wrap: wrap)
        while first > 0, used + Self.rowCount(lines[shown[first - 1]], width: room.width, wrap: wrap) <= (room.height + 1) / 2 {
            first -= 1
            used += Self.rowCount(lines[shown[first]], width: room.width, wrap: wrap)
        }
        top = shown[first]
        follow = false
    }

    /// The oldest line was dropped from a full buffer: every kept index moves down by one.
    mutating func oldestDropped() {
        top = max(0, top - 1)
        if let m = match { match = m > 0 ? m - 1 : nil }
    }
}
