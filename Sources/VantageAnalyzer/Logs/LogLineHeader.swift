/// Finds where the message of a log line starts, skipping the header (timestamps, level, component)
/// that loggers put in front of it. One set of shape rules covers syslog-, log4j-, Apache-, Python-
/// and HPC-style headers without per-source settings:
///
/// 1. Read up to `maxUnits` leading units: a `[...]` group (nesting allowed) or a whitespace token.
/// 2. If a unit is a log level (`INFO`, `[error]`, `WARN:` ...) and every unit before it looks like
///    header material (has a digit, is bracketed, is punctuation, an upper-case word, a dotted
///    logger name, a month or day name), the message starts after the level, after a bracketed
///    thread (`[main]`) and a logger name (`dfs.DataNode$X:`, `org.example.Main -`) when present,
///    and after separators (`-`, `|`, `:`).
/// 3. Otherwise leading timestamp-shaped units are skipped.
enum LogLineHeader {
    static let maxUnits = 14

    /// Index of the first byte of the message in `line`.
    static func messageStart(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var units: [(start: Int, end: Int)] = []
        units.reserveCapacity(maxUnits)
        var pos = skipSpace(line, 0)
        while units.count < maxUnits, pos < line.count {
            let end = unitEnd(line, pos)
            units.append((pos, end))
            pos = skipSpace(line, end)
        }
        if units.isEmpty { return line.count }

        for (k, unit) in units.enumerated() {
            if isLevel(line, unit.start, unit.end) {
                var next = k + 1
                func opens(_ i: Int, _ byte: UInt8) -> Bool { i < units.count && line[units[i].start] == byte }
                func separator(_ i: Int) -> Bool { i < units.count && isSeparator(line, units[i].start, units[i].end) }
                func component(_ i: Int) -> Bool { i < units.count && isQualifiedComponent(line, units[i].start, units[i].end) }
                func loggerName(_ i: Int) -> Bool { i < units.count && isQualifiedName(line, units[i].start, units[i].end) }
                // A thread or context in brackets, when a separator or a logger name follows: `[main]`.
                if opens(next, UInt8(ascii: "[")), separator(next + 1) || component(next + 1) || (loggerName(next + 1) && separator(next + 2)) {
                    next += 1
                }
                // A logger name: `dfs.DataNode$PacketResponder:`, or `org.example.Main` before ` - `.
                if component(next) {
                    next += 1
                } else if loggerName(next), separator(next + 1) {
                    next += 1
                }
                while separator(next) { next += 1 }
                return next < units.count ? units[next].start : (units.count < maxUnits ? line.count : pos)
            }
            if !isHeaderLike(line, unit.start, unit.end) { break }
        }
        // No level: skip leading timestamp-shaped units only, keeping at least one unit.
        var k = 0
        while k < units.count - 1,
              isTimestampLike(line, units[k].start, units[k].end)
              || (k > 0 && isShortNumber(line, units[k].start, units[k].end)) { k += 1 }
        return units[k].start
    }

    private static func skipSpace(_ l: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < l.count, l[i] == 0x20 || l[i] == 0x09 { i += 1 }
        return i
    }

    private static func unitEnd(_ l: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        if l[start] == UInt8(ascii: "[") {
            var depth = 0
            var i = start
            while i < l.count {
                if l[i] == UInt8(ascii: "[") { depth += 1 }
                else if l[i] == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        // A group glued to more text (`[x]:`) stays one unit.
                        while i < l.count, l[i] != 0x20, l[i] != 0x09 { i += 1 }
                        return i
                    }
                }
                i += 1
            }
        }
        var i = start
        while i < l.count, l[i] != 0x20, l[i] != 0x09 { i += 1 }
        return i
    }

    private static let levels: [[UInt8]] = [
        "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "SEVERE", "FATAL",
        "CRITICAL", "CRIT", "ALERT", "EMERG", "EMERGENCY", "FINE", "FINER", "FINEST", "CONFIG",
        "VERBOSE", "FAILURE", "PANIC",
    ].map { Array($0.utf8) }

    private static let calendarWords: [[UInt8]] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN",
    ].map { Array($0.utf8) }

    @inline(__always) private static func upper(_ b: UInt8) -> UInt8 {
        b >= 0x61 && b <= 0x7A ? b - 32 : b
    }

    private static func matches(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ words: [[UInt8]]) -> Bool {
        let n = e - s
        outer: for w in words where w.count == n {
            for i in 0 ..< n where upper(l[s + i]) != w[i] { continue outer }
            return true
        }
        return false
    }

    /// `INFO`, `[error]`, `<warn>`, `WARN:`, `INFO,`: a level word with optional brackets or punctuation.
    static func isLevel(_ l: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var s = start, e = end
        while s < e, isPunct(l[s]) { s += 1 }
        while e > s, isPunct(l[e - 1]) { e -= 1 }
        guard e - s >= 3, e - s <= 9 else { return false }
        // Only the bracketed form may be lower case in headers (`[notice]`); bare words must be upper
        // case, so that message words such as "error" are not taken for a level.
        let bracketed = start < s
        if !bracketed {
            for i in s ..< e where l[i] >= 0x61 && l[i] <= 0x7A { return false }
        }
        return matches(l, s, e, levels)
    }

    private static func isPunct(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    private static func isSeparator(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 3 else { return false }
        for i in s ..< e {
            switch l[i] {
            case UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: ">"): continue
            default: return false
            }
        }
        return true
    }

    /// `dfs.DataNode$PacketResponder:`, `com.example.Service:`: a logger name ending in a colon.
    private static func isQualifiedComponent(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 3, l[e - 1] == UInt8(ascii: ":") else { return false }
        var qualified = false
        for i in s ..< e - 1 {
            let b = l[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "$") || b == UInt8(ascii: "@") || b == UInt8(ascii: "/") {
                qualified = true
            } else if !(isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")) {
                return false
            }
        }
        return qualified
    }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isHeaderLike(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if l[s] == UInt8(ascii: "[") { return true }
        var letters = 0, lower = 0, digits = 0
        for i in s ..< e {
            let b = l[i]
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            else if b >= 0x61 && b <= 0x7A { letters += 1; lower += 1 }
            else if b >= 0x41 && b <= 0x5A { letters += 1 }
        }
        if digits > 0 || letters == 0 { return true }
        if lower == 0 && letters >= 1 { return true }
        if isQualifiedName(l, s, e) { return true }
        var ws = s, we = e
        while we > ws, !isAlnum(l[we - 1]) { we -= 1 }
        while ws < we, !isAlnum(l[ws]) { ws += 1 }
        return matches(l, ws, we, calendarWords)
    }

    /// `14` in `Jun 14 15:16:01`: a day or year following a timestamp part.
    private static func isShortNumber(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 4 else { return false }
        for i in s ..< e where !(l[i] >= 0x30 && l[i] <= 0x39) { return false }
        return true
    }

    /// `myapp.db`, `org.example.Main`: a dotted logger name.
    private static func isQualifiedName(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var dots = 0
        for i in s ..< e {
            let b = l[i]
            if b == UInt8(ascii: ".") {
                if i == s || i == e - 1 || !isAlnum(l[i - 1]) { return false }
                dots += 1
            } else if !(isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "$") || b == UInt8(ascii: ":")) {
                return false
            }
        }
        return dots > 0
    }

    private static func isTimestampLike(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var digits = 0, seps = 0, other = 0
        for i in s ..< e {
            let b = l[i]
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            else if b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: "T")
                || b == UInt8(ascii: "Z") || b == UInt8(ascii: "+") || b == UInt8(ascii: "[")
                || b == UInt8(ascii: "]") { seps += 1 }
            else if b != 0x20 { other += 1 }
        }
        if digits >= 4 && seps >= 1 && other <= (l[s] == UInt8(ascii: "[") ? 12 : 0) { return true }
        var ws = s, we = e
        while we > ws, !isAlnum(l[we - 1]) { we -= 1 }
        while ws < we, !isAlnum(l[ws]) { ws += 1 }
        return matches(l, ws, we, calendarWords)
    }
}
