import VantageCore

/// A Timeline or Troubleshooting entry, whole: time, project, kind, the full text wrapped, the
/// project's output around that time, the suggestions for it and the fixes tried on the project.
/// Scrolls when taller than the screen.
public struct EntryOverlay: Sendable {
    public var entry: OpenedEntry
    public var projectName: String?
    /// The project's output lines around the entry's time.
    public var output: [LogLine]
    /// The suggestions: the problem's own first, then the project's others.
    public var suggestions: [TroubleshootingAdvice]
    /// The fixes applied to the project (timeline `fix` entries), oldest first.
    public var fixes: [TimelineEntry]
    public var scroll: Int
    public var timeZone: ClockZone
    public var glyphs: GlyphSet

    public init(entry: OpenedEntry, projectName: String?, output: [LogLine], suggestions: [TroubleshootingAdvice],
                fixes: [TimelineEntry], scroll: Int, timeZone: ClockZone, glyphs: GlyphSet) {
        self.entry = entry
        self.projectName = projectName
        self.output = output
        self.suggestions = suggestions
        self.fixes = fixes
        self.scroll = scroll
        self.timeZone = timeZone
        self.glyphs = glyphs
    }

    static func heading(_ text: String) -> StyledLine { StyledLine([.init(text, CellStyle(fg: .accent, bold: true))]) }

    static func field(_ label: String, _ value: String) -> StyledLine {
        StyledLine([.init(label.padding(8), CellStyle(fg: .muted, bold: true)), .init(value, .role(.text))])
    }

    /// Every line of the box for text `width` columns wide.
    public func lines(width: Int) -> [StyledLine] {
        var out = [Self.field("Time", Formatting.day(entry.time, in: timeZone) + " " + Formatting.clock(entry.time, in: timeZone)),
                   Self.field("Project", projectName ?? "none (Vantage itself)"),
                   Self.field(entry.source == .timeline ? "Kind" : "Problem", entry.label),
                   StyledLine([])]
        let textRole: StyleRole = entry.label.hasPrefix("error") ? .error : .text
        out += Formatting.wordWrap(entry.text, width: max(8, width)).map { StyledLine([.init($0, .role(textRole))]) }
        if entry.project != nil {
            out += [StyledLine([]), Self.heading("Output around \(Formatting.clock(entry.time, in: timeZone))")]
            if output.isEmpty { out.append(StyledLine([.init("  no output from the project around that time", .role(.muted))])) }
            for line in output {
                let role: StyleRole = LogSeverity.of(line.text) == .error ? .error : line.stream == .stderr ? .warn : .text
                out += Formatting.wordWrap(Formatting.clock(line.time, in: timeZone) + " " + line.text, width: max(8, width - 2))
                    .map { StyledLine([.init("  " + $0, .role(role))]) }
            }
        }
        if !suggestions.isEmpty {
            out.append(StyledLine([]))
            out += AdviceLines.details(suggestions, levels: glyphs.sparkLevels)
        } else if entry.source == .troubleshooting {
            out += [StyledLine([]), StyledLine([.init("No suggestion for this problem yet.", .role(.muted))])]
        }
        if entry.project != nil {
            out += [StyledLine([]), Self.heading("Fixes tried on \(projectName ?? "the project")")]
            if fixes.isEmpty { out.append(StyledLine([.init("  none yet", .role(.muted))])) }
            for f in fixes.suffix(8) {
                out.append(StyledLine([.init("  " + Formatting.clock(f.time, in: timeZone) + " ", .role(.muted)), .init(f.text, .role(.text))]))
            }
        }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let width = min(100, area.width - 2)
        let content = lines(width: width - 4)
        let overlay = Overlay(title: entry.source == .timeline ? "Timeline entry" : "Problem", width: width,
                              height: min(content.count + 2, area.height - 2), glyphs: glyphs)
        ScrolledLines(lines: content, scroll: scroll, glyphs: glyphs).render(area: overlay.render(area: area, buffer: &buffer), buffer: &buffer)
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
