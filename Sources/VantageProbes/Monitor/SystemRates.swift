import Foundation
import VantageCore

extension SystemSample {
    /// The machine's figures from two successive readings (rates are zero without an earlier one).
    public init(time: Date, current c: SystemCounters, previous p: SystemCounters?) {
        let dt = p.map { c.monotonicSeconds - $0.monotonicSeconds } ?? 0
        func rate(_ now: UInt64?, _ before: UInt64?) -> Double {
            guard dt > 0, let now, let before, now >= before else { return 0 }
            return Double(now - before) / dt
        }
        var cpu = 0.0
        if let now = c.cpu?.all, let before = p?.cpu?.all { cpu = now.busyPercent(since: before) }
        // Per core only when both readings list the same CPUs (one going offline renumbers nothing,
        // but changes the count: that tick shows no cores rather than mixed ones).
        var cores: [Double] = []
        if let now = c.cpu?.perCPU, let before = p?.cpu?.perCPU, now.count == before.count {
            cores = zip(now, before).map { $0.busyPercent(since: $1) }
        }
        self.init(time: time,
                  cpuPercent: cpu,
                  cpuCount: max(c.cpu?.perCPU.count ?? 0, 1),
                  memTotalBytes: c.memory?.totalBytes ?? 0,
                  memAvailableBytes: c.memory?.availableBytes ?? 0,
                  load1: c.load?.one ?? 0, load5: c.load?.five ?? 0, load15: c.load?.fifteen ?? 0,
                  netRxBytesPerSec: rate(c.network?.inBytes, p?.network?.inBytes),
                  netTxBytesPerSec: rate(c.network?.outBytes, p?.network?.outBytes),
                  diskReadBytesPerSec: rate(c.disk?.inBytes, p?.disk?.inBytes),
                  diskWriteBytesPerSec: rate(c.disk?.outBytes, p?.disk?.outBytes),
                  corePercents: cores,
                  swapTotalBytes: c.memory?.swapTotalBytes ?? 0, swapFreeBytes: c.memory?.swapFreeBytes ?? 0)
    }
}
