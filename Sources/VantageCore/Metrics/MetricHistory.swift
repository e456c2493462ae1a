import Foundation

/// Stored history of the metrics the Metrics pane draws, for one window: the machine's series and
/// each project's CPU and RSS. Sent when a console starts or attaches (the sparklines start full,
/// not empty) and when the window key asks for another window.
public struct MetricHistory: Codable, Sendable, Equatable {
    public var window: MetricWindow
    public var system: SystemHistory
    public var projects: [ProjectID: ProjectHistory]

    public init(window: MetricWindow, system: SystemHistory, projects: [ProjectID: ProjectHistory]) {
        self.window = window
        self.system = system
        self.projects = projects
    }

    /// The machine's series: CPU and memory in percent, load, network and disk in bytes per second
    /// (received + sent, read + written).
    public struct SystemHistory: Codable, Sendable, Equatable {
        public var cpu: BucketSeries
        public var memory: BucketSeries
        public var load: BucketSeries
        public var network: BucketSeries
        public var disk: BucketSeries

        public init(window: MetricWindow) {
            cpu = BucketSeries(window: window)
            memory = BucketSeries(window: window)
            load = BucketSeries(window: window)
            network = BucketSeries(window: window)
            disk = BucketSeries(window: window)
        }

        public mutating func add(_ s: SystemSample) {
            cpu.add(s.cpuPercent, at: s.time)
            memory.add(s.memPercent, at: s.time)
            load.add(s.load1, at: s.time)
            network.add(s.netRxBytesPerSec + s.netTxBytesPerSec, at: s.time)
            disk.add(s.diskReadBytesPerSec + s.diskWriteBytesPerSec, at: s.time)
        }
    }

    /// A project's CPU (percent of one core) and RSS (bytes).
    public struct ProjectHistory: Codable, Sendable, Equatable {
        public var cpu: BucketSeries
        public var rss: BucketSeries

        public init(window: MetricWindow) {
            cpu = BucketSeries(window: window)
            rss = BucketSeries(window: window)
        }

        public init(cpu: BucketSeries, rss: BucketSeries) {
            self.cpu = cpu
            self.rss = rss
        }

        public mutating func add(_ s: ProjectSample) {
            cpu.add(s.cpuPercent, at: s.time)
            rss.add(Double(s.rssBytes), at: s.time)
        }
    }
}
