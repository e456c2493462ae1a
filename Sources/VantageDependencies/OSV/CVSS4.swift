import Foundation

/// CVSS v4.0 score (base, threat and environmental metrics when present) following the
/// specification's MacroVector method: find the vector's MacroVector (EQ1–EQ6), take its score
/// from FIRST's table, then lower it by the mean proportional severity distance to the
/// MacroVector's highest-severity vectors, scaled by the score gap to each next-lower MacroVector.
public enum CVSS4 {
    static let base: [String: Set<String>] = [
        "AV": ["N", "A", "L", "P"], "AC": ["L", "H"], "AT": ["N", "P"], "PR": ["N", "L", "H"], "UI": ["N", "P", "A"],
        "VC": ["H", "L", "N"], "VI": ["H", "L", "N"], "VA": ["H", "L", "N"], "SC": ["H", "L", "N"], "SI": ["H", "L", "N"], "SA": ["H", "L", "N"],
    ]
    /// Threat, environmental and supplemental metrics.
    static let optional: [String: Set<String>] = [
        "E": ["X", "A", "P", "U"], "CR": ["X", "H", "M", "L"], "IR": ["X", "H", "M", "L"], "AR": ["X", "H", "M", "L"],
        "MAV": ["X", "N", "A", "L", "P"], "MAC": ["X", "L", "H"], "MAT": ["X", "N", "P"], "MPR": ["X", "N", "L", "H"], "MUI": ["X", "N", "P", "A"],
        "MVC": ["X", "H", "L", "N"], "MVI": ["X", "H", "L", "N"], "MVA": ["X", "H", "L", "N"], "MSC": ["X", "H", "L", "N"],
        "MSI": ["X", "S", "H", "L", "N"], "MSA": ["X", "S", "H", "L", "N"],
        "S": ["X", "N", "P"], "AU": ["X", "N", "Y"], "R": ["X", "A", "U", "I"], "V": ["X", "D", "C"], "RE": ["X", "L", "M", "H"],
        "U": ["X", "Clear", "Green", "Amber", "Red"],
    ]

    /// The score, or nil when the vector is not a valid CVSS 4.0 vector.
    public static func baseScore(_ vector: String) -> Double? { try? score(vector).get() }

    static func score(_ vector: String) -> Result<Double, CVSSVector.Invalid> {
        let metrics: [String: String]
        switch CVSSVector.metrics(vector, prefix: "CVSS:4.0", base: base, optional: optional) {
        case .success(let m): metrics = m
        case .failure(let why): return .failure(why)
        }
        let v = Metrics(metrics)
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ v[$0] == "N" }) { return .success(0) }
        let eq = v.macroVector
        let key = eq.map(String.init).joined()
        guard let value = CVSS4Tables.macroVectorScore[key] else { return .failure(CVSSVector.Invalid(reason: "no score for MacroVector \(key)")) }

        func score(_ levels: [Int]) -> Double? { CVSS4Tables.macroVectorScore[levels.map(String.init).joined()] }
        func bumped(_ i: Int) -> [Int] { var e = eq; e[i] += 1; return e }
        let lowerEQ1 = score(bumped(0)), lowerEQ2 = score(bumped(1))
        let lowerEQ3EQ6: Double?
        switch (eq[2], eq[5]) {
        case (0, 0): lowerEQ3EQ6 = [score(bumped(5)), score(bumped(2))].compactMap { $0 }.max()
        case (1, 0): lowerEQ3EQ6 = score(bumped(5))
        case (0, 1), (1, 1): lowerEQ3EQ6 = score(bumped(2))
        default: var e = eq; e[2] += 1; e[5] += 1; lowerEQ3EQ6 = score(e)
        }
        let lowerEQ4 = score(bumped(3)), lowerEQ5 = score(bumped(4))

        // The highest-severity vector of this MacroVector that the vector does not exceed.
        guard let eq1 = CVSS4Tables.maxComposed[1]?[eq[0]], let eq2 = CVSS4Tables.maxComposed[2]?[eq[1]],
              let eq36 = CVSS4Tables.maxComposedEQ3EQ6[eq[2]]?[eq[5]], let eq4 = CVSS4Tables.maxComposed[4]?[eq[3]],
              let eq5 = CVSS4Tables.maxComposed[5]?[eq[4]] else { return .failure(CVSSVector.Invalid(reason: "no highest-severity vectors for MacroVector \(key)")) }
        var distances: [String: Double] = [:]
        search: for a in eq1 { for b in eq2 { for c in eq36 { for d in eq4 { for e in eq5 {
            let maxVector = Metrics.parse(a + b + c + d + e)
            var ds: [String: Double] = [:]
            for m in Metrics.levelled {
                guard let mine = Metrics.level(m, v[m]), let top = Metrics.level(m, maxVector[m] ?? "") else { continue }
                ds[m] = mine - top
            }
            distances = ds
            if ds.values.allSatisfy({ $0 >= 0 }) { break search }
        } } } } }
        func d(_ ms: [String]) -> Double { ms.reduce(0) { $0 + (distances[$1] ?? 0) } }
        let step = 0.1
        let current: [(Double?, Double, Double)] = [
            (lowerEQ1, d(["AV", "PR", "UI"]), CVSS4Tables.maxSeverityEQ1[eq[0]]! * step),
            (lowerEQ2, d(["AC", "AT"]), CVSS4Tables.maxSeverityEQ2[eq[1]]! * step),
            (lowerEQ3EQ6, d(["VC", "VI", "VA", "CR", "IR", "AR"]), (CVSS4Tables.maxSeverityEQ3EQ6[eq[2]]?[eq[5]] ?? 1) * step),
            (lowerEQ4, d(["SC", "SI", "SA"]), CVSS4Tables.maxSeverityEQ4[eq[3]]! * step),
            (lowerEQ5, 0, 1),
        ]
        var total = 0.0, existing = 0
        for (lower, distance, depth) in current {
            guard let lower else { continue }
            existing += 1
            total += (value - lower) * (distance / depth)
        }
        var result = value - (existing == 0 ? 0 : total / Double(existing))
        result = min(10, max(0, result))
        // Round half up at one decimal, lifted by an epsilon against x.x4999… float results.
        return .success(((result + 1e-6) * 10).rounded(.toNearestOrAwayFromZero) / 10)
    }

    /// A vector's metric values with CVSS v4.0's defaults for absent or `X` threat/environmental metrics.
    struct Metrics {
        var values: [String: String]
        init(_ values: [String: String]) { self.values = values }

        static func parse(_ s: String) -> [String: String] {
            var out: [String: String] = [:]
            for p in s.split(separator: "/") { let kv = p.split(separator: ":"); if kv.count == 2 { out[String(kv[0])] = String(kv[1]) } }
            return out
        }

        /// The effective value: modified (`M…`) environmental metrics override base ones; an
        /// unset E counts as Attacked (A), unset CR/IR/AR as High.
        subscript(_ m: String) -> String {
            let raw = values[m] ?? "X"
            if m == "E" && raw == "X" { return "A" }
            if ["CR", "IR", "AR"].contains(m) && raw == "X" { return "H" }
            if let modified = values["M" + m], modified != "X" { return modified }
            return raw
        }

        static let levelled = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"]
        static func level(_ m: String, _ v: String) -> Double? {
            let table: [String: [String: Double]] = [
                "AV": ["N": 0, "A": 0.1, "L": 0.2, "P": 0.3], "PR": ["N": 0, "L": 0.1, "H": 0.2], "UI": ["N": 0, "P": 0.1, "A": 0.2],
                "AC": ["L": 0, "H": 0.1], "AT": ["N": 0, "P": 0.1],
                "VC": ["H": 0, "L": 0.1, "N": 0.2], "VI": ["H": 0, "L": 0.1, "N": 0.2], "VA": ["H": 0, "L": 0.1, "N": 0.2],
                "SC": ["H": 0.1, "L": 0.2, "N": 0.3], "SI": ["S": 0, "H": 0.1, "L": 0.2, "N": 0.3], "SA": ["S": 0, "H": 0.1, "L": 0.2, "N": 0.3],
                "CR": ["H": 0, "M": 0.1, "L": 0.2], "IR": ["H": 0, "M": 0.1, "L": 0.2], "AR": ["H": 0, "M": 0.1, "L": 0.2],
            ]
            return table[m]?[v]
        }

        /// EQ1…EQ6 levels as the specification defines them.
        var macroVector: [Int] {
            let av = self["AV"], pr = self["PR"], ui = self["UI"]
            let eq1 = (av == "N" && pr == "N" && ui == "N") ? 0 : ((av == "N" || pr == "N" || ui == "N") && av != "P" ? 1 : 2)
            let eq2 = (self["AC"] == "L" && self["AT"] == "N") ? 0 : 1
            let vc = self["VC"], vi = self["VI"], va = self["VA"]
            let eq3 = (vc == "H" && vi == "H") ? 0 : ((vc == "H" || vi == "H" || va == "H") ? 1 : 2)
            let msi = values["MSI"] ?? "X", msa = values["MSA"] ?? "X"
            let eq4 = (msi == "S" || msa == "S") ? 0 : ((self["SC"] == "H" || self["SI"] == "H" || self["SA"] == "H") ? 1 : 2)
            let eq5 = ["A": 0, "P": 1, "U": 2][self["E"]] ?? 0
            let cr = self["CR"], ir = self["IR"], ar = self["AR"]
            let eq6 = ((cr == "H" && vc == "H") || (ir == "H" && vi == "H") || (ar == "H" && va == "H")) ? 0 : 1
            return [eq1, eq2, eq3, eq4, eq5, eq6]
        }
    }
}
