import VantageCore

/// Draws a `GraphSnapshot` fitted to its area: edges as dots on a braille raster (ASCII `.`),
/// nodes coloured by their cluster (community) through the `cluster.*` roles, labels in their
/// kind's role placed beside their node where they do not overlap another node or label, nor
/// touch another node's mark (a label that cannot be placed is left out, never drawn over). Without colour or braille (`clusterLetters`), each node is
/// drawn as its cluster's letter (upper case for projects).
public struct GraphView: Sendable {
    public var snapshot: GraphSnapshot
    public var viewport: GraphViewport
    /// When not empty, only nodes whose label contains it (case-insensitive) are labelled and
    /// coloured; the others are muted.
    public var highlight: String
    /// The focused node (an index into `snapshot.nodes`): it and its neighbours keep their colours
    /// and labels, its edges are drawn in `accent`, everything else is muted.
    public var focus: Int?
    public var glyphs: GlyphSet
    /// Nodes are drawn as cluster letters, so clusters stay apart without colour.
    public var clusterLetters: Bool

    public init(snapshot: GraphSnapshot, viewport: GraphViewport = GraphViewport(), highlight: String = "",
                focus: Int? = nil, glyphs: GlyphSet, clusterLetters: Bool = false) {
        self.clusterLetters = clusterLetters
        self.snapshot = snapshot
        self.viewport = viewport
        self.highlight = highlight
        self.focus = focus.flatMap { snapshot.nodes.indices.contains($0) ? $0 : nil }
        self.glyphs = glyphs
    }

    /// The focused node and its direct neighbours, or nil when nothing is focused.
    var neighbourhood: Set<Int>? {
        guard let f = focus else { return nil }
        var set: Set<Int> = [f]
        for e in snapshot.edges where e.from == f || e.to == f { set.insert(e.from); set.insert(e.to) }
        return set
    }

    static let maxLabel = 18

    /// The cell (column, row) within an area of `columns`×`rows` where each node lands, or nil
    /// when it falls outside the area.
    public func placements(columns: Int, rows: Int) -> [(column: Int, row: Int)?] {
        dotPositions(columns: columns, rows: rows).map { p in
            guard let p else { return nil }
            return (p.x / 2, p.y / 4)
        }
    }

    func dotPositions(columns: Int, rows: Int) -> [(x: Int, y: Int)?] {
        let nodes = snapshot.nodes.filter { $0.x.isFinite && $0.y.isFinite }
        guard !nodes.isEmpty, columns > 0, rows > 0 else { return snapshot.nodes.map { _ in nil } }
        let xs = nodes.map(\.x), ys = nodes.map(\.y)
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let spanX = maxX - minX, spanY = maxY - minY
        let w = Double(columns * 2), h = Double(rows * 4)
        let pad = 2.0
        let fitX = spanX > 1e-9 ? (w - 1 - 2 * pad) / spanX : .infinity
        let fitY = spanY > 1e-9 ? (h - 1 - 2 * pad) / spanY : .infinity
        var scale = min(fitX, fitY)
        if !scale.isFinite || scale <= 0 { scale = 1 }
        scale *= viewport.zoom
        let span = max(spanX, spanY, 1e-9)
        let cx = (minX + maxX) / 2 + viewport.panX * span
        let cy = (minY + maxY) / 2 + viewport.panY * span
        return snapshot.nodes.map { n in
            guard n.x.isFinite, n.y.isFinite else { return nil }
            let dx = (w - 1) / 2 + (n.x - cx) * scale
            let dy = (h - 1) / 2 + (n.y - cy) * scale
            guard dx >= 0, dy >= 0, dx < w, dy < h else { return nil }
            return (Int(dx), Int(dy))
        }
    }

    func matches(_ node: GraphSnapshot.Node) -> Bool {
        highlight.isEmpty || node.label.lowercased().contains(highlight.lowercased())
    }

    /// Whether node `i` is drawn in its own colour and labelled.
    func emphasised(_ i: Int, near: Set<Int>?) -> Bool {
        if let near { return near.contains(i) }
        return matches(snapshot.nodes[i])
    }

    public func render(area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let positions = dotPositions(columns: area.width, rows: area.height)
        // Unclipped positions for edges whose ends are off screen would need a second fit; edges
        // with one end outside the view are drawn only when both ends are visible.
        var raster = DotRaster(columns: area.width, rows: area.height)
        let near = neighbourhood
        let edgeInk = DotRaster.Ink(role: .muted, weight: 1, ascii: glyphs.canvasEdge)
        let focusEdgeInk = DotRaster.Ink(role: .accent, weight: 2, ascii: glyphs.canvasEdge)
        for e in snapshot.edges {
            guard e.from >= 0, e.to >= 0, e.from < positions.count, e.to < positions.count,
                  let a = positions[e.from], let b = positions[e.to] else { continue }
            let touchesFocus = focus != nil && (e.from == focus || e.to == focus)
            raster.line(from: a, to: b, ink: touchesFocus ? focusEdgeInk : edgeInk)
        }
        var occupied = Set<Int>()
        var letters: [(column: Int, row: Int, text: String, style: CellStyle)] = []
        var projectLetters: [(column: Int, row: Int, text: String, style: CellStyle)] = []
        for (i, n) in snapshot.nodes.enumerated() {
            guard let p = positions[i] else { continue }
            let role: StyleRole = emphasised(i, near: near) ? .cluster(n.cluster) : .muted
            let ink = DotRaster.Ink(role: role, weight: (n.kind == .project ? 4 : 3) + (i == focus ? 2 : 0),
                                    ascii: n.kind == .project ? glyphs.canvasProjectNode : glyphs.canvasNode)
            raster.fillCell(column: p.x / 2, row: p.y / 4, ink: ink)
            occupied.insert((p.y / 4) * area.width + p.x / 2)
            if clusterLetters {
                let isProject = n.kind == .project
                let mark = (p.x / 2, p.y / 4, GraphProjection.clusterLetter(n.cluster, project: isProject),
                            CellStyle(fg: role, bold: isProject || i == focus, reverse: i == focus))
                if isProject { projectLetters.append(mark) } else { letters.append(mark) }
            }
        }
        BrailleCanvas(raster: raster, glyphs: glyphs).render(area: area, buffer: &buffer)
        // Projects last, so a project's letter wins a shared cell.
        for l in letters + projectLetters {
            buffer.put(l.text, x: area.x + l.column, y: area.y + l.row, style: l.style, maxWidth: 1)
        }
        placeLabels(positions: positions, occupied: &occupied, area: area, buffer: &buffer)
    }

    private func placeLabels(positions: [(x: Int, y: Int)?], occupied: inout Set<Int>, area: Rect,
                             buffer: inout Buffer) {
        // The focused node first, then its neighbours, then projects, so the names that matter
        // most win the space. A label never covers a node or another label, and keeps a free cell
        // from any other node's mark (in ASCII a letter beside a name read as part of it).
        let near = neighbourhood
        let nodeCells = occupied
        func rank(_ i: Int) -> Int {
            if i == focus { return 0 }
            if near?.contains(i) == true { return 1 }
            return snapshot.nodes[i].kind == .project ? 2 : 3
        }
        let order = snapshot.nodes.indices.sorted { (rank($0), $0) < (rank($1), $1) }
        for i in order {
            let n = snapshot.nodes[i]
            // With a focus, the other projects keep their names (muted), so the view stays readable.
            let context = near != nil && !emphasised(i, near: near) && n.kind == .project
            guard let p = positions[i], emphasised(i, near: near) || context else { continue }
            let text = Formatting.truncate(n.label, to: min(Self.maxLabel, area.width), ellipsis: glyphs.ellipsis)
            let len = DisplayWidth.of(text)
            guard len > 0 else { continue }
            let col = p.x / 2, row = p.y / 4
            let own = row * area.width + col
            let candidates = [(col + 2, row), (col - 1 - len, row), (col - len / 2, row - 1), (col - len / 2, row + 1)]
            for (x, y) in candidates {
                guard x >= 0, y >= 0, x + len <= area.width, y < area.height else { continue }
                let cells = (x..<(x + len)).map { y * area.width + $0 }
                guard cells.allSatisfy({ !occupied.contains($0) }) else { continue }
                let beside = [x - 1, x + len].filter { $0 >= 0 && $0 < area.width }.map { y * area.width + $0 }
                guard beside.allSatisfy({ $0 == own || !nodeCells.contains($0) }) else { continue }
                let style = i == focus
                    ? CellStyle(fg: .node(n.kind), bg: .selection, bold: true)
                    : context ? CellStyle(fg: .muted)
                    : CellStyle(fg: .node(n.kind), bold: n.kind == .project, underline: near == nil && !highlight.isEmpty)
                buffer.put(text, x: area.x + x, y: area.y + y, style: style, maxWidth: len)
                // Keep one free cell around a label so neighbouring labels stay readable.
                for c in (x - 1)...(x + len) where c >= 0 && c < area.width { occupied.insert(y * area.width + c) }
                break
            }
        }
    }
}
