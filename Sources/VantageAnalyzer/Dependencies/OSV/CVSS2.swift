import Foundation

/// CVSS v2 base score (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, optionally prefixed `CVSS:2.0/`), with the
/// v2 specification's equations; older advisories carry only this version.
public enum CVSS2 {
    public static func baseScore(_ vector: String) -> Double? {
        var m: [String: String] = [:]
        for p in vector.split(separator: "/") where !p.hasPrefix("CVSS") {
            let kv = p.split(separator: ":")
            guard kv.count == 2 else { return nil }
            m[String(kv[0])] = String(kv[1])
        }
        guard let av = ["L": 0.395, "A": 0.646, "N": 1.0][m["AV"] ?? ""],
              let ac = ["H": 0.35, "M": 0.61, "L": 0.71][m["AC"] ?? ""],
              let au = ["M": 0.45, "S": 0.56, "N": 0.704][m["Au"] ?? ""] else { return nil }
        let cia = ["N": 0.0, "P": 0.275, "C": 0.660]
        guard let c = cia[m["C"] ?? ""], let i = cia[m["I"] ?? ""], let a = cia[m["A"] ?? ""] else { return nil }
        let impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a))
        let exploitability = 20 * av * ac * au
        let f = impact == 0 ? 0 : 1.176
        let score = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f
        return (max(0, score) * 10).rounded() / 10
    }
}
