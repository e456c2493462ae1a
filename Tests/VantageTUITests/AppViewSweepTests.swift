import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Resize storms and odd sizes: the view must draw every size, with every overlay, without
/// trapping, and every row must be exactly as wide as the screen.
@Suite("App view at every size")
struct AppViewSweepTests {
    static let widths = Array(stride(from: 0, through: 130, by: 9)) + [19, 20, 21, 59, 60, 61, 79, 80, 119, 120]
    static let heights = [0, 1, 3, 5, 6, 7, 10, 15, 16, 19, 20, 24, 41]

    static let overlays: [@Sendable (inout AppState) -> Void] = [
        { _ in },
        { $0.overlay = .help(scroll: 3) },
        { $0.overlay = .details(GoldenFixture.id("worker")) },
        { $0.overlay = .confirm(.stop(GoldenFixture.id("ledger-service"))) },
        { s in s.focus = .graph; _ = Update.apply(.action(.details), to: &s); s.zoomed = .graph },
        { s in s.focus = .timeline; _ = Update.apply(.action(.filter), to: &s); _ = Update.apply(.input(.char("a")), to: &s) },
    ]

    @Test(arguments: [GlyphSet.unicode, .ascii])
    func everySizeDrawsFullRows(glyphs: GlyphSet) {
        var base = GoldenFixture.state()
        // Wide glyphs in names and messages must not push rows past the screen edge.
        let wide = Project(name: "数据服务-ダッシュ", path: "/work/examples/wide", kinds: [.node], ports: [3001])
        _ = Update.apply(.event(.scanned(roots: ["/work/examples"], projects: GoldenFixture.projects + [wide])), to: &base)
        _ = Update.apply(.event(.diagnostic(Diagnostic(time: GoldenFixture.time(50), severity: .error, source: "数据服务",
                                                        project: wide.id, message: "端口 3001 已被占用 🚫"))), to: &base)
        _ = Update.apply(.event(.timeline(TimelineEntry(time: GoldenFixture.time(50), kind: .error, project: wide.id,
                                                        text: "崩溃了 💥"))), to: &base)
        base.graph.nodes.append(.init(id: "w", label: "数据服务", kind: .project, x: 1, y: 1))
        var n = 0
        for w in Self.widths {
            for h in Self.heights {
                var state = base
                Self.overlays[n % Self.overlays.count](&state)
                n += 1
                let buffer = AppView(state: state, glyphs: glyphs,
                                     timeZone: ClockZone.utc).render(size: Size(width: w, height: h))
                #expect(buffer.lines.count == h)
                for line in buffer.lines where DisplayWidth.of(line) != w {
                    Issue.record("row of width \(DisplayWidth.of(line)) on a \(w)x\(h) screen: \(line)")
                }
                if w >= 20 && h >= 6 {
                    #expect(!buffer.lines.joined().lowercased().contains("too small"))
                }
            }
        }
    }
}
