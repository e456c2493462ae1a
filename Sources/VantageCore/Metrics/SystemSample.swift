import Foundation

/// One reading of the whole machine, derived from two successive reads of /proc.
public struct SystemSample: Codable, Sendable, Equatable {
    public var time: Date
    /// Busy share of all CPUs, 0...100.
    public var cpuPercent: Double
    public var cpuCount: Int
    public var memTotalBytes: UInt64
    public var memAvailableBytes: UInt64
    public var load1: Double
    public var load5: Double
    public var load15: Double
    /// Bytes per second over all non-loopback interfaces.
    public var netRxBytesPerSec: Double
    public var netTxBytesPerSec: Double
    /// Bytes per second over all whole disks.
    public var diskReadBytesPerSec: Double
    public var diskWriteBytesPerSec: Double
    /// Busy share of each CPU, 0...100, in /proc/stat's order (`cpu0`, `cpu1`, …); empty without
    /// an earlier reading.
    public var corePercents: [Double]
    /// Swap space from /proc/meminfo (both zero on a machine without swap).
    public var swapTotalBytes: UInt64
    public var swapFreeBytes: UInt64
    /// The machine's temperature sensors (hwmon and thermal zones); empty where there are none.
    public var temperatures: [Temperature]

    public init(time: Date, cpuPercent: Double, cpuCount: Int, memTotalBytes: UInt64, memAvailableBytes: UInt64,
                load1: Double, load5: Double, load15: Double, netRxBytesPerSec: Double, netTxBytesPerSec: Double,
                diskReadBytesPerSec: Double, diskWriteBytesPerSec: Double, corePercents: [Double] = [],
                swapTotalBytes: UInt64 = 0, swapFreeBytes: UInt64 = 0, temperatures: [Temperature] = []) {
        self.time = time
        self.cpuPercent = cpuPercent
        self.cpuCount = cpuCount
        self.memTotalBytes = memTotalBytes
        self.memAvailableBytes = memAvailableBytes
        self.load1 = load1
        self.load5 = load5
        self.load15 = load15
        self.netRxBytesPerSec = netRxBytesPerSec
        self.netTxBytesPerSec = netTxBytesPerSec
        self.diskReadBytesPerSec = diskReadBytesPerSec
        self.diskWriteBytesPerSec = diskWriteBytesPerSec
        self.corePercents = corePercents
        self.swapTotalBytes = swapTotalBytes
        self.swapFreeBytes = swapFreeBytes
        self.temperatures = temperatures
    }

    /// A sample from a daemon built before the per-core, swap and temperature fields reads them as
    /// empty rather than failing the whole message.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(time: try c.decode(Date.self, forKey: .time), cpuPercent: try c.decode(Double.self, forKey: .cpuPercent),
                  cpuCount: try c.decode(Int.self, forKey: .cpuCount),
                  memTotalBytes: try c.decode(UInt64.self, forKey: .memTotalBytes),
                  memAvailableBytes: try c.decode(UInt64.self, forKey: .memAvailableBytes),
                  load1: try c.decode(Double.self, forKey: .load1), load5: try c.decode(Double.self, forKey: .load5),
                  load15: try c.decode(Double.self, forKey: .load15),
                  netRxBytesPerSec: try c.decode(Double.self, forKey: .netRxBytesPerSec),
                  netTxBytesPerSec: try c.decode(Double.self, forKey: .netTxBytesPerSec),
                  diskReadBytesPerSec: try c.decode(Double.self, forKey: .diskReadBytesPerSec),
                  diskWriteBytesPerSec: try c.decode(Double.self, forKey: .diskWriteBytesPerSec),
                  corePercents: try c.decodeIfPresent([Double].self, forKey: .corePercents) ?? [],
                  swapTotalBytes: try c.decodeIfPresent(UInt64.self, forKey: .swapTotalBytes) ?? 0,
                  swapFreeBytes: try c.decodeIfPresent(UInt64.self, forKey: .swapFreeBytes) ?? 0,
                  temperatures: try c.decodeIfPresent([Temperature].self, forKey: .temperatures) ?? [])
    }

    public var memUsedBytes: UInt64 { memTotalBytes &- min(memAvailableBytes, memTotalBytes) }
    public var swapUsedBytes: UInt64 { swapTotalBytes &- min(swapFreeBytes, swapTotalBytes) }
    public var memPercent: Double {
        memTotalBytes == 0 ? 0 : Double(memUsedBytes) / Double(memTotalBytes) * 100
    }
}
