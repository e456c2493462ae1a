/// The Wilson score interval's lower bound: a confidence for a fix that is low after few trials
/// and rises only with evidence.
public enum WilsonScore {
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.96

    /// Lower bound of the Wilson interval for `successes` out of `successes + failures`; 0 without trials.
    public static func lowerBound(successes: Int, failures: Int, z: Double = z95) -> Double {
        let n = Double(successes + failures)
        guard n > 0 else { return 0 }
        let p = Double(successes) / n
        let z2 = z * z
        let centre = p + z2 / (2 * n)
        let spread = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, (centre - spread) / (1 + z2 / n))
    }
}
