import Foundation
import VantageCore

/// Reads one TOML table of a Vantage file against its schema: typed getters that check type,
/// range and finiteness when the file is read and name the file, line and field of every problem,
/// and a warning for every key the schema does not know, with the nearest known key.
struct SchemaTable {
    let table: TOMLTable
    let file: String
    /// The dotted path of this table (`readiness`), empty for the root.
    let path: String
    /// Keys this table may hold.
    let known: [String]
    var errors: [VantageError] = []
    var warnings: [VantageError] = []

    init(_ table: TOMLTable, file: String, path: String = "", known: [String]) {
        self.table = table
        self.file = file
        self.path = path
        self.known = known
        for entry in table.entries where !known.contains(entry.key) {
            let hint = NearestKey.suggestion(for: entry.key, among: known).map { "did you mean \"\($0)\"?" }
                ?? "known keys: \(known.joined(separator: ", "))"
            warnings.append(VantageError(.config, "unknown key \"\(entry.key)\" is ignored",
                                         at: SourceLocation(file: file, line: entry.line, field: field(entry.key)), hint: hint))
        }
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    func line(_ key: String) -> Int? { table.line(of: key) ?? (table.line > 0 ? table.line : nil) }

    mutating func fail(_ key: String, _ message: String, line: Int? = nil, hint: String? = nil) {
        errors.append(VantageError(.config, message, at: SourceLocation(file: file, line: line ?? self.line(key), field: field(key)), hint: hint))
    }

    mutating func string(_ key: String, nonEmpty: Bool = false, emptyHint: String? = nil) -> String? {
        guard let v = table[key] else { return nil }
        guard let s = v.stringValue else { fail(key, "expected a string, found \(v.typeDescription)"); return nil }
        if nonEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty {
            fail(key, "'\(field(key))' is empty", hint: emptyHint)
            return nil
        }
        return s
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let v = table[key] else { return nil }
        guard let b = v.boolValue else { fail(key, "expected true or false, found \(v.typeDescription)"); return nil }
        return b
    }

    /// An integer in `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, unit: String = "") -> Int? {
        guard let v = table[key] else { return nil }
        guard let i = v.intValue else { fail(key, "expected an integer, found \(v.typeDescription)"); return nil }
        guard let n = Int(exactly: i), range.contains(n) else {
            fail(key, "expected an integer from \(range.lowerBound) to \(range.upperBound)\(unit), found \(i)")
            return nil
        }
        return n
    }

    /// A finite number (an integer is accepted) in `range`.
    mutating func number(_ key: String, in range: ClosedRange<Double>, unit: String = "") -> Double? {
        guard let v = table[key] else { return nil }
        guard let d = v.doubleValue else { fail(key, "expected a number, found \(v.typeDescription)"); return nil }
        guard d.isFinite, range.contains(d) else {
            fail(key, "expected a number from \(Self.show(range.lowerBound)) to \(Self.show(range.upperBound))\(unit), found \(Self.show(d))")
            return nil
        }
        return d
    }

    /// A sub-table read against its own schema; its problems are collected here.
    mutating func table(_ key: String, known: [String]) -> SchemaTable? {
        guard let v = table[key] else { return nil }
        guard let t = v.tableValue else { fail(key, "expected a table, found \(v.typeDescription)"); return nil }
        return SchemaTable(t, file: file, path: field(key), known: known)
    }

    mutating func absorb(_ other: SchemaTable) {
        errors += other.errors
        warnings += other.warnings
    }

    /// `1e+300` as TOML would write it, `inf`, `nan`, `2.5`, `60`.
    static func show(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

extension SchemaTable {
    /// A duration: seconds as a number, or "30s", "10m", "1h" (the alert rules' duration reader);
    /// more than 0 and at most a day.
    mutating func duration(_ key: String) -> Double? {
        guard let v = table[key] else { return nil }
        if let text = v.stringValue {
            switch AlertCondition.duration(text) {
            case .success(let seconds): return seconds
            case .failure(let problem): fail(key, problem.message); return nil
            }
        }
        return number(key, in: 0.001 ... 86_400, unit: " seconds")
    }
}

/// The known key nearest to a misspelt one (`comand` → `command`), by edit distance.
enum NearestKey {
    static func suggestion(for key: String, among known: [String]) -> String? {
        let scored = known.map { ($0, distance(key.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(1, min(3, (best.count + 1) / 3)) else { return nil }
        return best
    }

    /// Levenshtein distance (insert, delete, substitute, and swapping two neighbours).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
