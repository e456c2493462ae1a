/// SQALE technical debt: the debt is the sum of remediation minutes; the debt ratio is the debt
/// over the cost to write the code again (`minutesPerLine` × lines of code); the rating follows
/// from the ratio (`DebtRating`).
public struct DebtCalculator: Sendable {
    /// Minutes to develop one line of code. SonarQube's default is 30.
    public var minutesPerLine: Double

    public init(minutesPerLine: Double = 30) {
        self.minutesPerLine = minutesPerLine
    }

    public func summary(debtMinutes: Int, linesOfCode: Int) -> DebtSummary {
        let cost = minutesPerLine * Double(linesOfCode)
        let ratio = cost > 0 ? Double(debtMinutes) / cost : (debtMinutes > 0 ? Double.infinity : 0)
        return DebtSummary(debtMinutes: debtMinutes, linesOfCode: linesOfCode,
                           minutesPerLine: minutesPerLine, ratio: ratio, rating: DebtRating(ratio: ratio))
    }

    public func summary(items: [RemediationItem], linesOfCode: Int) -> DebtSummary {
        summary(debtMinutes: items.reduce(0) { $0 + $1.minutes }, linesOfCode: linesOfCode)
    }

    /// Debt minutes per file, for ranking and for refactoring priority.
    public static func debtByFile(_ items: [RemediationItem]) -> [String: Int] {
        items.reduce(into: [:]) { $0[$1.file, default: 0] += $1.minutes }
    }
}

/// The debt figures of a project (or of one file).
public struct DebtSummary: Codable, Sendable, Equatable {
    public var debtMinutes: Int
    public var linesOfCode: Int
    public var minutesPerLine: Double
    /// debtMinutes / (minutesPerLine × linesOfCode); 0.04 means 4 %.
    public var ratio: Double
    public var rating: DebtRating

    /// The rating as shown (screen and CLI alike): "-" when there is no code to rate.
    public var grade: String { linesOfCode > 0 ? rating.rawValue : "-" }

    public init(debtMinutes: Int, linesOfCode: Int, minutesPerLine: Double, ratio: Double, rating: DebtRating) {
        self.debtMinutes = debtMinutes
        self.linesOfCode = linesOfCode
        self.minutesPerLine = minutesPerLine
        self.ratio = ratio
        self.rating = rating
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(debtMinutes, forKey: .debtMinutes)
        try c.encode(linesOfCode, forKey: .linesOfCode)
        try c.encode(minutesPerLine, forKey: .minutesPerLine)
        // JSON has no infinity: a project with debt and no code reports a ratio of null.
        try c.encode(ratio.isFinite ? ratio : nil, forKey: .ratio)
        // No code, no grade: the rating is null (the screen and the CLI show "-").
        try c.encode(linesOfCode > 0 ? rating : nil, forKey: .rating)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        debtMinutes = try c.decode(Int.self, forKey: .debtMinutes)
        linesOfCode = try c.decode(Int.self, forKey: .linesOfCode)
        minutesPerLine = try c.decode(Double.self, forKey: .minutesPerLine)
        ratio = try c.decodeIfPresent(Double.self, forKey: .ratio) ?? .infinity
        rating = try c.decodeIfPresent(DebtRating.self, forKey: .rating) ?? DebtRating(ratio: ratio)
    }

    private enum CodingKeys: String, CodingKey { case debtMinutes, linesOfCode, minutesPerLine, ratio, rating }
}
