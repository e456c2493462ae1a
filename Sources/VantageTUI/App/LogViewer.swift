import VantageCore

/// The log viewer's own state (`L`): whose output it shows and its modes. The lines themselves
/// live in `AppState.projectLogs`.
public struct LogViewer: Sendable, Equatable {
    public var project: ProjectID
    /// New lines keep the view at the bottom. Scrolling up turns it off; `f` or going to the bottom
    /// turns it back on.
    public var follow = true
    /// Long lines wrap onto the next rows instead of ending in an ellipsis.
    public var wrap = false
    /// Lines scrolled up from the newest one (0 while following).
    public var scroll = 0
    /// The search text; matches are highlighted and `n`/`N` jump between them.
    public var query = ""
    /// True while `/` is taking the search text.
    public var typingQuery = false

    public init(project: ProjectID) { self.project = project }

    /// Indexes of the lines containing `query` (case-insensitive), oldest first.
    public func matches(in lines: some Collection<LogLine>) -> [Int] {
        guard !query.isEmpty else { return [] }
        let q = query.lowercased()
        return lines.enumerated().compactMap { Self.displayText($0.element.text).lowercased().contains(q) ? $0.offset : nil }
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

    /// The index of the bottom line on screen, for `count` lines.
    public func bottomLine(count: Int) -> Int { max(0, count - 1 - min(scroll, max(0, count - 1))) }

    /// Puts line `index` at the bottom of the view and stops following.
    public mutating func show(line index: Int, count: Int) {
        scroll = max(0, count - 1 - index)
        follow = false
    }
}
