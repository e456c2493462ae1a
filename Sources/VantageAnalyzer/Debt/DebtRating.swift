/// The SQALE maintainability rating, from the debt ratio, at SonarQube's default thresholds:
/// A up to 5 %, B up to 10 %, C up to 20 %, D up to 50 %, E above.
public enum DebtRating: String, Codable, Sendable, Comparable, CaseIterable {
    case A, B, C, D, E

    public init(ratio: Double) {
        switch ratio {
        case ...0.05: self = .A
        case ...0.10: self = .B
        case ...0.20: self = .C
        case ...0.50: self = .D
        default: self = .E
        }
    }

    public static func < (a: DebtRating, b: DebtRating) -> Bool { a.rawValue < b.rawValue }
}
