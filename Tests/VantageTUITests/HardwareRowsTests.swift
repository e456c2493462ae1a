import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Metrics' per-core, swap and temperature rows: shown from `ScreenLayout.hardwareWidth` columns,
/// each only for what the machine has, and the pane grows by the rows it adds.
@Suite struct HardwareRowsTests {
    static func state(width: Int, _ change: (inout SystemSample) -> Void = { _ in }) throws -> AppState {
        var s = GoldenFixture.state()
        var sample = try #require(s.system)
        change(&sample)
        s.system = sample
        s.screenSize = Size(width: width, height: 40)
        return s
    }

    @Test func wideScreensAddCoresSwapAndTemperaturesHottestFirst() throws {
        let s = try Self.state(width: ScreenLayout.hardwareWidth)
        let rows = PaneContent.hardwareRows(s, glyphs: .unicode)
        #expect(rows.map(\.label) == ["Cores", "Swap", "Temp"])
        try #require(rows.count == 3)
        #expect(rows[0].chart == .columns && rows[0].values.count == 2)
        #expect(rows[1].current == "512M/2.0G" && rows[1].chart == .meter(0.25))
        #expect(rows[2].chart == .items(["coretemp Package id 0 58°C", "nvme Composite 42°C", "acpitz 28°C"]))
        #expect(PaneContent.hardwareRows(s, glyphs: .ascii).last?.chart == .items(["coretemp Package id 0 58C", "nvme Composite 42C", "acpitz 28C"]))
        #expect(s.contentRows[.metrics] == ScreenLayout.metricsRows + 3)
    }

    @Test func narrowScreensAndAbsentSensorsAddNothing() throws {
        let narrow = try Self.state(width: ScreenLayout.hardwareWidth - 1)
        #expect(PaneContent.hardwareRows(narrow, glyphs: .unicode).isEmpty)
        #expect(narrow.contentRows[.metrics] == ScreenLayout.metricsRows)
        let bare = try Self.state(width: 200) {
            $0.temperatures = []
            $0.corePercents = []
            $0.swapTotalBytes = 0
            $0.swapFreeBytes = 0
        }
        let rows = PaneContent.hardwareRows(bare, glyphs: .unicode)
        #expect(rows.map(\.label) == ["Swap"])
        #expect(rows.first?.chart == .items(["none"]))
    }

    @Test func aHotSensorIsDrawnInTheWarningOrErrorColour() throws {
        let warm = try Self.state(width: 120) { $0.temperatures = [Temperature(label: "cpu", celsius: 85)] }
        #expect(PaneContent.hardwareRows(warm, glyphs: .unicode).last?.currentRole == .warn)
        let hot = try Self.state(width: 120) { $0.temperatures = [Temperature(label: "cpu", celsius: 97)] }
        #expect(PaneContent.hardwareRows(hot, glyphs: .unicode).last?.currentRole == .error)
    }

    @Test func itemsThatDoNotFitAreCounted() {
        let items = ["aaaa 50°C", "bbbb 40°C", "cccc 30°C"]
        #expect(MetricsPanel.fitted(items, width: 40) == "aaaa 50°C  bbbb 40°C  cccc 30°C")
        #expect(MetricsPanel.fitted(items, width: 24) == "aaaa 50°C  bbbb 40°C  +1")
        #expect(MetricsPanel.fitted(items, width: 23) == "aaaa 50°C  +2")
        #expect(MetricsPanel.fitted(items, width: 5) == "aaaa 50°C")      // the first, cut by the caller's width
        #expect(MetricsPanel.fitted([], width: 10) == "")
    }
}
