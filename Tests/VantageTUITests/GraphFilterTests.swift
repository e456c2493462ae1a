import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Graph pane: kind filter, collapse and clusters")
struct GraphFilterTests {
    static func state() -> AppState {
        var s = GoldenFixture.state()
        s.focus = .graph
        return s
    }

    func apply(_ actions: [Action], to s: inout AppState) { for a in actions { _ = Update.apply(.action(a), to: &s) } }

    @Test func kindKeyCyclesThroughThePresentKindsAndTheTitleSaysWhich() {
        var s = Self.state()
        #expect(PaneTitles.title(.graph, state: s).hasPrefix("Graph (12 nodes, 3 clusters"))
        var seen: [GraphNodeKind?] = []
        for _ in 0..<7 {
            apply([.cycleKind], to: &s)
            seen.append(s.graphKind)
            if let kind = s.graphKind {
                #expect(s.graphShown.shown.nodes.allSatisfy { $0.kind == kind })
                #expect(!s.graphShown.shown.nodes.isEmpty)
            }
        }
        // Fixture kinds: project, language, dependency, port, error, solution (no container, hotspot or advisor).
        #expect(seen == [.project, .language, .dependency, .port, .error, .solution, nil])
        apply([.cycleKind, .cycleKind, .cycleKind], to: &s)
        #expect(s.graphKind == .dependency)
        #expect(s.graphShown.shown.nodes.map(\.label) == ["express@4.19.2", "requests@2.31.0", "urllib3@1.26.5"])
        // requests -> urllib3 is the one edge between dependencies; it survives, remapped.
        #expect(s.graphShown.shown.edges.count == 1)
        #expect(PaneTitles.title(.graph, state: s).hasPrefix("Graph (3 of 12 nodes, dependencies"))
    }

    @Test func kindKeyIsAGraphKeyOnlyInTheGraphPane() {
        var s = Self.state()
        s.focus = .projects
        apply([.cycleKind], to: &s)
        #expect(s.graphKind == nil)
    }

    @Test func collapsingAProjectFoldsItsOwnNeighboursIntoACount() {
        var s = Self.state()
        apply([.details], to: &s)            // focuses the first project by label: api
        #expect(s.graphFocus == "p:api")
        apply([.collapse], to: &s)
        // api's neighbours: node, express, urllib3, :3000. urllib3 is also requests' neighbour, so it stays.
        let labels = s.graphShown.shown.nodes.map(\.label)
        #expect(labels.contains("api +3"))
        #expect(!labels.contains("express@4.19.2") && !labels.contains(":3000") && !labels.contains("node"))
        #expect(labels.contains("urllib3@1.26.5"))
        #expect(s.graphShown.hidden["p:api"] == 3)
        #expect(PaneTitles.title(.graph, state: s).contains("9 of 12 nodes"))
        #expect(PaneTitles.title(.graph, state: s).contains("1 collapsed"))
        // Every edge still points at shown nodes.
        let n = s.graphShown.shown.nodes.count
        #expect(s.graphShown.shown.edges.allSatisfy { $0.from < n && $0.to < n })
        // A new layout frame keeps the collapse.
        var moved = GoldenFixture.graph
        for i in moved.nodes.indices { moved.nodes[i].x += 1 }
        _ = Update.apply(.event(.graph(moved)), to: &s)
        #expect(s.graphShown.shown.nodes.map(\.label).contains("api +3"))
        #expect(s.graphFocus == "p:api")
        apply([.collapse], to: &s)
        #expect(s.graphShown.shown.nodes.count == 12)
        // A frame without the node forgets its collapse (the set stays bounded by the graph).
        apply([.collapse], to: &s)
        var without = GoldenFixture.graph
        without.nodes.removeFirst()
        without.edges = without.edges.filter { $0.from != 0 && $0.to != 0 }.map { .init(from: $0.from - 1, to: $0.to - 1, kind: $0.kind) }
        _ = Update.apply(.event(.graph(without)), to: &s)
        #expect(s.graphCollapsed.isEmpty && s.graphFocus == nil)
    }

    @Test func collapseWithoutFocusFoldsEveryProjectThenUnfoldsAll() {
        var s = Self.state()
        apply([.collapse], to: &s)
        #expect(s.graphCollapsed == ["p:api", "p:worker", "p:web"])
        // With all three folded, every non-project node links only to folded projects... except
        // those linked to another non-project (requests–urllib3, EADDRINUSE–reassign port).
        let labels = Set(s.graphShown.shown.nodes.map(\.label))
        #expect(labels.isSuperset(of: ["requests@2.31.0", "urllib3@1.26.5", "EADDRINUSE", "reassign port"]))
        #expect(labels.isDisjoint(with: ["express@4.19.2", "node", "python", "go", ":3000"]))
        apply([.collapse], to: &s)
        #expect(s.graphCollapsed.isEmpty && s.graphShown.shown.nodes.count == 12)
    }

    @Test func focusIsDroppedWhenTheFilterHidesIt() {
        var s = Self.state()
        apply([.details], to: &s)
        #expect(s.graphFocus == "p:api")
        apply([.cycleKind, .cycleKind], to: &s)   // languages only
        #expect(s.graphFocus == nil)
        apply([.details], to: &s)
        #expect(s.graphFocus == "l:go")
    }

    @Test func clustersAreColouredByPaletteRoleAndLetteredWithoutColour() {
        let s = Self.state()
        let view = GraphView(snapshot: s.graphShown.shown, glyphs: .unicode)
        var buffer = Buffer(width: 60, height: 16)
        view.render(area: buffer.area, buffer: &buffer)
        let places = view.placements(columns: 60, rows: 16)
        for (i, node) in s.graphShown.shown.nodes.enumerated() where node.kind == .project {
            guard let p = places[i] else { Issue.record("project \(node.label) off screen"); continue }
            #expect(buffer[p.column, p.row].style.fg == StyleRole.cluster(node.cluster))
        }
        // ASCII or NO_COLOR: each node is its cluster's letter, projects in upper case.
        var lettered = Buffer(width: 60, height: 16)
        GraphView(snapshot: s.graphShown.shown, glyphs: .unicode, clusterLetters: true).render(area: lettered.area, buffer: &lettered)
        for (i, node) in s.graphShown.shown.nodes.enumerated() where node.kind == .project {
            guard let p = places[i] else { continue }
            #expect(lettered[p.column, p.row].symbol == ["A", "B", "C"][node.cluster])
        }
    }

    @Test func clusterRolesCycleThroughSixAndEveryThemeColoursThem() throws {
        #expect(StyleRole.cluster(0) == .clusterA && StyleRole.cluster(6) == .clusterA && StyleRole.cluster(-1) == .clusterF)
        for name in ["dark", "light", "high-contrast", "solarized-dark", "solarized-light"] {
            let theme = ThemeLoader.builtin(name)
            for role in StyleRole.clusterPalette { #expect(theme.colors[role] != nil, "\(name) lacks \(role.rawValue)") }
        }
        #expect(GraphProjection.clusterLetter(27) == "b" && GraphProjection.clusterLetter(0, project: true) == "A")
    }

    @Test func keysAreListedInHelpAndFooter() {
        let keymap = KeymapLoader.builtinDefault
        #expect(keymap.keys(for: .cycleKind) == [.char("v")])
        #expect(keymap.keys(for: .collapse) == [.char(" ")])
        let s = Self.state()
        let footer = FooterHints.hints(state: s, keymap: keymap).map { "\($0.keys) \($0.label)" }
        #expect(footer.contains("v kind") && footer.contains("Space collapse"))
        let help = keymap.helpSections().flatMap(\.entries).map(\.keys)
        #expect(help.contains("v") && help.contains("Space") && help.contains("F") && help.contains("p"))
    }

    @Test func noColorScreensLetterTheClustersInUnicodeToo() {
        var s = Self.state()
        s.zoomed = .graph
        let size = Size(width: 80, height: 24)
        let zone = ClockZone.utc
        let coloured = AppView(state: s, glyphs: .unicode, timeZone: zone).render(size: size)
        let mono = AppView(state: s, glyphs: .unicode, timeZone: zone, monochrome: true).render(size: size)
        // The zoomed pane's inside starts at (1, 1) and is 78x21 (the footer takes the last row).
        let places = GraphView(snapshot: s.graphShown.shown, glyphs: .unicode).placements(columns: 78, rows: 21)
        for (i, node) in s.graphShown.shown.nodes.enumerated() where node.kind == .project {
            guard let p = places[i] else { Issue.record("\(node.label) off screen"); continue }
            let letter = GraphProjection.clusterLetter(node.cluster, project: true)
            #expect(mono[1 + p.column, 1 + p.row].symbol == letter, "\(node.label) is marked \(letter) without colour")
            #expect(coloured[1 + p.column, 1 + p.row].symbol == "⣿", "\(node.label) is a braille node in colour")
        }
    }
}
