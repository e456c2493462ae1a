import Foundation

/// A project's forecast for the next hour, the time left before its memory limit, and recommended
/// limits (VPA-style: a decaying histogram, the 90th percentile plus 15 %, memory from peaks).
public struct ResourcePrediction: Codable, Sendable, Equatable {
    /// Forecast points, one every 5 minutes for the next hour (12 values).
    public var cpuForecast: [Double]
    public var memoryForecast: [Double]
    /// Seconds until memory reaches the limit at the current trend, if it is rising and limited.
    public var secondsUntilMemoryLimit: Double?
    /// Recommended CPU in cores and memory in bytes, nil without enough samples.
    public var recommendedCPU: Double?
    public var recommendedMemory: UInt64?

    static func make(history: UsageHistory, memoryLimit: UInt64?, sampleInterval: Duration) -> ResourcePrediction {
        let interval = max(0.001, Double(sampleInterval.components.seconds) + Double(sampleInterval.components.attoseconds) / 1e18)
        let stepsPer5Min = max(1, Int(300 / interval))
        let cpu = history.cpu.values
        let mem = history.memory.values
        let cpuModel = HoltForecast.select(cpu, horizon: stepsPer5Min)
        let memModel = HoltForecast.select(mem, horizon: stepsPer5Min)
        let points = (1...12).map { $0 * stepsPer5Min }
        var untilLimit: Double?
        if let m = memModel, let limit = memoryLimit, m.trend > 0 {
            untilLimit = max(0, (Double(limit) - m.level) / m.trend * interval)
        }
        return ResourcePrediction(
            cpuForecast: cpuModel.map { m in points.map { max(0, m.forecast(steps: $0)) } } ?? [],
            memoryForecast: memModel.map { m in points.map { max(0, m.forecast(steps: $0)) } } ?? [],
            secondsUntilMemoryLimit: untilLimit,
            recommendedCPU: LimitRecommender.cpu(percentSamples: cpu),
            recommendedMemory: LimitRecommender.memory(bytesSamples: mem))
    }
}

/// The Vertical Pod Autoscaler's way: samples in a histogram whose weights decay with age
/// (half-life in samples), the 90th percentile, plus a 15 % safety margin. Memory uses the peak of
/// each window rather than every sample.
public enum LimitRecommender {
    public static let percentile = 0.9
    public static let margin = 1.15

    /// Weighted percentile where sample i (oldest first) weighs 2^(i / halfLife).
    public static func decayingPercentile(_ values: [Double], percentile p: Double, halfLife: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let n = values.count
        let weighted = values.enumerated().map { (value: $0.element, weight: pow(2, Double($0.offset - n + 1) / halfLife)) }
            .sorted { $0.value < $1.value }
        let total = weighted.reduce(0) { $0 + $1.weight }
        var running = 0.0
        for w in weighted {
            running += w.weight
            if running >= p * total - 1e-9 { return w.value }
        }
        return weighted.last?.value
    }

    /// Cores, from CPU percent samples.
    public static func cpu(percentSamples: [Double], halfLife: Double = 3600) -> Double? {
        guard percentSamples.count >= 10, let p = decayingPercentile(percentSamples, percentile: percentile, halfLife: halfLife) else { return nil }
        return max(0.01, p / 100 * margin)
    }

    /// Bytes, from the peak of each window of memory samples.
    public static func memory(bytesSamples: [Double], window: Int = 60, halfLife: Double = 24) -> UInt64? {
        guard bytesSamples.count >= 10 else { return nil }
        let peaks = stride(from: 0, to: bytesSamples.count, by: window).map { bytesSamples[$0..<min($0 + window, bytesSamples.count)].max() ?? 0 }
        guard let p = decayingPercentile(peaks, percentile: percentile, halfLife: halfLife) else { return nil }
        return UInt64(p * margin)
    }
}
