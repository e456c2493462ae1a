import VantageCore

/// The history the Metrics pane draws for the machine. Each series is a fixed-size ring.
public struct SystemSeries: Sendable, Equatable {
    public var cpu: Series
    public var memory: Series
    public var load: Series
    public var network: Series
    public var disk: Series

    public init(capacity: Int) {
        cpu = Series(capacity: capacity)
        memory = Series(capacity: capacity)
        load = Series(capacity: capacity)
        network = Series(capacity: capacity)
        disk = Series(capacity: capacity)
    }

    public mutating func append(_ s: SystemSample) {
        cpu.append(s.cpuPercent)
        memory.append(s.memPercent)
        load.append(s.load1)
        network.append(s.netRxBytesPerSec + s.netTxBytesPerSec)
        disk.append(s.diskReadBytesPerSec + s.diskWriteBytesPerSec)
    }
}

/// CPU and RSS history of one project.
public struct ProjectSeries: Sendable, Equatable {
    public var cpu: Series
    public var rss: Series

    public init(capacity: Int) {
        cpu = Series(capacity: capacity)
        rss = Series(capacity: capacity)
    }

    public mutating func append(_ s: ProjectSample) {
        cpu.append(s.cpuPercent)
        rss.append(Double(s.rssBytes))
    }
}
