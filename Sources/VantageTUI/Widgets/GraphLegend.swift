import VantageCore

/// What the graph's marks mean, as a strip under it (the graph's `i`): each node kind shown, in
/// the colour its labels are drawn in, then how nodes and edges are drawn (dots coloured by
/// cluster, or cluster letters, upper case for projects, where there is no colour or braille).
public struct GraphLegend: Sendable {
    /// The node kinds in the graph on screen.
    public var kinds: [GraphNodeKind]
    public var clusterLetters: Bool
    public var glyphs: GlyphSet

    public init(kinds: [GraphNodeKind], clusterLetters: Bool, glyphs: GlyphSet) {
        self.kinds = kinds
        self.clusterLetters = clusterLetters
        self.glyphs = glyphs
    }

    /// The strip's items: "■ project", …, then the marks.
    var items: [StyledLine] {
        let square = glyphs.isASCII ? "#" : "■"
        var out = kinds.map { StyledLine([.init(square + " ", CellStyle(fg: .node($0), bold: true)), .init($0.rawValue, .role(.muted))]) }
        let marks = clusterLetters
            ? "letters: clusters (A-Z projects)"
            : "\(glyphs.isASCII ? glyphs.canvasProjectNode : "⣿") node, colour: its cluster"
        out.append(StyledLine([.init(marks, .role(.muted))]))
        out.append(StyledLine([.init(glyphs.isASCII ? ". edge" : "⠒ edge", .role(.muted))]))
        return out
    }

    /// The items laid out in rows of `width` columns, two spaces apart.
    public func lines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var rows: [[StyledLine.Span]] = [[]]
        var used = 0
        for item in items {
            let w = item.spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if used > 0, used + 2 + w > width {
                rows.append([])
                used = 0
            }
            if used > 0 { rows[rows.count - 1].append(.init("  ")); used += 2 }
            rows[rows.count - 1] += item.spans
            used += w
        }
        return rows.map { StyledLine($0) }
    }

    /// Draws the strip at the bottom of `area` and returns what is left above it for the graph.
    public func render(area: Rect, buffer: inout Buffer) -> Rect {
        let strip = lines(width: area.width)
        let height = min(strip.count, max(0, area.height - 3))
        guard height > 0 else { return area }
        let top = area.bottom - height
        for (i, line) in strip.prefix(height).enumerated() { line.draw(x: area.x, y: top + i, width: area.width, buffer: &buffer) }
        return Rect(x: area.x, y: area.y, width: area.width, height: area.height - height)
    }
}
