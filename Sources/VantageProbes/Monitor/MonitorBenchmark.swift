import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Measures what monitoring costs: the time of one sampling tick, and the CPU the Monitor actor
/// uses when it runs on its timer. Used by `vantage bench monitor` and `scripts/bench/proc-sample.sh`.
public enum MonitorBenchmark {
    public struct TickCost: Sendable, Codable {
        public var ticks: Int
        public var processes: Int
        public var projects: Int
        /// Mean wall time and CPU time of one tick, in microseconds.
        public var wallMicrosPerTick: Double
        public var cpuMicrosPerTick: Double
        /// The slowest tick's wall time, in microseconds.
        public var maxWallMicros: Double
    }

    public struct LoopCost: Sendable, Codable {
        public var seconds: Double
        public var intervalSeconds: Double
        public var ticks: Int
        /// This process's CPU over the run, as a percentage of one core.
        public var cpuPercentOfCore: Double
    }

    /// Samples `ticks` times back to back (after one warm-up tick).
    public static func tickCost(projects: [Project], ticks: Int = 100, procRoot: String = "/proc") -> TickCost {
        // A benchmark: real time throughout.
        let sampler = MonitorSampler(projects: projects, procRoot: procRoot)
        _ = sampler.sample(at: Date())
        var maxWall = 0.0
        let cpu0 = ProcReader.processCPUSeconds(), wall0 = ProcReader.monotonicSeconds()
        for _ in 0..<ticks {
            let t = ProcReader.monotonicSeconds()
            _ = sampler.sample(at: Date())
            maxWall = max(maxWall, ProcReader.monotonicSeconds() - t)
        }
        let wall = ProcReader.monotonicSeconds() - wall0, cpu = ProcReader.processCPUSeconds() - cpu0
        let processes = ProcessTable.read(from: sampler.reader, withCWD: false).processes.count
        return TickCost(ticks: ticks, processes: processes, projects: projects.count,
                        wallMicrosPerTick: wall / Double(ticks) * 1e6, cpuMicrosPerTick: cpu / Double(ticks) * 1e6,
                        maxWallMicros: maxWall * 1e6)
    }

    /// Runs a `Monitor` on a bus for `duration` at `interval` (with one subscriber draining the
    /// events, as the app would) and reports this process's CPU share.
    public static func loopCost(projects: [Project], duration: Duration, interval: Duration = .seconds(1),
                                procRoot: String = "/proc") async -> LoopCost {
        let bus = Bus()
        let events = bus.events()
        let drain = Task { var n = 0; for await _ in events { n += 1 }; return n }
        let monitor = Monitor(bus: bus, clock: bus.clock, projects: projects, interval: interval, procRoot: procRoot)
        let cpu0 = ProcReader.processCPUSeconds(), wall0 = ProcReader.monotonicSeconds()
        let running = Task { await monitor.run() }
        try? await Task.sleep(for: duration)
        bus.send(.shutdown)
        await running.value
        let wall = ProcReader.monotonicSeconds() - wall0, cpu = ProcReader.processCPUSeconds() - cpu0
        bus.close()
        let published = await drain.value
        return LoopCost(seconds: wall, intervalSeconds: interval.seconds,
                        ticks: published / 2, cpuPercentOfCore: cpu / wall * 100)
    }

}
