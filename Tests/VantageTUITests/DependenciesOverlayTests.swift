import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("Dependencies view")
struct DependenciesOverlayTests {
    static func state() -> AppState {
        var s = GoldenFixture.state()
        s.insights[GoldenFixture.id("api")]?.dependencies.details = DependenciesFixture.api
        s.selectedProject = GoldenFixture.id("api")
        return s
    }

    static func text(_ lines: [StyledLine]) -> [String] { lines.map { $0.spans.map(\.text).joined() } }

    @Test func theKeyOpensItForTheSelectedProjectAndEscClosesIt() {
        var s = Self.state()
        _ = Update.apply(.action(.dependencies), to: &s)
        #expect(s.overlay == .dependencies(GoldenFixture.id("api"), scroll: 0))
        _ = Update.apply(.action(.back), to: &s)
        #expect(s.overlay == nil)
        // From the details overlay too.
        s.overlay = .details(GoldenFixture.id("api"))
        _ = Update.apply(.action(.dependencies), to: &s)
        #expect(s.overlay == .dependencies(GoldenFixture.id("api"), scroll: 0))
    }

    @Test func scrollingStopsAtTheLastLine() {
        var s = Self.state()
        _ = Update.apply(.action(.dependencies), to: &s)
        let count = DependenciesOverlay(projectName: "api", insight: s.insights[GoldenFixture.id("api")], glyphs: .unicode).lines(width: 80).count
        for _ in 0..<200 { _ = Update.apply(.action(.down), to: &s) }
        #expect(s.overlay == .dependencies(GoldenFixture.id("api"), scroll: count - 1))
        _ = Update.apply(.action(.top), to: &s)
        #expect(s.overlay == .dependencies(GoldenFixture.id("api"), scroll: 0))
        // PageUp moves by the rows an overlay shows on this screen (the body less the box).
        _ = Update.apply(.resized(Size(width: 80, height: 24)), to: &s)
        _ = Update.apply(.action(.bottom), to: &s)
        _ = Update.apply(.action(.pageUp), to: &s)
        #expect(s.overlay == .dependencies(GoldenFixture.id("api"), scroll: count - 1 - 21))
        _ = Update.apply(.action(.down), to: &s)
        _ = Update.apply(.action(.bottom), to: &s)
        _ = Update.apply(.action(.down), to: &s)
        #expect(s.notice?.text == "down: already at the bottom")
    }

    @Test func aVanishedProjectClosesIt() {
        var s = Self.state()
        _ = Update.apply(.action(.dependencies), to: &s)
        let others = s.projects.filter { $0.id != GoldenFixture.id("api") && $0.engine == nil }
        _ = Update.apply(.event(.scanned(roots: s.roots, projects: others)), to: &s)
        #expect(s.overlay == nil)
    }

    @Test func everySectionIsThere() {
        let s = Self.state()
        let lines = Self.text(DependenciesOverlay(projectName: "api", insight: s.insights[GoldenFixture.id("api")], glyphs: .unicode).lines(width: 100))
        for heading in ["Vulnerabilities", "Packages  5 (3 direct)", "Licences", "Conflicts", "Lock files  1 problem", "Outdated", "Skipped by environment marker  1"] {
            #expect(lines.contains { $0.hasPrefix(heading) }, "\(heading) in \(lines)")
        }
        #expect(lines.contains { $0.contains("minimist") && $0.contains("high") && $0.contains("licence ?") })
        #expect(lines.contains { $0.contains("unknown (offline)") })
        #expect(lines.contains { $0.contains("qs: ^6.11 (package.json) and <6 (tools/package.json)") })
    }

    @Test func outdatedPackagesAreListedWhenAToolWasAskedAndUnknownOnesSaySo() {
        var insight = Self.state().insights[GoldenFixture.id("api")]!
        insight.dependencies.details?.outdated = [
            .init(name: "express", current: "4.18.2", latest: "4.21.0", status: "available"),
            .init(name: "lodash", current: "4.17.4", latest: nil, status: "unknown (offline)"),
            .init(name: "qs", current: "6.11.0", latest: "6.11.0", status: "up to date"),
        ]
        let lines = Self.text(DependenciesOverlay(projectName: "api", insight: insight, glyphs: .unicode).lines(width: 100))
        #expect(lines.contains("  express 4.18.2 → 4.21.0"))
        #expect(lines.contains("  lodash 4.17.4: unknown (offline)"))
        #expect(!lines.contains { $0.contains("qs 6.11.0 →") })
    }

    @Test func beforeTheFirstAnalysisItSaysSo() {
        let lines = Self.text(DependenciesOverlay(projectName: "worker", insight: nil, glyphs: .unicode).lines(width: 60))
        #expect(lines == ["not analysed yet (the analyzer runs in the background)"])
    }

    @Test func refreshAsksTheToolsOnceAndSaysSoUntilTheAnswerComes() {
        var s = Self.state()
        let id = GoldenFixture.id("api")
        _ = Update.apply(.action(.dependencies), to: &s)
        #expect(Update.apply(.action(.refresh), to: &s) == [.checkOutdated(id)])
        #expect(s.insights[id]?.dependencies.outdated == Update.checkingOutdated)
        #expect(Update.apply(.action(.refresh), to: &s) == [], "one question at a time")
        let lines = Self.text(DependenciesOverlay(projectName: "api", insight: s.insights[id], refreshKey: "r", glyphs: .unicode).lines(width: 100))
        #expect(lines.contains("  " + Update.checkingOutdated))
        // The analyzer's answer replaces the insight.
        var answered = s.insights[id]!
        answered.dependencies.outdated = "1 available"
        answered.dependencies.details?.outdated = [.init(name: "express", current: "4.18.2", latest: "4.21.0", status: "available")]
        _ = Update.apply(.event(.insight(answered)), to: &s)
        let after = Self.text(DependenciesOverlay(projectName: "api", insight: s.insights[id], refreshKey: "r", glyphs: .unicode).lines(width: 100))
        #expect(after.contains("Outdated  1 available"))
        #expect(after.contains("  express 4.18.2 → 4.21.0"))
    }

    @Test func beforeAskingTheKeyIsNamed() {
        let s = Self.state()
        let lines = Self.text(DependenciesOverlay(projectName: "api", insight: s.insights[GoldenFixture.id("api")], refreshKey: "r", glyphs: .unicode).lines(width: 100))
        #expect(lines.contains("  unknown (offline): not looked up in the background (press r to ask the tools)"))
    }
}
