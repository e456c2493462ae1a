import Foundation

/// Calendar arithmetic for UTC timestamps, done here instead of through `DateFormatter` or
/// `Date.ISO8601FormatStyle`: those load ICU's calendar data, which costs the dashboard several
/// megabytes of resident memory for a fixed-format string it can build itself.
public enum UTCTime {
    /// The civil UTC fields of a moment (proleptic Gregorian calendar).
    public struct Fields: Equatable, Sendable {
        public var year, month, day, hour, minute, second: Int
        /// Nanoseconds past `second`, 0 ..< 1_000_000_000.
        public var nanosecond: Int
    }

    public static func fields(of date: Date) -> Fields {
        let t = date.timeIntervalSince1970
        let whole = t.rounded(.down)
        let nanos = min(999_999_999, max(0, Int(((t - whole) * 1e9).rounded(.down))))
        let seconds = Int(whole)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return Fields(year: y, month: m, day: d, hour: inDay / 3600, minute: inDay / 60 % 60,
                      second: inDay % 60, nanosecond: nanos)
    }

    public static func date(of f: Fields) -> Date {
        let days = daysFromCivil(year: f.year, month: f.month, day: f.day)
        let seconds = days * 86_400 + f.hour * 3600 + f.minute * 60 + f.second
        return Date(timeIntervalSince1970: Double(seconds) + Double(f.nanosecond) / 1e9)
    }

    /// `2024-03-01`
    public static func day(_ date: Date) -> String {
        let f = fields(of: date)
        return pad(f.year, 4) + "-" + pad(f.month, 2) + "-" + pad(f.day, 2)
    }

    /// `2024-03-01 12:00:00 +0000`: a form every git version reads exactly in `--since`/`--before`.
    public static func git(_ date: Date) -> String {
        let f = fields(of: date)
        return day(date) + " " + pad(f.hour, 2) + ":" + pad(f.minute, 2) + ":" + pad(f.second, 2) + " +0000"
    }

    /// `2024-03-01T12:00:00Z`, or `2024-03-01T12:00:00.123Z` with `fractionalSeconds` (milliseconds,
    /// truncated, as `ISO8601FormatStyle(includingFractionalSeconds:)` writes them).
    public static func iso8601(_ date: Date, fractionalSeconds: Bool = false) -> String {
        let f = fields(of: date)
        var s = day(date) + "T" + pad(f.hour, 2) + ":" + pad(f.minute, 2) + ":" + pad(f.second, 2)
        if fractionalSeconds { s += "." + pad(f.nanosecond / 1_000_000, 3) }
        return s + "Z"
    }

    /// Reads what `iso8601` writes (with or without a fraction of any length, `Z` or `±HH:MM`);
    /// nil for anything else.
    public static func parseISO8601<S: StringProtocol>(_ text: S) -> Date? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from ..< from + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32, b[13] == 58, b[16] == 58,
              let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
              let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var i = 19, nanos = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 100_000_000, digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                nanos += Int(b[i] - 48) * scale; scale /= 10; i += 1; digits += 1
            }
            guard digits > 0 else { return nil }
        }
        var offset = 0
        if i < b.count, b[i] == 90 { i += 1 } else if i + 6 == b.count, b[i] == 43 || b[i] == 45, b[i + 3] == 58,
            let oh = number(i + 1, 2), let om = number(i + 4, 2) {
            offset = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1); i += 6
        } else { return nil }
        guard i == b.count else { return nil }
        let base = date(of: Fields(year: y, month: mo, day: d, hour: h, minute: mi, second: s, nanosecond: nanos))
        return base.addingTimeInterval(Double(-offset))
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        var s = String(n)
        while s.count < width { s = "0" + s }
        return s
    }
}
