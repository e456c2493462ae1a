/// TOML 1.0 dates and times (RFC 3339): offset date-times `1979-05-27T07:32:00Z`, local
/// date-times, local dates and local times, checked field by field (month 1–12, the day within its
/// month, leap years, hour 0–23, minute and second 0–59, offset within ±23:59). The value is kept
/// as one canonical string: `T` between date and time, upper-case `Z`, the fraction as written.
enum TOMLDateTime {
    /// Whether a value token starts like a date (`1979-`) or a time (`07:`).
    static func looksLikeDateOrTime(_ t: ArraySlice<UInt8>) -> Bool {
        let a = Array(t.prefix(5))
        if a.count == 5, a[0...3].allSatisfy(isDigit), a[4] == UInt8(ascii: "-") { return true }
        return a.count >= 3 && isDigit(a[0]) && isDigit(a[1]) && a[2] == UInt8(ascii: ":")
    }

    /// The canonical text of a date/time token, or a reason it is not one.
    static func canonical(_ token: ArraySlice<UInt8>) -> Result<String, Problem> {
        let t = Array(token)
        var i = 0
        var out = ""
        if t.count >= 5, t[4] == UInt8(ascii: "-") {
            guard let (date, end) = date(t) else { return .failure(.malformed) }
            guard date.valid else { return .failure(.outOfRange) }
            out = String(decoding: t[0..<10], as: UTF8.self)
            i = end
            if i == t.count { return .success(out) }
            guard t[i] == UInt8(ascii: "T") || t[i] == UInt8(ascii: "t") || t[i] == UInt8(ascii: " ") else { return .failure(.malformed) }
            i += 1
            out += "T"
        }
        guard let (timeText, timeValid, end) = time(t, from: i) else { return .failure(.malformed) }
        guard timeValid else { return .failure(.outOfRange) }
        out += timeText
        i = end
        if i == t.count { return .success(out) }
        // Only a full date-time may carry an offset.
        guard out.count > timeText.count else { return .failure(.malformed) }
        if t[i] == UInt8(ascii: "Z") || t[i] == UInt8(ascii: "z") {
            guard i + 1 == t.count else { return .failure(.malformed) }
            return .success(out + "Z")
        }
        guard t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-"), t.count == i + 6,
              let h = twoDigits(t, i + 1), t[i + 3] == UInt8(ascii: ":"), let m = twoDigits(t, i + 4) else { return .failure(.malformed) }
        guard h <= 23, m <= 59 else { return .failure(.outOfRange) }
        return .success(out + String(decoding: t[i...], as: UTF8.self))
    }

    enum Problem: Error {
        case malformed
        case outOfRange

        var reason: String {
            switch self {
            case .malformed: return "write dates and times as 1979-05-27, 07:32:00, 1979-05-27T07:32:00 or 1979-05-27T07:32:00Z"
            case .outOfRange: return "a field is out of range (month 1-12, the day within its month, hour 0-23, minute and second 0-59)"
            }
        }
    }

    private struct Day {
        var year, month, day: Int
        var valid: Bool {
            guard (1...12).contains(month), day >= 1 else { return false }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            return day <= days
        }
    }

    private static func date(_ t: [UInt8]) -> (Day, Int)? {
        guard t.count >= 10, t[0...3].allSatisfy(isDigit), t[4] == UInt8(ascii: "-"),
              let month = twoDigits(t, 5), t[7] == UInt8(ascii: "-"), let day = twoDigits(t, 8) else { return nil }
        let year = t[0...3].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (Day(year: year, month: month, day: day), 10)
    }

    /// `HH:MM:SS` with an optional fraction, from `start`: its text, whether it is in range, its end.
    private static func time(_ t: [UInt8], from start: Int) -> (String, Bool, Int)? {
        guard let h = twoDigits(t, start), start + 2 < t.count, t[start + 2] == UInt8(ascii: ":"),
              let m = twoDigits(t, start + 3), start + 5 < t.count, t[start + 5] == UInt8(ascii: ":"),
              let s = twoDigits(t, start + 6) else { return nil }
        var end = start + 8
        if end < t.count, t[end] == UInt8(ascii: ".") {
            end += 1
            let digitsStart = end
            while end < t.count, isDigit(t[end]) { end += 1 }
            guard end > digitsStart else { return nil }
        }
        return (String(decoding: t[start..<end], as: UTF8.self), h <= 23 && m <= 59 && s <= 59, end)
    }

    private static func twoDigits(_ t: [UInt8], _ i: Int) -> Int? {
        guard i + 1 < t.count, isDigit(t[i]), isDigit(t[i + 1]) else { return nil }
        return Int(t[i] - 0x30) * 10 + Int(t[i + 1] - 0x30)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
