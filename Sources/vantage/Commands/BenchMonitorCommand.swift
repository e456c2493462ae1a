import ArgumentParser
import Foundation
import VantageCore
import VantageProbes

/// `vantage bench monitor`: what one /proc sampling tick costs, and the Monitor's CPU share when
/// it runs on its timer (the ≤ 0.5 % of a core idle target).
struct BenchMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Measure the cost of sampling /proc (µs per tick) and the Monitor's idle CPU share.")

    @Option(name: .long, help: "Treat every folder directly under DIR as a project (repeatable).")
    var root: [String] = []

    @Option(name: .long, help: "Back-to-back ticks to time.")
    var ticks: Int = 200

    @Option(name: .long, help: "Seconds to run the Monitor on its timer (0 to skip).")
    var seconds: Int = 10

    @Option(name: .long, help: "Refresh interval of the timed run, in seconds.")
    var refresh: Double = 1

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() async throws {
        let projects = root.flatMap(Self.projects(under:))
        let tick = MonitorBenchmark.tickCost(projects: projects, ticks: max(1, ticks))
        var loop: MonitorBenchmark.LoopCost?
        if seconds > 0 {
            loop = await MonitorBenchmark.loopCost(projects: projects, duration: .seconds(seconds),
                                                   interval: .milliseconds(Int64(refresh * 1000)))
        }
        if json {
            struct Report: Encodable { var tick: MonitorBenchmark.TickCost; var loop: MonitorBenchmark.LoopCost? }
            try JSONOutput.print(Report(tick: tick, loop: loop))
            return
        }
        print(String(format: "monitor tick: %.0f µs wall, %.0f µs CPU per tick (max %.0f µs) over %d ticks; %d processes, %d projects",
                     tick.wallMicrosPerTick, tick.cpuMicrosPerTick, tick.maxWallMicros, tick.ticks, tick.processes, tick.projects))
        if let loop {
            print(String(format: "monitor loop: %.3f %% of a core over %.1f s at a %.2f s refresh (%d ticks)",
                         loop.cpuPercentOfCore, loop.seconds, loop.intervalSeconds, loop.ticks))
        }
    }

    static func projects(under root: String) -> [Project] {
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return names.sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            let path = base + "/" + name
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            return Project(name: name, path: path, kinds: [.command])
        }
    }
}
