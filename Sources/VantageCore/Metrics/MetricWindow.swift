/// How far back the Metrics pane's sparklines reach. Each window keeps a fixed number of points,
/// one per bucket (a bucket holds the average of the samples that fell in it): the 5-minute window
/// draws raw samples, the longer ones the stored raw samples (the last hour) and minute averages
/// (30 days) averaged into wider buckets.
public enum MetricWindow: String, Codable, Sendable, CaseIterable {
    case fiveMinutes = "5m"
    case hour = "1h"
    case day = "24h"
    case week = "7d"

    /// The span shown, in seconds.
    public var seconds: Double {
        switch self {
        case .fiveMinutes: 300
        case .hour: 3600
        case .day: 86_400
        case .week: 604_800
        }
    }

    /// The width of one point, in seconds.
    public var bucketSeconds: Double {
        switch self {
        case .fiveMinutes: 1
        case .hour: 10
        case .day: 180
        case .week: 900
        }
    }

    /// Points kept per series (300, 360, 480, 672).
    public var points: Int { Int(seconds / bucketSeconds) }

    /// The window the window key moves to next (5 min → 1 h → 24 h → 7 days → 5 min).
    public var next: MetricWindow {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// How a person reads it ("5 min", "7 days").
    public var label: String {
        switch self {
        case .fiveMinutes: "5 min"
        case .hour: "1 h"
        case .day: "24 h"
        case .week: "7 days"
        }
    }
}
