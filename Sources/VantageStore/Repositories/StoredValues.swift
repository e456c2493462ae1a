import Foundation
import VantageCore

/// One finished scan, as stored.
public struct ScanRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var time: Date
    public var roots: [String]
    public var projectCount: Int
    /// How long the scan took, when the caller knew.
    public var duration: Duration?

    public init(id: Int64, time: Date, roots: [String], projectCount: Int, duration: Duration?) {
        self.id = id
        self.time = time
        self.roots = roots
        self.projectCount = projectCount
        self.duration = duration
    }
}

/// A project as stored, with when a scan last found it.
public struct StoredProject: Sendable, Equatable {
    public var project: Project
    public var lastSeen: Date
    public init(project: Project, lastSeen: Date) {
        self.project = project
        self.lastSeen = lastSeen
    }
}

/// A time series Vantage keeps history of.
public enum Metric: String, Sendable, CaseIterable, Codable {
    // Machine-wide (stored with project '').
    case systemCPU = "system.cpu"                 // percent of all CPUs
    case systemMemoryUsed = "system.memory.used"  // bytes
    case systemLoad1 = "system.load1"
    case networkReceive = "system.net.rx"         // bytes/s
    case networkTransmit = "system.net.tx"        // bytes/s
    case diskRead = "system.disk.read"            // bytes/s
    case diskWrite = "system.disk.write"          // bytes/s
    // Per project.
    case projectCPU = "project.cpu"               // percent of one core
    case projectRSS = "project.rss"               // bytes

    public var isPerProject: Bool { rawValue.hasPrefix("project.") }
}

/// One point of a metric's history: a raw sample or a minute's average (at the minute's start).
public struct MetricPoint: Sendable, Equatable {
    public var time: Date
    public var value: Double
    public init(time: Date, value: Double) {
        self.time = time
        self.value = value
    }
}

/// One stored metric value, as exported (`vantage history export`).
public struct StoredMetricRow: Sendable, Equatable, Codable {
    public var time: Date
    public var metric: Metric
    /// Nil for machine-wide metrics.
    public var project: ProjectID?
    public var value: Double
    /// Samples behind the value: 1 for a raw sample, the count averaged for a minute.
    public var samples: Int
    /// A minute's average (older than the raw retention), not one sample.
    public var isMinuteAverage: Bool

    public init(time: Date, metric: Metric, project: ProjectID?, value: Double, samples: Int, isMinuteAverage: Bool) {
        self.time = time
        self.metric = metric
        self.project = project
        self.value = value
        self.samples = samples
        self.isMinuteAverage = isMinuteAverage
    }
}

/// What one `compact(now:)` did.
public struct CompactionReport: Sendable, Equatable {
    /// Raw samples folded into minute averages (and deleted).
    public var rawSamplesFolded: Int
    /// Minute averages written or updated.
    public var minutesWritten: Int
    /// Minute averages older than the retention, deleted.
    public var minutesExpired: Int
    public init(rawSamplesFolded: Int, minutesWritten: Int, minutesExpired: Int) {
        self.rawSamplesFolded = rawSamplesFolded
        self.minutesWritten = minutesWritten
        self.minutesExpired = minutesExpired
    }
}

/// How long each kind of history is kept.
public struct Retention: Sendable, Equatable {
    public var raw: Duration
    public var minutes: Duration
    public init(raw: Duration = .seconds(3600), minutes: Duration = .seconds(30 * 24 * 3600)) {
        self.raw = raw
        self.minutes = minutes
    }
    public static let standard = Retention()
}

