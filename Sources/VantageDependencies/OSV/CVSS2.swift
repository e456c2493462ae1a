import Foundation

/// CVSS v2 base score (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, optionally prefixed `CVSS:2.0/`), with the
/// v2 specification's equations; older advisories carry only this version.
public enum CVSS2 {
    static let base: [String: Set<String>] = [
        "AV": ["L", "A", "N"], "AC": ["H", "M", "L"], "Au": ["M", "S", "N"], "C": ["N", "P", "C"], "I": ["N", "P", "C"], "A": ["N", "P", "C"],
    ]
    /// Temporal and environmental metrics: allowed, not used by the base score.
    static let optional: [String: Set<String>] = [
        "E": ["U", "POC", "F", "H", "ND"], "RL": ["OF", "TF", "W", "U", "ND"], "RC": ["UC", "UR", "C", "ND"],
        "CDP": ["N", "L", "LM", "MH", "H", "ND"], "TD": ["N", "L", "M", "H", "ND"],
        "CR": ["L", "M", "H", "ND"], "IR": ["L", "M", "H", "ND"], "AR": ["L", "M", "H", "ND"],
    ]

    /// The base score, or nil when the vector is not a valid CVSS v2 vector.
    public static func baseScore(_ vector: String) -> Double? { try? score(vector).get() }

    static func score(_ vector: String) -> Result<Double, CVSSVector.Invalid> {
        let m: [String: String]
        switch CVSSVector.metrics(vector, prefix: vector.hasPrefix("CVSS:") ? "CVSS:2.0" : nil, base: base, optional: optional) {
        case .success(let metrics): m = metrics
        case .failure(let why): return .failure(why)
        }
        let av = ["L": 0.395, "A": 0.646, "N": 1.0][m["AV"]!]!
        let ac = ["H": 0.35, "M": 0.61, "L": 0.71][m["AC"]!]!
        let au = ["M": 0.45, "S": 0.56, "N": 0.704][m["Au"]!]!
        let cia = ["N": 0.0, "P": 0.275, "C": 0.660]
        let c = cia[m["C"]!]!, i = cia[m["I"]!]!, a = cia[m["A"]!]!
        let impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a))
        let exploitability = 20 * av * ac * au
        let f = impact == 0 ? 0 : 1.176
        let score = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f
        return .success((max(0, score) * 10).rounded() / 10)
    }
}
