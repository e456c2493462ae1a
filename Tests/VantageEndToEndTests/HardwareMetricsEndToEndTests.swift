import Foundation
import Testing
import VantageCore

/// Per-core CPU, swap and temperatures in Metrics on the real binary (issue 12 §7): from 120
/// columns the pane adds a bar per core ("Cores ... max N%") and swap (used/total, or "none" on a
/// machine without swap, read from /proc/meminfo here too); narrower screens keep the five
/// system rows. Temperatures appear only where sysfs has sensors (the fixture-tree unit test
/// covers their reading; this machine may have none, and then no "Temp" row may appear).
@Suite(.serialized) struct HardwareMetricsEndToEndTests {
    struct Fixture {
        let root = NSTemporaryDirectory() + "vantage-e2e-hardware-\(UUID().uuidString.prefix(8))"
        var home: String { root + "-home" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root + "/app", withIntermediateDirectories: true)
            try "command = \"sleep 600\"\n".write(toFile: root + "/app/.vantage.toml", atomically: true, encoding: .utf8)
        }

        func start(width: Int, height: Int) throws -> TmuxSession {
            let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
            return try TmuxSession(width: width, height: height,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    /// The Metrics pane's row that starts with `label` (the right part of the top row).
    static func metricsRow(_ label: String, _ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("│" + label + " ") }
    }

    static var swapTotalKB: UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("SwapTotal:") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { UInt64($0) }
    }

    static var hasTemperatureSensors: Bool {
        let fm = FileManager.default
        let hwmon = (try? fm.contentsOfDirectory(atPath: "/sys/class/hwmon")) ?? []
        let zones = ((try? fm.contentsOfDirectory(atPath: "/sys/class/thermal")) ?? []).filter { $0.hasPrefix("thermal_zone") }
        return !hwmon.isEmpty || !zones.isEmpty
    }

    @Test func wideScreensShowCoresAndSwapNarrowOnesDoNot() throws {
        let f = try Fixture()
        defer { f.remove() }
        let wide = try f.start(width: 120, height: 40)
        let shown = try wide.waitFor(timeout: 15) { Self.metricsRow("Cores", $0)?.contains("max ") == true && Self.metricsRow("Swap", $0) != nil }
        #expect(shown.ok, "screen:\n\(shown.screen)")
        let cores = try #require(Self.metricsRow("Cores", shown.screen))
        #expect(cores.range(of: #"max \d{1,3}%"#, options: .regularExpression) != nil, "\(cores)")
        let swap = try #require(Self.metricsRow("Swap", shown.screen))
        let total = try #require(Self.swapTotalKB)
        if total == 0 {
            #expect(swap.contains("none"), "no swap on this machine: \(swap)")
        } else {
            #expect(swap.contains("/"), "swap used/total: \(swap)")
        }
        if !Self.hasTemperatureSensors { #expect(Self.metricsRow("Temp", shown.screen) == nil, "no sensors here, no Temp row") }
        try wide.send("q")

        let narrow = try f.start(width: 100, height: 30)
        let compact = try narrow.waitFor(timeout: 15) { Self.metricsRow("Disk", $0) != nil }
        #expect(compact.ok, "screen:\n\(compact.screen)")
        #expect(Self.metricsRow("Cores", compact.screen) == nil && Self.metricsRow("Swap", compact.screen) == nil,
                "below 120 columns Metrics keeps its five system rows:\n\(compact.screen)")
        try narrow.send("q")
    }
}
