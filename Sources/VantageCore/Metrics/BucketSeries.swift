import Foundation

/// A metric's recent history at a fixed time resolution: one value per `bucketSeconds`, the
/// average of the samples that fell in that bucket, newest last, at most `capacity` buckets. A
/// bucket no sample fell in holds `nil` (the daemon was down, the project stopped), so a gap is
/// drawn as a gap and never as a zero.
public struct BucketSeries: Codable, Sendable, Equatable {
    public let bucketSeconds: Double
    public let capacity: Int
    /// Index (time / bucketSeconds, rounded down) of the first value.
    public private(set) var first: Int64
    public private(set) var values: [Double?]
    /// Samples averaged into the newest bucket so far.
    private var lastCount: Int

    public init(bucketSeconds: Double, capacity: Int) {
        precondition(bucketSeconds > 0 && capacity > 0, "a bucket series needs a positive bucket width and capacity")
        self.bucketSeconds = bucketSeconds
        self.capacity = capacity
        first = 0
        values = []
        lastCount = 0
    }

    public init(window: MetricWindow) {
        self.init(bucketSeconds: window.bucketSeconds, capacity: window.points)
    }

    public var isEmpty: Bool { values.isEmpty }
    public var count: Int { values.count }

    /// The newest value, if the newest bucket has one.
    public var last: Double? { values.last ?? nil }

    /// The values to draw, oldest first, a gap as NaN.
    public var plotted: [Double] { values.map { $0 ?? .nan } }

    /// The largest value held.
    public var max: Double? { values.compactMap { $0 }.max() }

    /// A series of bucket averages by bucket index (`Int64(time / bucketSeconds)`), in increasing
    /// order; values that are not finite are left out.
    public init(window: MetricWindow, buckets: [(index: Int64, value: Double)]) {
        self.init(window: window)
        for b in buckets { add(b.value, bucket: b.index) }
    }

    /// Index of the bucket holding `time`.
    public func bucket(of time: Date) -> Int64 {
        let t = time.timeIntervalSince1970 / bucketSeconds
        guard t.isFinite, abs(t) < 9e15 else { return 0 }
        return Int64(t.rounded(.down))
    }

    /// Folds one sample in: averaged into the newest bucket when it falls there, otherwise a new
    /// bucket (empty buckets in between become gaps). A sample older than the newest bucket, or
    /// not finite, is ignored.
    public mutating func add(_ value: Double, at time: Date) {
        add(value, bucket: bucket(of: time))
    }

    private mutating func add(_ value: Double, bucket b: Int64) {
        guard value.isFinite else { return }
        guard let newest = values.isEmpty ? nil : first + Int64(values.count) - 1 else {
            first = b
            values = [value]
            lastCount = 1
            return
        }
        if b == newest {
            let old = values[values.count - 1] ?? value
            let n = Double(lastCount)
            values[values.count - 1] = (old * n + value) / (n + 1)
            lastCount += 1
            return
        }
        guard b > newest else { return }
        let gap = b - newest - 1
        if gap >= Int64(capacity) {
            first = b
            values = [value]
        } else {
            values.append(contentsOf: repeatElement(nil, count: Int(gap)))
            values.append(value)
        }
        lastCount = 1
        if values.count > capacity {
            let excess = values.count - capacity
            values.removeFirst(excess)
            first += Int64(excess)
        }
    }
}
