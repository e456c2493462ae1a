import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Wide screens use their width (issue 12 §5): the grid adds PID, uptime, restarts and
/// environment when they fit beside every other column at full width.
@Suite("Wide grid")
struct WideGridTests {
    static func screen(_ s: AppState, _ w: Int, _ h: Int) -> [String] {
        AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: Size(width: w, height: h)).lines
    }

    @Test func stateChangesGiveUptimeAndRestarts() {
        var s = GoldenFixture.state()
        let shop = GoldenFixture.id("shop"), api = GoldenFixture.id("api")
        for (from, to) in [(RunState.stopped, RunState.starting), (.starting, .running), (.running, .backoff), (.backoff, .starting),
                           (.starting, .backoff)] {
            _ = Update.apply(.event(.stateChanged(project: shop, from: from, to: to)), to: &s)
        }
        #expect(s.restarts[shop] == 2 && s.upSince[shop] == nil)
        _ = Update.apply(.event(.stateChanged(project: api, from: .stopped, to: .starting)), to: &s)
        #expect(s.upSince[api] == s.now)
        _ = Update.apply(.event(.stateChanged(project: api, from: .starting, to: .ready)), to: &s)
        #expect(s.upSince[api] == s.now, "still up: the time it came up stays")
        _ = Update.apply(.event(.stateChanged(project: api, from: .ready, to: .stopped)), to: &s)
        #expect(s.upSince[api] == nil)
    }

    @Test func theGridAddsColumnsOnlyWhereTheyFit() throws {
        var s = GoldenFixture.state()
        let api = GoldenFixture.id("api"), shop = GoldenFixture.id("shop")
        s.upSince[api] = s.now.addingTimeInterval(-(3 * 3600 + 5 * 60))
        s.restarts[shop] = 3
        let wide = Self.screen(s, 200, 50)
        let header = try #require(wide.first { $0.contains("Name") && $0.contains("Status") })
        for column in ["PID", "Uptime", "Restarts", "Env"] { #expect(header.contains(column), "\(column) in \(header)") }
        let apiRow = try #require(wide.first { $0.contains(">api ") })
        #expect(apiRow.contains("4101 +1") && apiRow.contains("3h05m") && apiRow.contains("development"), "\(apiRow)")
        let shopRow = try #require(wide.first { $0.contains(" shop ") && $0.contains("backoff") })
        #expect(shopRow.contains("  3 "), "\(shopRow)")
        // At 120 columns the grid keeps its usual columns.
        let narrow = Self.screen(s, 120, 40)
        #expect(!narrow.contains { $0.contains("Uptime") || $0.contains("Restarts") })
        #expect(wide.allSatisfy { DisplayWidth.of($0) == 200 })
    }

    @Test func uptimeIsShortAndBounded() {
        #expect(Formatting.uptime(45) == "45s")
        #expect(Formatting.uptime(12 * 60 + 5) == "12m")
        #expect(Formatting.uptime(3 * 3600 + 5 * 60) == "3h05m")
        #expect(Formatting.uptime(2 * 86_400 + 4 * 3600) == "2d04h")
        #expect(Formatting.uptime(412 * 86_400) == "412d")
        #expect(Formatting.uptime(-1) == "-" && Formatting.uptime(.infinity) == "-" && Formatting.uptime(.nan) == "-")
    }
}
