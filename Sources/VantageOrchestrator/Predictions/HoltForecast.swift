import Foundation

/// Holt's double exponential smoothing (level and trend, with an optional damping of the trend),
/// in the robust form of Gelper, Fried and Croux (2010, "Robust forecasting with exponential and
/// Holt-Winters smoothing", J. Forecasting 29): before an observation updates the level, it is
/// pulled to within 2 robust scales of the one-step forecast (Huber's ψ), and that scale follows the
/// residuals by their τ-recursion with the biweight ρ. A CPU spike or a short burst then moves the
/// forecast by a bounded step instead of its full height; a lasting shift is followed, since the
/// scale grows while residuals stay large. The paper's constants are used (k = 2, c = 2.52, λσ = 0.1).
///
/// The factors are chosen by a small grid search that minimises the absolute error of forecasts
/// `horizon` steps ahead over the series itself, so the model is tuned for the range it is used for.
public struct HoltForecast: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    /// Trend damping (1 = plain Holt).
    public var phi: Double
    public var level: Double
    public var trend: Double
    /// Whether observations are cleaned against outliers (see above); false is the textbook model.
    public var robust: Bool
    /// The residuals' robust scale; nil until the first residual that is not zero.
    public var scale: Double?

    public init(alpha: Double, beta: Double, phi: Double = 1, level: Double, trend: Double, robust: Bool = true) {
        self.alpha = alpha
        self.beta = beta
        self.phi = phi
        self.level = level
        self.trend = trend
        self.robust = robust
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

    /// The smoothing factors of the level-only model: its forecast is the mean of these simple
    /// exponential smoothings, which is steadier than any one of them on a noisy, flat series.
    static let levelOnlyAlphas = [0.05, 0.1, 0.2, 0.3]

    /// The model to forecast `horizon` steps with: the fitted Holt model, or a level-only one when
    /// the trend does not pay for itself. The choice is made out of sample within the history: both
    /// are fitted on its first two thirds and scored by their `horizon`-step errors on the last
    /// third; the winner is then refitted on everything. Too short a history gets `fit`.
    public static func select(_ values: [Double], horizon: Int) -> HoltForecast? {
        let h = max(1, horizon)
        let cut = values.count * 2 / 3
        guard cut >= 3 * h + 10, values.count - cut > h else { return fit(values, horizon: horizon) }
        guard let trained = fit(Array(values[..<cut]), horizon: h) else { return nil }
        var holt = HoltForecast(alpha: trained.alpha, beta: trained.beta, phi: trained.phi, level: values[0], trend: 0)
        var levels = levelOnlyAlphas.map { HoltForecast(alpha: $0, beta: 0, level: values[0], trend: 0) }
        var holtError = 0.0, levelError = 0.0
        var pendingHolt: [Double] = [], pendingLevel: [Double] = []
        for (i, v) in values.enumerated().dropFirst() {
            // Forecasts made at origins in the last third, scored when their target arrives.
            if i - h + 1 >= cut, !pendingHolt.isEmpty {
                holtError += abs(v - pendingHolt.removeFirst())
                levelError += abs(v - pendingLevel.removeFirst())
            }
            holt.update(v)
            for k in levels.indices { levels[k].update(v) }
            if i + 1 >= cut {
                pendingHolt.append(holt.forecast(steps: h))
                pendingLevel.append(levels.map(\.level).reduce(0, +) / Double(levels.count))
            }
        }
        if holtError <= levelError { return fit(values, horizon: horizon) }
        return levelOnly(values)
    }

    /// The level-only model on the whole series (no trend).
    static func levelOnly(_ values: [Double]) -> HoltForecast? {
        guard let first = values.first else { return nil }
        var levels = levelOnlyAlphas.map { HoltForecast(alpha: $0, beta: 0, level: first, trend: 0) }
        for v in values.dropFirst() {
            for k in levels.indices { levels[k].update(v) }
        }
        var model = HoltForecast(alpha: levelOnlyAlphas.reduce(0, +) / Double(levelOnlyAlphas.count), beta: 0, phi: 1,
                                 level: levels.map(\.level).reduce(0, +) / Double(levels.count), trend: 0)
        model.scale = levels.compactMap(\.scale).max()
        return model
    }

    /// Huber's ψ bound and the biweight ρ's tuning constant and its maximum (Gelper et al. 2010).
    static let huberK = 2.0, biweightK = 2.0, biweightMax = 2.52, scaleSmoothing = 0.1

    public mutating func update(_ observed: Double) {
        var value = observed
        if robust {
            let predicted = level + phi * trend
            let residual = observed - predicted
            if let sigma = scale, sigma > 0 {
                let u = residual / sigma
                let w = 1 - (u / Self.biweightK) * (u / Self.biweightK)
                let rho = abs(u) <= Self.biweightK ? Self.biweightMax * (1 - w * w * w) : Self.biweightMax
                let updated = (Self.scaleSmoothing * rho + 1 - Self.scaleSmoothing) * sigma * sigma
                scale = updated.squareRoot()
                value = predicted + max(-Self.huberK, min(Self.huberK, residual / scale!)) * scale!
            } else if residual != 0 {
                scale = abs(residual)
            }
        }
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

/// How good the forecasts are, out of sample, on a rolling origin: at each origin the model sees
/// only the values before it and forecasts `horizon` steps ahead.
public enum ForecastScore {
    public struct Result: Sendable, Equatable {
        /// Mean absolute scaled error (Hyndman & Koehler 2006): each out-of-sample error divided by
        /// the in-sample mean absolute one-step change of the history at that origin, averaged.
        public var mase: Double
        /// The same for the naive last-value forecast at the same horizon.
        public var naiveMASE: Double
        /// Out-of-sample mean absolute error of the model divided by that of the naive forecast.
        public var relativeMAE: Double
        public var origins: Int
    }

    public static func score(_ series: [Double], horizon: Int, warmup: Int, step: Int = 2,
                             model: ([Double], Int) -> HoltForecast? = HoltForecast.select) -> Result? {
        guard series.count > warmup + horizon, warmup >= 2 else { return nil }
        var scaled = 0.0, naiveScaled = 0.0, modelError = 0.0, naiveError = 0.0, origins = 0
        var origin = warmup
        while origin + horizon <= series.count {
            let history = Array(series[..<origin])
            guard let m = model(history, horizon) else { return nil }
            var scale = 0.0
            for i in 1..<history.count { scale += abs(history[i] - history[i - 1]) }
            scale /= Double(history.count - 1)
            guard scale > 0 else { origin += step; continue }
            let actual = series[origin + horizon - 1]
            let e = abs(actual - m.forecast(steps: horizon)), n = abs(actual - history.last!)
            scaled += e / scale
            naiveScaled += n / scale
            modelError += e
            naiveError += n
            origins += 1
            origin += step
        }
        guard origins > 0, naiveError > 0 else { return nil }
        return Result(mase: scaled / Double(origins), naiveMASE: naiveScaled / Double(origins),
                      relativeMAE: modelError / naiveError, origins: origins)
    }
}
