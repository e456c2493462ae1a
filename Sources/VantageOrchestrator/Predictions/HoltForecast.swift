import Foundation

/// Holt's double exponential smoothing (level and trend, with an optional damping of the trend).
/// The factors are chosen by a small grid search that minimises the absolute error of forecasts
/// `horizon` steps ahead over the series itself, so the model is tuned for the range it is used for.
public struct HoltForecast: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    /// Trend damping (1 = plain Holt).
    public var phi: Double
    public var level: Double
    public var trend: Double

    public init(alpha: Double, beta: Double, phi: Double = 1, level: Double, trend: Double) {
        self.alpha = alpha
        self.beta = beta
        self.phi = phi
        self.level = level
        self.trend = trend
    }

    /// Fits on the series; nil for fewer than 3 values.
    public static func fit(_ values: [Double], horizon: Int = 1) -> HoltForecast? {
        guard values.count >= 3 else { return nil }
        let h = max(1, min(horizon, values.count / 3))
        var best: (Double, HoltForecast)?
        for alpha in [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9] {
            for beta in [0.0, 0.01, 0.03, 0.1, 0.3] {
                for phi in [0.8, 0.9, 0.98, 1.0] {
                    var model = HoltForecast(alpha: alpha, beta: beta, phi: phi, level: values[0], trend: 0)
                    var pending: [Double] = []  // forecasts made h steps ago
                    var error = 0.0
                    for (i, v) in values.enumerated().dropFirst() {
                        if i > h { error += abs(v - pending.removeFirst()) }
                        model.update(v)
                        pending.append(model.forecast(steps: h))
                    }
                    if best == nil || error < best!.0 { best = (error, model) }
                }
            }
        }
        return best?.1
    }

    public mutating func update(_ value: Double) {
        let previous = level
        level = alpha * value + (1 - alpha) * (level + phi * trend)
        trend = beta * (level - previous) + (1 - beta) * phi * trend
    }

    public func forecast(steps: Int) -> Double {
        guard phi != 1 else { return level + Double(steps) * trend }
        // phi + phi^2 + ... + phi^steps
        let damped = phi * (1 - pow(phi, Double(steps))) / (1 - phi)
        return level + damped * trend
    }
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
            guard let model = HoltForecast.fit(history, horizon: horizon) else { return nil }
            let actual = series[origin + horizon - 1]
            modelError += abs(actual - model.forecast(steps: horizon))
            naiveError += abs(actual - history.last!)
            origin += 2
        }
        return naiveError > 0 ? modelError / naiveError : nil
    }
}
