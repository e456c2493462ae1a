import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Golden screens of the pure view at 40, 60, 80 and 120 columns, dark and light, Unicode and
/// ASCII, plus overlays and zoomed panes. Re-record: `VANTAGE_RECORD_GOLDENS=1 swift test --filter Golden`.
@Suite("Golden screens")
struct GoldenScreenTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var width: Int
        var height: Int
        var variant: Theme.Variant
        var glyphs: GlyphSet
        var adjust: @Sendable (inout AppState) -> Void = { _ in }
        var description: String { name }
    }

    static let sizes = [(40, 20), (60, 24), (80, 30), (120, 40)]

    static let cases: [Case] = {
        var out: [Case] = []
        for (w, h) in sizes {
            out.append(Case(name: "dashboard-\(w)x\(h)-dark", width: w, height: h, variant: .dark, glyphs: .unicode))
            out.append(Case(name: "dashboard-\(w)x\(h)-light", width: w, height: h, variant: .light, glyphs: .unicode))
            out.append(Case(name: "dashboard-\(w)x\(h)-ascii", width: w, height: h, variant: .dark, glyphs: .ascii))
        }
        for pane in [PaneID.graph, .timeline, .troubleshooting] {
            for (suffix, variant, glyphs) in [("dark", Theme.Variant.dark, GlyphSet.unicode), ("light", .light, .unicode),
                                              ("ascii", .dark, .ascii)] {
                out.append(Case(name: "zoom-\(pane.rawValue)-80x24-\(suffix)", width: 80, height: 24, variant: variant,
                                glyphs: glyphs, adjust: { s in s.focus = pane; s.zoomed = pane }))
            }
        }
        for (suffix, variant, glyphs) in [("dark", Theme.Variant.dark, GlyphSet.unicode), ("ascii", .dark, .ascii)] {
            out.append(Case(name: "graph-focus-api-120x30-\(suffix)", width: 120, height: 30, variant: variant, glyphs: glyphs,
                            adjust: { s in
                                for a in [Action.focusNext, .focusNext, .zoom, .details] { _ = Update.apply(.action(a), to: &s) }
                            }))
        }
        // The graph's legend strip (i), zoomed, at every width; ASCII letters at 80.
        for (w, h) in sizes {
            for (suffix, variant, glyphs) in [("dark", Theme.Variant.dark, GlyphSet.unicode), ("light", .light, .unicode)] {
                out.append(Case(name: "graph-legend-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: glyphs,
                                adjust: { s in
                                    s.focus = .graph
                                    s.zoomed = .graph
                                    _ = Update.apply(.action(.legend), to: &s)
                                }))
            }
        }
        out.append(Case(name: "graph-legend-80x30-ascii", width: 80, height: 30, variant: .dark, glyphs: .ascii,
                        adjust: { s in
                            s.focus = .graph
                            s.zoomed = .graph
                            _ = Update.apply(.action(.legend), to: &s)
                        }))
        // The grid sorted by CPU (the arrow in the header, "by CPU" in the title).
        for (w, h, suffix, variant) in [(40, 20, "dark", Theme.Variant.dark), (60, 24, "dark", .dark), (80, 30, "light", .light),
                                        (120, 40, "dark", .dark)] {
            out.append(Case(name: "sorted-cpu-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                            adjust: { s in for _ in 0..<4 { _ = Update.apply(.action(.sortNext), to: &s) } }))
        }
        // The same sort reversed (I): the idlest first, the header's arrow turned; ASCII (^) at 80.
        for (w, h, suffix, variant, glyphs) in [(40, 20, "dark", Theme.Variant.dark, GlyphSet.unicode), (60, 24, "light", .light, .unicode),
                                                (80, 30, "ascii", .dark, .ascii), (120, 40, "light", .light, .unicode)] {
            out.append(Case(name: "sorted-cpu-reversed-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: glyphs,
                            adjust: { s in for a in [Action](repeating: .sortNext, count: 4) + [.sortReverse] { _ = Update.apply(.action(a), to: &s) } }))
        }
        // The : prompt with what the word can become.
        for (w, h, suffix, variant) in [(40, 20, "dark", Theme.Variant.dark), (60, 24, "light", .light), (80, 30, "dark", .dark),
                                        (120, 40, "light", .light)] {
            out.append(Case(name: "palette-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                            adjust: { s in
                                _ = Update.apply(.action(.palette), to: &s)
                                for c in "restart w" { _ = Update.apply(.input(.char(c)), to: &s) }
                            }))
        }
        out.append(Case(name: "side-graph-40x20-dark", width: 40, height: 20, variant: .dark, glyphs: .unicode,
                        adjust: { $0.focus = .graph }))
        // A wide screen: the grid's PID, uptime, restarts and environment columns.
        for (suffix, variant) in [("dark", Theme.Variant.dark), ("light", .light)] {
            out.append(Case(name: "dashboard-200x50-\(suffix)", width: 200, height: 50, variant: variant, glyphs: .unicode,
                            adjust: { s in
                                s.upSince[GoldenFixture.id("api")] = s.now.addingTimeInterval(-(3 * 3600 + 5 * 60))
                                s.restarts[GoldenFixture.id("shop")] = 3
                            }))
        }
        for (w, h, suffix, variant) in [(40, 20, "dark", Theme.Variant.dark), (60, 24, "light", .light), (80, 30, "dark", .dark),
                                        (120, 40, "dark", .dark), (120, 40, "light", .light)] {
            out.append(Case(name: "help-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                            adjust: { $0.overlay = .help(scroll: 0) }))
        }
        out.append(Case(name: "details-api-120x40-dark", width: 120, height: 40, variant: .dark, glyphs: .unicode,
                        adjust: { $0.overlay = .details(GoldenFixture.id("api")) }))
        out.append(Case(name: "details-worker-80x30-ascii", width: 80, height: 30, variant: .dark, glyphs: .ascii,
                        adjust: { s in s.selectedProject = GoldenFixture.id("worker"); s.overlay = .details(GoldenFixture.id("worker")) }))
        out.append(Case(name: "confirm-stop-60x24-light", width: 60, height: 24, variant: .light, glyphs: .unicode,
                        adjust: { $0.overlay = .confirm(.stop(GoldenFixture.id("api"))) }))
        for (w, h, suffix, variant, glyphs) in [(80, 30, "dark", Theme.Variant.dark, GlyphSet.unicode), (40, 20, "ascii", .dark, .ascii),
                                                (120, 40, "light", .light, .unicode)] {
            out.append(Case(name: "quit-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: glyphs,
                            adjust: { s in _ = Update.apply(.action(.quit), to: &s) }))
        }
        out.append(Case(name: "filter-projects-80x30-dark", width: 80, height: 30, variant: .dark, glyphs: .unicode,
                        adjust: { s in
                            _ = Update.apply(.action(.filter), to: &s)
                            _ = Update.apply(.input(.char("w")), to: &s)
                        }))
        for (suffix, variant, glyphs) in [("dark", Theme.Variant.dark, GlyphSet.unicode), ("light", .light, .unicode),
                                          ("ascii", .dark, .ascii)] {
            out.append(Case(name: "logs-api-80x24-\(suffix)", width: 80, height: 24, variant: variant, glyphs: glyphs,
                            adjust: { s in
                                for event in GoldenFixture.apiLogs { _ = Update.apply(.event(event), to: &s) }
                                _ = Update.apply(.action(.logs), to: &s)
                                _ = Update.apply(.action(.wrap), to: &s)
                                _ = Update.apply(.action(.filter), to: &s)
                                for c in "db" { _ = Update.apply(.input(.char(c)), to: &s) }
                                _ = Update.apply(.input(.enter), to: &s)
                                _ = Update.apply(.action(.follow), to: &s)
                            }))
        }
        // The knowledge layer: the council overlay and the console (troubleshooting, log viewer) at every width.
        for (w, h) in sizes {
            for (suffix, variant) in [("dark", Theme.Variant.dark), ("light", .light)] {
                out.append(Case(name: "council-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                                adjust: { s in
                                    _ = Update.apply(.event(.council(GoldenFixture.councilProposals)), to: &s)
                                    _ = Update.apply(.action(.council), to: &s)
                                    _ = Update.apply(.action(.down), to: &s)
                                }))
                out.append(Case(name: "troubleshooting-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                                adjust: { s in
                                    for e in GoldenFixture.troubleshootingAdvice { _ = Update.apply(.event(e), to: &s) }
                                    s.focus = .troubleshooting
                                    s.zoomed = .troubleshooting
                                    _ = Update.apply(.action(.up), to: &s)
                                    _ = Update.apply(.action(.up), to: &s)
                                }))
                if w != 80 {
                    out.append(Case(name: "logs-api-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                                    adjust: { s in
                                        for event in GoldenFixture.apiLogs { _ = Update.apply(.event(event), to: &s) }
                                        _ = Update.apply(.action(.logs), to: &s)
                                        _ = Update.apply(.action(.filter), to: &s)
                                        for c in "db" { _ = Update.apply(.input(.char(c)), to: &s) }
                                        _ = Update.apply(.input(.enter), to: &s)
                                    }))
                }
            }
        }
        // The schedule overlay, the failed job selected (its message wrapped), and an empty schedule.
        for (w, h) in sizes {
            for (suffix, variant) in [("dark", Theme.Variant.dark), ("light", .light)] {
                out.append(Case(name: "schedule-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                                adjust: { s in
                                    _ = Update.apply(.event(.schedule(HostSchedule(jobs: GoldenFixture.scheduledJobs))), to: &s)
                                    _ = Update.apply(.action(.schedule), to: &s)
                                    _ = Update.apply(.action(.down), to: &s)
                                }))
            }
        }
        // The process view of api: the tree with a worker selected, and the signal chooser open on it.
        for (w, h) in sizes {
            for (suffix, variant) in [("dark", Theme.Variant.dark), ("light", .light)] {
                out.append(Case(name: "processes-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                                adjust: { s in
                                    _ = Update.apply(.action(.processes), to: &s)
                                    _ = Update.apply(.event(.processes(GoldenFixture.apiProcesses)), to: &s)
                                    for a in [Action.down, .down, .down] { _ = Update.apply(.action(a), to: &s) }
                                }))
            }
            out.append(Case(name: "processes-signal-\(w)x\(h)-dark", width: w, height: h, variant: .dark, glyphs: .unicode,
                            adjust: { s in
                                _ = Update.apply(.action(.processes), to: &s)
                                _ = Update.apply(.event(.processes(GoldenFixture.apiProcesses)), to: &s)
                                for a in [Action.down, .signal, .down, .down] { _ = Update.apply(.action(a), to: &s) }
                            }))
        }
        out.append(Case(name: "processes-reading-80x24-ascii", width: 80, height: 24, variant: .dark, glyphs: .ascii,
                        adjust: { s in _ = Update.apply(.action(.processes), to: &s) }))
        out.append(Case(name: "schedule-empty-80x24-dark", width: 80, height: 24, variant: .dark, glyphs: .unicode,
                        adjust: { s in
                            _ = Update.apply(.event(.schedule(HostSchedule(jobs: []))), to: &s)
                            _ = Update.apply(.action(.schedule), to: &s)
                        }))
        out.append(Case(name: "confirm-fix-80x24-dark", width: 80, height: 24, variant: .dark, glyphs: .unicode,
                        adjust: { s in
                            for e in GoldenFixture.troubleshootingAdvice { _ = Update.apply(.event(e), to: &s) }
                            s.focus = .troubleshooting
                            for a in [Action.up, .up, .applyFix] { _ = Update.apply(.action(a), to: &s) }
                        }))
        for (suffix, glyphs) in [("dark", GlyphSet.unicode), ("ascii", .ascii)] {
            out.append(Case(name: "graph-collapsed-api-80x24-\(suffix)", width: 80, height: 24, variant: .dark, glyphs: glyphs,
                            adjust: { s in
                                s.focus = .graph
                                s.zoomed = .graph
                                for a in [Action.details, .collapse] { _ = Update.apply(.action(a), to: &s) }
                            }))
        }
        out.append(Case(name: "graph-dependencies-80x24-dark", width: 80, height: 24, variant: .dark, glyphs: .unicode,
                        adjust: { s in
                            s.focus = .graph
                            s.zoomed = .graph
                            for _ in 0..<3 { _ = Update.apply(.action(.cycleKind), to: &s) }
                        }))
        out.append(Case(name: "timeline-shop-5min-80x24-light", width: 80, height: 24, variant: .light, glyphs: .unicode,
                        adjust: { s in
                            s.focus = .timeline
                            s.zoomed = .timeline
                            for a in [Action.cycleProject, .cycleProject, .cycleProject, .zoomIn, .zoomIn, .zoomIn] {
                                _ = Update.apply(.action(a), to: &s)
                            }
                        }))
        for (w, h) in [(40, 20), (120, 40)] {
            for (suffix, variant) in [("dark", Theme.Variant.dark), ("light", .light)] {
                out.append(Case(name: "dependencies-api-\(w)x\(h)-\(suffix)", width: w, height: h, variant: variant, glyphs: .unicode,
                                adjust: { s in
                                    s.insights[GoldenFixture.id("api")]?.dependencies.details = DependenciesFixture.api
                                    s.insights[GoldenFixture.id("api")]?.dependencies.conflicts = DependenciesFixture.api.conflicts.count
                                    s.selectedProject = GoldenFixture.id("api")
                                    _ = Update.apply(.action(.dependencies), to: &s)
                                }))
            }
        }
        out.append(Case(name: "too-small-18x5-dark", width: 18, height: 5, variant: .dark, glyphs: .unicode))
        return out
    }()

    static func screen(_ c: Case) -> (Buffer, Theme) {
        var state = GoldenFixture.state()
        state.themeVariant = c.variant
        c.adjust(&state)
        let view = AppView(state: state, glyphs: c.glyphs, timeZone: ClockZone.utc)
        let theme = ThemeLoader.builtin(c.variant.rawValue)
        return (view.render(size: Size(width: c.width, height: c.height)), theme)
    }

    @Test("matches its golden file", arguments: cases)
    func golden(_ c: Case) throws {
        let (buffer, theme) = Self.screen(c)
        let header = "\(c.name): \(c.width)x\(c.height), theme \(theme.name), glyphs \(c.glyphs.name), times in UTC"
        let text = GoldenScreen.render(buffer, theme: theme, header: header)
        if let diff = try GoldenScreen.check(c.name, actual: text) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test("ASCII screens contain no scalar at or above 0x80", arguments: cases.filter { $0.glyphs == .ascii })
    func asciiPurity(_ c: Case) {
        let (buffer, _) = Self.screen(c)
        for (row, line) in buffer.lines.enumerated() {
            let bad = line.unicodeScalars.filter { $0.value >= 0x80 }
            #expect(bad.isEmpty, "row \(row) of \(c.name) has non-ASCII \(bad.map { String($0) }): \(line)")
        }
    }

    @Test("every golden state drawn with ASCII glyphs is pure ASCII", arguments: cases)
    func everyScreenInAscii(_ c: Case) {
        var ascii = c
        ascii.glyphs = .ascii
        let (buffer, _) = Self.screen(ascii)
        let bad = buffer.lines.joined().unicodeScalars.filter { $0.value >= 0x80 }
        #expect(bad.isEmpty, "\(c.name) in ASCII has \(bad.map { String($0) })")
    }

    @Test("dark and light goldens differ in colour but not in text")
    func themesDiffer() {
        for (w, h) in Self.sizes {
            let dark = Self.screen(Case(name: "d", width: w, height: h, variant: .dark, glyphs: .unicode))
            let light = Self.screen(Case(name: "l", width: w, height: h, variant: .light, glyphs: .unicode))
            #expect(dark.0.lines == light.0.lines)
            #expect(GoldenScreen.render(dark.0, theme: dark.1, header: "") != GoldenScreen.render(light.0, theme: light.1, header: ""))
        }
    }
}
