import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The graph read as a person reads it (issue 12 §5): a legend on `i`, labels that never touch
/// another node's mark (ASCII drew "goCcgo-service"), and a focus that starts at the project
/// selected in the grid and keeps its neighbours' and the other projects' names.
@Suite("Graph: legend, labels apart from marks, focus from the grid")
struct GraphReadabilityTests {
    static func graphState() -> AppState {
        var s = GoldenFixture.state()
        s.focus = .graph
        s.zoomed = .graph
        return s
    }

    static func screen(_ s: AppState, _ w: Int, _ h: Int, _ glyphs: GlyphSet = .ascii) -> [String] {
        AppView(state: s, glyphs: glyphs, timeZone: .utc).render(size: Size(width: w, height: h)).lines
    }

    @Test func iShowsAndHidesTheLegendUnderTheGraph() {
        var s = Self.graphState()
        let before = Self.screen(s, 80, 24)
        #expect(!before.joined().contains("letters: clusters"))
        _ = Update.apply(.action(.legend), to: &s)
        let shown = Self.screen(s, 80, 24)
        let text = shown.joined(separator: "\n")
        for kind in ["project", "language", "dependency", "port", "error", "solution"] { #expect(text.contains("# \(kind)"), "\(text)") }
        #expect(text.contains("letters: clusters (A-Z projects)") && text.contains(". edge"), "\(text)")
        // The strip is under the graph, inside its border: the graph is drawn above it.
        let legendRow = shown.firstIndex { $0.contains("# project") }
        #expect(legendRow.map { $0 > 15 } == true, "at the bottom of the pane: \(text)")
        _ = Update.apply(.action(.legend), to: &s)
        #expect(Self.screen(s, 80, 24) == before)
        // Unicode: dots coloured by cluster.
        _ = Update.apply(.action(.legend), to: &s)
        #expect(Self.screen(s, 120, 30, .unicode).joined().contains("⣿ node, colour: its cluster"))
        // Only in the graph: elsewhere the key says where it works.
        var grid = GoldenFixture.state()
        _ = Update.apply(.action(.legend), to: &grid)
        #expect(grid.notice?.text == "legend works in Graph")
    }

    /// No label cell touches another node's mark, at any size and zoom, lettered or not.
    @Test func labelsKeepAFreeCellFromEveryOtherNode() {
        let snapshot = GoldenFixture.state().graphShown.shown
        for (w, h) in [(30, 8), (38, 12), (60, 16), (80, 22), (118, 36)] {
            for zoom in [1.0, 1.5, 2.25] {
                for letters in [false, true] {
                    var viewport = GraphViewport()
                    viewport.zoom = zoom
                    let view = GraphView(snapshot: snapshot, viewport: viewport, glyphs: .ascii, clusterLetters: letters)
                    var b = Buffer(width: w, height: h)
                    view.render(area: b.area, buffer: &b)
                    for case let (column, row)? in view.placements(columns: w, rows: h) {
                        for x in [column - 1, column + 1] where x >= 0 && x < w {
                            let isLabel = b[x, row].style.fg.rawValue.hasPrefix("node.")
                            #expect(!isLabel, "a label touches the node at \(column),\(row) (\(w)x\(h), zoom \(zoom)):\n\(b.lines.joined(separator: "\n"))")
                        }
                    }
                }
            }
        }
    }

    @Test func enterFocusesTheProjectSelectedInTheGridAndKeepsTheOtherNames() {
        let api = ProjectID("/w/api"), worker = ProjectID("/w/worker"), web = ProjectID("/w/web")
        var s = AppState(now: Date(timeIntervalSince1970: 1_000))
        let projects = [Project(name: "api", path: "/w/api", kinds: [.node]), Project(name: "web", path: "/w/web", kinds: [.go]),
                        Project(name: "worker", path: "/w/worker", kinds: [.python])]
        _ = Update.apply(.event(.scanned(roots: ["/w"], projects: projects)), to: &s)
        let graph = GraphSnapshot(nodes: [
            .init(id: GraphNodeID.project(api), label: "api", kind: .project, x: -6, y: -3, cluster: 0),
            .init(id: GraphNodeID.project(web), label: "web", kind: .project, x: 6, y: -3, cluster: 1),
            .init(id: GraphNodeID.project(worker), label: "worker", kind: .project, x: 0, y: 4, cluster: 2),
            .init(id: GraphNodeID.language(.python), label: "python", kind: .language, x: 3, y: 6, cluster: 2),
        ], edges: [.init(from: 2, to: 3, kind: .writtenIn)])
        _ = Update.apply(.event(.graph(graph)), to: &s)
        s.selectedProject = worker
        s.focus = .graph
        _ = Update.apply(.action(.details), to: &s)
        #expect(s.graphFocus == GraphNodeID.project(worker), "the grid's selection, not the first project")
        let text = AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(text.contains("python"), "the neighbour keeps its name:\n\(text)")
        #expect(text.contains("api") && text.contains("web"), "the other projects keep their names:\n\(text)")
        // Enter again moves on, as before.
        _ = Update.apply(.action(.details), to: &s)
        #expect(s.graphFocus != GraphNodeID.project(worker))
    }
}
