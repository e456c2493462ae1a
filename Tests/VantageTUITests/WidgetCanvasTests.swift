import Testing
import VantageCore
@testable import VantageTUI

@Suite("Widgets: dot raster, braille canvas, graph view")
struct WidgetCanvasTests {
    let ink = DotRaster.Ink(role: .accent, weight: 1, ascii: ".")

    @Test func braillePatternsFollowTheUnicodeDotNumbering() {
        var r = DotRaster(columns: 3, rows: 1)
        r.set(x: 0, y: 0, ink: ink)                        // dot 1 -> U+2801
        r.set(x: 3, y: 3, ink: ink)                        // dot 8 -> U+2880
        r.fillCell(column: 2, row: 0, ink: ink)            // all -> U+28FF
        var b = filled(4, 1)
        BrailleCanvas(raster: r, glyphs: .unicode).render(area: b.area, buffer: &b)
        #expect(b.lines == ["⠁⢀⣿x"])
    }

    @Test func asciiRasterUsesTheHeaviestInkOfEachCell() {
        var r = DotRaster(columns: 3, rows: 1)
        r.line(from: (0, 1), to: (5, 1), ink: ink)
        r.set(x: 2, y: 2, ink: DotRaster.Ink(role: .nodeProject, weight: 5, ascii: "*"))
        // A lighter ink never overwrites a heavier dot.
        r.set(x: 2, y: 2, ink: ink)
        var b = filled(4, 2)
        BrailleCanvas(raster: r, glyphs: .ascii).render(area: b.area, buffer: &b)
        #expect(b.lines == [".*.x", "xxxx"])
        #expect(b[1, 0].style.fg == .nodeProject)
        #expect(b[0, 0].style.fg == .accent)
    }

    @Test func linesFarOutsideTheRasterAreClippedWithoutHanging() {
        var r = DotRaster(columns: 2, rows: 1)
        r.line(from: (-1_000_000, 0), to: (1_000_000, 0), ink: ink)
        #expect(r.dot(x: 0, y: 0) == nil)   // budget cut the walk before it reached the raster
        r.line(from: (-3, 2), to: (10, 2), ink: ink)
        #expect((0..<4).allSatisfy { r.dot(x: $0, y: 2) != nil })
    }

    static let twoNodes = GraphSnapshot(nodes: [
        .init(id: "a", label: "api", kind: .project, x: 0, y: 0),
        .init(id: "b", label: "node", kind: .language, x: 10, y: 0),
    ], edges: [.init(from: 0, to: 1, kind: .writtenIn)])

    @Test func graphViewFitsNodesDrawsEdgeAndLabels() {
        var b = filled(12, 3)
        GraphView(snapshot: Self.twoNodes, glyphs: .ascii).render(area: b.area, buffer: &b)
        // 24x12 dots, 2 dots of padding: api lands in column 1 and node in column 10. The api label
        // goes to the right of its node; node's label fits neither right nor left, so it goes above.
        #expect(b.lines == ["xxxxxxxxnode",
                            "x*.api....ox",
                            "xxxxxxxxxxxx"])
        // Nodes take their cluster's colour (both are in cluster 0); labels their kind's.
        #expect(b[1, 1].style.fg == .clusterA)
        #expect(b[10, 1].style.fg == .clusterA)
        #expect(b[2, 1].style.fg == .muted)
        #expect(b[3, 1].style == CellStyle(fg: .nodeProject, bold: true))
    }

    @Test func graphViewportZoomAndPanMoveNodes() {
        var view = GraphView(snapshot: Self.twoNodes, glyphs: .ascii)
        view.viewport.zoomOut()
        let base = view.placements(columns: 40, rows: 10)
        var zoomed = view
        zoomed.viewport.zoomIn()
        let z = zoomed.placements(columns: 40, rows: 10)
        #expect(z[1]!.column - z[0]!.column > base[1]!.column - base[0]!.column)
        var panned = view
        panned.viewport.pan(dx: 1, dy: 0)
        #expect(panned.placements(columns: 40, rows: 10)[0]!.column < base[0]!.column)
        panned.viewport.center()
        #expect(panned.viewport == GraphViewport())
        // Far zoom pushes nodes out of the view: they are left out, not clamped to the edge.
        var far = view
        for _ in 0..<10 { far.viewport.zoomIn() }
        #expect(far.placements(columns: 40, rows: 10).contains { $0 == nil })
    }

    @Test func labelsNeverOverlapAndBadCoordinatesAreSkipped() {
        var nodes = (0..<30).map { i in
            GraphSnapshot.Node(id: "n\(i)", label: "label\(i)", kind: .dependency, x: Double(i % 3), y: Double(i / 10))
        }
        nodes.append(.init(id: "nan", label: "broken", kind: .error, x: .nan, y: .infinity))
        let snap = GraphSnapshot(nodes: nodes, edges: [.init(from: 0, to: 30, kind: .raised), .init(from: 1, to: 99, kind: .raised)])
        var b = Buffer(width: 30, height: 8)   // blank, so untouched cells are not letters
        GraphView(snapshot: snap, glyphs: .unicode).render(area: b.area, buffer: &b)
        let text = b.lines.joined(separator: "\n")
        #expect(!text.contains("broken"))
        // Every label drawn is whole and stands apart: "label" followed by its number, then a
        // non-label cell. An overlapping label would leave a cut fragment such as "labelabel3".
        var whole = 0
        for line in b.lines {
            var rest = Substring(line)
            while let r = rest.range(of: "label") {
                let digits = rest[r.upperBound...].prefix { $0.isNumber }
                #expect(!digits.isEmpty && Int(digits)! < 30, "cut label in \(line)")
                let after = rest[r.upperBound...].dropFirst(digits.count).first
                #expect(after == nil || !(after!.isLetter || after!.isNumber), "labels touch in \(line) \(b.lines)")
                whole += 1
                rest = rest[r.upperBound...]
            }
            #expect(!line.contains("lab") || line.components(separatedBy: "lab").count - 1 == line.components(separatedBy: "label").count - 1)
        }
        #expect(whole > 0)
        #expect(whole < 30)   // they cannot all fit; the rest are left out, not overlapped
    }

    @Test func highlightMutesNonMatchingNodes() {
        var b = filled(12, 3)
        GraphView(snapshot: Self.twoNodes, highlight: "NODE", glyphs: .ascii).render(area: b.area, buffer: &b)
        #expect(b[1, 1].style.fg == .muted)
        #expect(b[10, 1].style.fg == .clusterA)
        #expect(!b.lines.joined().contains("api"))
        #expect(b.lines.joined().contains("node"))
    }
}
