import VantageCore

/// The side panel of a focused graph node: its label and kind, then each link with its edge kind
/// and direction (`-> depends_on express`, `<- written_in api`).
public struct NodePanel: Sendable {
    public var snapshot: GraphSnapshot
    public var node: Int
    public var glyphs: GlyphSet
    /// Nodes in the focused node's cluster (0: not shown).
    public var clusterSize: Int
    /// When the node is collapsed: how many neighbours it hides.
    public var collapsed: Int?

    public init(snapshot: GraphSnapshot, node: Int, glyphs: GlyphSet, clusterSize: Int = 0, collapsed: Int? = nil) {
        self.snapshot = snapshot
        self.node = node
        self.glyphs = glyphs
        self.clusterSize = clusterSize
        self.collapsed = collapsed
    }

    public func lines() -> [StyledLine] {
        guard snapshot.nodes.indices.contains(node) else { return [] }
        let n = snapshot.nodes[node]
        var out = [StyledLine([.init(n.label, CellStyle(fg: .node(n.kind), bold: true))]),
                   StyledLine([.init(n.kind.rawValue, .role(.muted))])]
        if clusterSize > 0 {
            out.append(StyledLine([.init("cluster \(GraphProjection.clusterLetter(n.cluster))", CellStyle(fg: .cluster(n.cluster), bold: true)),
                                   .init(", \(clusterSize) node\(clusterSize == 1 ? "" : "s")", .role(.muted))]))
        }
        if let collapsed {
            out.append(StyledLine([.init("\(collapsed) hidden (collapsed)", .role(.warn))]))
        }
        let links = snapshot.edges.filter { ($0.from == node || $0.to == node) && snapshot.nodes.indices.contains($0.from)
            && snapshot.nodes.indices.contains($0.to) }
        out.append(StyledLine([.init("\(links.count) link\(links.count == 1 ? "" : "s")", .role(.text))]))
        for e in links {
            let outgoing = e.from == node
            let other = snapshot.nodes[outgoing ? e.to : e.from]
            out.append(StyledLine([
                .init(outgoing ? "-> " : "<- ", .role(.accent)),
                .init(e.kind.rawValue + " ", .role(.muted)),
                .init(other.label, .role(.node(other.kind))),
            ]))
        }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area, with: .blank)
        for y in area.y..<area.bottom { buffer.place(Cell(glyphs.borders.vertical, style: .role(.border)), x: area.x, y: y) }
        let text = lines()
        for (row, line) in text.prefix(area.height).enumerated() {
            line.draw(x: area.x + 2, y: area.y + row, width: area.width - 2, buffer: &buffer)
        }
        if text.count > area.height { buffer.place(Cell(glyphs.arrowDown, style: .role(.muted)), x: area.right - 1, y: area.bottom - 1) }
    }
}
