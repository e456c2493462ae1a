/// TOML 1.0 integers and floats, checked against the grammar: a sign only on decimals, no leading
/// zeros, `_` only between digits, `0x`/`0o`/`0b` prefixes in lower case, digits on both sides of
/// the point, and integers that fit in 64 bits (a larger one is an error, never a wrapped value).
enum TOMLNumber {
    enum Problem: Error, Equatable {
        case notANumber
        case leadingZero
        case misplacedUnderscore
        case outOfRange

        var reason: String {
            switch self {
            case .notANumber: return "strings need quotes"
            case .leadingZero: return "leading zeros are not allowed"
            case .misplacedUnderscore: return "'_' must stand between two digits"
            case .outOfRange: return "it does not fit in a 64-bit integer"
            }
        }
    }

    static func parse(_ t: ArraySlice<UInt8>) -> Result<TOMLValue, Problem> {
        let t = Array(t)
        switch String(decoding: t, as: UTF8.self) {
        case "inf", "+inf": return .success(.float(.infinity))
        case "-inf": return .success(.float(-.infinity))
        case "nan", "+nan", "-nan": return .success(.float(.nan))
        default: break
        }
        if t.count > 2, t[0] == UInt8(ascii: "0") {
            switch t[1] {
            case UInt8(ascii: "x"): return radix(t, 16)
            case UInt8(ascii: "o"): return radix(t, 8)
            case UInt8(ascii: "b"): return radix(t, 2)
            default: break
            }
        }
        var i = 0
        let negative = t.first == UInt8(ascii: "-")
        if t.first == UInt8(ascii: "-") || t.first == UInt8(ascii: "+") { i = 1 }
        let intStart = i
        switch digits(t, from: i, radix: 10) {
        case .failure(let p): return .failure(p)
        case .success(let end): i = end
        }
        if t[intStart] == UInt8(ascii: "0") && i - intStart > 1 { return .failure(.leadingZero) }
        if i == t.count { return integer(t[intStart..<i], negative: negative) }
        var isFloat = false
        if t[i] == UInt8(ascii: ".") {
            switch digits(t, from: i + 1, radix: 10) {
            case .failure(let p): return .failure(p)
            case .success(let end): i = end
            }
            isFloat = true
        }
        if i < t.count, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            if i < t.count, t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") { i += 1 }
            switch digits(t, from: i, radix: 10) {
            case .failure(let p): return .failure(p)
            case .success(let end): i = end
            }
            isFloat = true
        }
        guard isFloat, i == t.count else { return .failure(.notANumber) }
        let text = String(decoding: t.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(text) else { return .failure(.notANumber) }
        return .success(.float(value))
    }

    /// The end of a run of digits from `start` (at least one; `_` only between two digits).
    private static func digits(_ t: [UInt8], from start: Int, radix: UInt8) -> Result<Int, Problem> {
        var i = start
        var lastWasDigit = false
        while i < t.count {
            if digitValue(t[i], radix: radix) != nil {
                lastWasDigit = true
            } else if t[i] == UInt8(ascii: "_") {
                guard lastWasDigit, i + 1 < t.count, digitValue(t[i + 1], radix: radix) != nil else { return .failure(.misplacedUnderscore) }
                lastWasDigit = false
            } else {
                break
            }
            i += 1
        }
        if i == start {
            return .failure(start < t.count && t[start] == UInt8(ascii: "_") ? .misplacedUnderscore : .notANumber)
        }
        return .success(i)
    }

    private static func digitValue(_ c: UInt8, radix: UInt8) -> UInt8? {
        guard let v = TOMLCursor.hexDigit(c), v < radix else { return nil }
        return v
    }

    private static func radix(_ t: [UInt8], _ radix: UInt8) -> Result<TOMLValue, Problem> {
        switch digits(t, from: 2, radix: radix) {
        case .failure(let p): return .failure(p)
        case .success(let end): guard end == t.count else { return .failure(.notANumber) }
        }
        var value: Int64 = 0
        for c in t[2...] {
            guard let d = digitValue(c, radix: radix) else { continue }
            let (m, o1) = value.multipliedReportingOverflow(by: Int64(radix))
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return .failure(.outOfRange) }
            value = s
        }
        return .success(.integer(value))
    }

    /// Decimal digits (with `_`) as an Int64, accumulated on the negative side so Int64.min fits.
    private static func integer(_ digits: ArraySlice<UInt8>, negative: Bool) -> Result<TOMLValue, Problem> {
        var value: Int64 = 0
        for c in digits where c != UInt8(ascii: "_") {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int64(c - 0x30))
            if o1 || o2 { return .failure(.outOfRange) }
            value = s
        }
        if negative { return .success(.integer(value)) }
        guard value != .min else { return .failure(.outOfRange) }
        return .success(.integer(-value))
    }
}
