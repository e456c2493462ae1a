import Foundation

/// CVSS v3.0/v3.1 base score from a vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`),
/// with the specification's formula and its `Roundup`.
public enum CVSS3 {
    static let base: [String: Set<String>] = [
        "AV": ["N", "A", "L", "P"], "AC": ["L", "H"], "PR": ["N", "L", "H"], "UI": ["N", "R"], "S": ["U", "C"],
        "C": ["H", "L", "N"], "I": ["H", "L", "N"], "A": ["H", "L", "N"],
    ]
    /// Temporal and environmental metrics: allowed, not used by the base score.
    static let optional: [String: Set<String>] = [
        "E": ["X", "U", "P", "F", "H"], "RL": ["X", "O", "T", "W", "U"], "RC": ["X", "U", "R", "C"],
        "CR": ["X", "L", "M", "H"], "IR": ["X", "L", "M", "H"], "AR": ["X", "L", "M", "H"],
        "MAV": ["X", "N", "A", "L", "P"], "MAC": ["X", "L", "H"], "MPR": ["X", "N", "L", "H"], "MUI": ["X", "N", "R"],
        "MS": ["X", "U", "C"], "MC": ["X", "N", "L", "H"], "MI": ["X", "N", "L", "H"], "MA": ["X", "N", "L", "H"],
    ]

    /// The base score, or nil when the vector is not a valid CVSS 3.0/3.1 vector.
    public static func baseScore(_ vector: String) -> Double? { try? score(vector).get() }

    static func score(_ vector: String) -> Result<Double, CVSSVector.Invalid> {
        let prefix = vector.hasPrefix("CVSS:3.0/") ? "CVSS:3.0" : "CVSS:3.1"
        let m: [String: String]
        switch CVSSVector.metrics(vector, prefix: prefix, base: base, optional: optional) {
        case .success(let metrics): m = metrics
        case .failure(let why): return .failure(why)
        }
        let scopeChanged = m["S"] == "C"
        let av = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][m["AV"]!]!
        let ac = ["L": 0.77, "H": 0.44][m["AC"]!]!
        let pr = (scopeChanged ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[m["PR"]!]!
        let ui = ["N": 0.85, "R": 0.62][m["UI"]!]!
        let cia = ["H": 0.56, "L": 0.22, "N": 0.0]
        let c = cia[m["C"]!]!, i = cia[m["I"]!]!, a = cia[m["A"]!]!
        let iss = 1 - (1 - c) * (1 - i) * (1 - a)
        let impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        let exploitability = 8.22 * av * ac * pr * ui
        if impact <= 0 { return .success(0) }
        return .success(scopeChanged ? roundUp(min(1.08 * (impact + exploitability), 10)) : roundUp(min(impact + exploitability, 10)))
    }

    /// CVSS v3.1 Appendix A `Roundup`: the smallest one-decimal number ≥ the input, free of float error.
    static func roundUp(_ x: Double) -> Double {
        let i = Int((x * 100_000).rounded())
        return i % 10_000 == 0 ? Double(i) / 100_000 : (Double(i / 10_000) + 1) / 10
    }
}

/// A qualitative rating.
public enum SeverityRating: String, Sendable, Codable, Comparable, CaseIterable {
    case none = "NONE", low = "LOW", medium = "MEDIUM", high = "HIGH", critical = "CRITICAL", unknown = "UNKNOWN"

    public init(score: Double) {
        switch score {
        case ..<0.1: self = .none
        case ..<4.0: self = .low
        case ..<7.0: self = .medium
        case ..<9.0: self = .high
        default: self = .critical
        }
    }

    /// From a label such as GitHub's `MODERATE`.
    public init(label: String) {
        switch label.uppercased() {
        case "LOW": self = .low
        case "MODERATE", "MEDIUM": self = .medium
        case "HIGH": self = .high
        case "CRITICAL": self = .critical
        case "NONE": self = .none
        default: self = .unknown
        }
    }

    var rank: Int { switch self { case .unknown: -1; case .none: 0; case .low: 1; case .medium: 2; case .high: 3; case .critical: 4 } }
    public static func < (a: SeverityRating, b: SeverityRating) -> Bool { a.rank < b.rank }
}
