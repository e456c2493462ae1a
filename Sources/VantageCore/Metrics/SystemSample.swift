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

    public init(time: Date, cpuPercent: Double, cpuCount: Int, memTotalBytes: UInt64, memAvailableBytes: UInt64,
                load1: Double, load5: Double, load15: Double, netRxBytesPerSec: Double, netTxBytesPerSec: Double,
                diskReadBytesPerSec: Double, diskWriteBytesPerSec: Double) {
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
    }

    public var memUsedBytes: UInt64 { memTotalBytes &- min(memAvailableBytes, memTotalBytes) }
    public var memPercent: Double {
        memTotalBytes == 0 ? 0 : Double(memUsedBytes) / Double(memTotalBytes) * 100
    }
}
