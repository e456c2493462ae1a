/// How fast one process used CPU and storage between two ticks.
public struct ProcessRate: Sendable, Equatable {
    /// Share of one core, 0...100 per core in use.
    public var cpuPercent: Double
    public var ioReadBytesPerSec: Double
    public var ioWriteBytesPerSec: Double
    public init(cpuPercent: Double = 0, ioReadBytesPerSec: Double = 0, ioWriteBytesPerSec: Double = 0) {
        self.cpuPercent = cpuPercent
        self.ioReadBytesPerSec = ioReadBytesPerSec
        self.ioWriteBytesPerSec = ioWriteBytesPerSec
    }
}

/// Keeps the previous tick's counters keyed by (pid, start time), so a reused pid is never
/// compared with the process that had it before, and turns two readings into rates.
public struct ProcessRateTracker: Sendable {
    private struct Counters: Sendable {
        var cpuTicks: UInt64
        var ioRead: UInt64?
        var ioWrite: UInt64?
        /// When these counters were read (monotonic seconds).
        var at: Double
    }
    private var previous: [ProcessKey: Counters] = [:]
    private var previousTime: Double?
    private var previousUptime: Double?
    public let ticksPerSecond: Double

    public init(ticksPerSecond: Double) {
        self.ticksPerSecond = ticksPerSecond
    }

    /// Rates for the pids in `wanted` (all when nil), then remembers this table's fresh readings.
    /// A process seen for the first time counts from zero if it started after the previous tick,
    /// and has no rate otherwise (its earlier usage is not this window's). Readings carried over
    /// from an earlier tick (`readAt` set) get no rate and do not replace what is remembered.
    public mutating func advance(to table: ProcessTable, wanted: Set<Int32>? = nil) -> [Int32: ProcessRate] {
        var rates: [Int32: ProcessRate] = [:]
        let now = table.monotonicSeconds
        if let t0 = previousTime, now > t0 {
            let bornAfterTicks = previousUptime.map { $0 * ticksPerSecond }
            for (pid, p) in table.processes where p.readAt == nil && (wanted?.contains(pid) ?? true) {
                let before: Counters
                if let known = previous[p.key] {
                    before = known
                } else if let born = bornAfterTicks, Double(p.startTicks) >= born {
                    before = Counters(cpuTicks: 0, ioRead: 0, ioWrite: 0, at: t0)
                } else {
                    continue
                }
                let dt = now - before.at
                guard dt > 0 else { continue }
                var rate = ProcessRate()
                if p.cpuTicks >= before.cpuTicks {
                    rate.cpuPercent = Double(p.cpuTicks - before.cpuTicks) / ticksPerSecond / dt * 100
                }
                if let r = p.ioReadBytes, let r0 = before.ioRead, r >= r0 { rate.ioReadBytesPerSec = Double(r - r0) / dt }
                if let w = p.ioWriteBytes, let w0 = before.ioWrite, w >= w0 { rate.ioWriteBytesPerSec = Double(w - w0) / dt }
                rates[pid] = rate
            }
        }
        var next: [ProcessKey: Counters] = [:]
        next.reserveCapacity(table.processes.count)
        for p in table.processes.values {
            if p.readAt == nil {
                next[p.key] = Counters(cpuTicks: p.cpuTicks, ioRead: p.ioReadBytes, ioWrite: p.ioWriteBytes, at: now)
            } else if let kept = previous[p.key] {
                next[p.key] = kept
            }
        }
        previous = next
        previousTime = now
        previousUptime = table.uptimeSeconds
        return rates
    }
}
