import Foundation

/// Holt's double exponential smoothing (level and trend). The smoothing factors are chosen by a
/// small grid search that minimises the one-step-ahead squared error on the series itself.
public struct HoltForecast: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    public var level: Double
    public var trend: Double

    /// Fits on the series; nil for fewer than 3 values.
    public static func fit(_ values: [Double]) -> HoltForecast? {
        guard values.count >= 3 else { return nil }
        var best: (Double, HoltForecast)?
        for alpha in stride(from: 0.05, through: 0.95, by: 0.1) {
            for beta in [0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5] {
                var model = HoltForecast(alpha: alpha, beta: beta, level: values[0], trend: 0)
                var sse = 0.0
                for v in values.dropFirst() {
                    let e = v - model.forecast(steps: 1)
                    sse += e * e
                    model.update(v)
                }
                if best == nil || sse < best!.0 { best = (sse, model) }
            }
        }
        return best?.1
    }

    public mutating func update(_ value: Double) {
        let previous = level
        level = alpha * value + (1 - alpha) * (level + trend)
        trend = beta * (level - previous) + (1 - beta) * trend
    }

    public func forecast(steps: Int) -> Double { level + Double(steps) * trend }
}

/// Mean absolute scaled error of h-step forecasts against the naive last-value forecast, over a
/// rolling origin: < 1 means the model beats "tomorrow is like today".
public enum ForecastScore {
    public static func mase(_ series: [Double], horizon: Int, warmup: Int) -> Double? {
        guard series.count > warmup + horizon else { return nil }
        var modelError = 0.0, naiveError = 0.0
        var origin = warmup
        while origin + horizon < series.count {
            let history = Array(series[..<origin])
            guard let model = HoltForecast.fit(history) else { return nil }
            let actual = series[origin + horizon - 1]
            modelError += abs(actual - model.forecast(steps: horizon))
            naiveError += abs(actual - history.last!)
            origin += max(1, horizon / 2)
        }
        return naiveError > 0 ? modelError / naiveError : nil
    }
}
