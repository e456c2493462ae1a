/// A POSIX cron schedule: five fields (minute, hour, day of month, month, day of week) or one of
/// `@hourly`, `@daily` (`@midnight`), `@weekly`, `@monthly`, `@yearly` (`@annually`).
///
/// Each field is `*`, a value, a range `a-b`, a step `*/n`, `a-b/n` or `a/n` (from `a` to the end of
/// the field), or a comma-separated list of those. Months and days of the week may be named
/// (`jan`, `mon`, any case); 0 and 7 are both Sunday. A range whose start is after its end goes
/// round (`fri-mon`, `22-2`). When both the day of month and the day of week are restricted, a
/// day matching either runs (POSIX). A field written `*` is not restricted, and neither is one that
/// names every day (`1-31`, `0-6`) when the other day field is written with a `*` (as croniter reads it).
///
/// Every malformed expression is refused with the field, column and what was expected
/// (`CronSyntaxError`); an expression that could never run (`0 0 31 2 *`) too. Fire times are
/// computed by `next(after:offset:)`.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    /// The expression as written, without surrounding blanks.
    public let text: String
    /// One bit per accepted value (bit 0 = value 0).
    let minutes: UInt64
    let hours: UInt64
    let daysOfMonth: UInt64
    let months: UInt64
    /// Bits 0-6, Sunday = 0 (7 is folded into 0).
    let daysOfWeek: UInt64
    /// Both day fields are restricted: a day runs when either matches (otherwise both must).
    let dayOfMonthOrWeek: Bool
    /// The hour field names all 24 hours: a time skipped by a daylight-saving jump is then skipped,
    /// not run at the end of the jump.
    let everyHour: Bool

    /// Longer input is refused before it is read.
    public static let maximumLength = 1000
    /// Items of one comma-separated list.
    public static let maximumListItems = 100

    static let aliases: [(name: String, fields: String)] = [
        ("@hourly", "0 * * * *"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@weekly", "0 0 * * 0"),
        ("@monthly", "0 0 1 * *"), ("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"),
    ]

    public var description: String { text }

    public init(_ expression: String) throws(CronSyntaxError) {
        guard expression.utf8.count <= Self.maximumLength else {
            throw CronSyntaxError(field: nil, column: Self.maximumLength + 1,
                                  message: "the expression is longer than \(Self.maximumLength) characters")
        }
        let characters = Array(expression)
        let words = Self.words(characters)
        text = words.isEmpty ? "" : String(characters[(words.first!.column - 1) ..< (words.last!.column - 1 + words.last!.text.count)])
        guard let first = words.first else {
            throw CronSyntaxError(field: nil, column: 1, message: "the expression is empty: expected 5 fields (minute hour "
                                  + "day-of-month month day-of-week) or one of \(Self.aliasNames)")
        }
        var fields = words
        if first.text.first == "@" {
            let name = String(first.text).lowercased()
            guard let alias = Self.aliases.first(where: { $0.name == name }) else {
                throw CronSyntaxError(field: nil, column: first.column,
                                      message: "unknown schedule name '\(String(first.text))': expected one of \(Self.aliasNames)")
            }
            if words.count > 1 {
                throw CronSyntaxError(field: nil, column: words[1].column,
                                      message: "nothing may follow \(alias.name), found '\(String(words[1].text))'")
            }
            fields = Self.words(Array(alias.fields))
        } else if words.count < 5 {
            let missing = CronField.all[words.count]
            throw CronSyntaxError(field: words.count + 1, column: characters.count + 1,
                                  message: "the \(missing.name) is missing: a cron expression has 5 fields "
                                  + "(minute hour day-of-month month day-of-week)")
        } else if words.count > 5 {
            throw CronSyntaxError(field: nil, column: words[5].column,
                                  message: "a 6th field '\(String(words[5].text))': a cron expression has 5 fields "
                                  + "(minute hour day-of-month month day-of-week); seconds and years are not supported")
        }
        var masks: [UInt64] = []
        for (index, word) in fields.enumerated() {
            var reader = CronFieldReader(field: CronField.all[index], number: index + 1, text: word.text, column: word.column)
            masks.append(try reader.read())
        }
        minutes = masks[0]
        hours = masks[1]
        daysOfMonth = masks[2]
        months = masks[3]
        daysOfWeek = (masks[4] & 0x7F) | (masks[4] >> 7 & 1)
        everyHour = hours == Self.fullMask(0 ... 23)
        let dayText = fields[2].text, weekText = fields[4].text
        let dayUnrestricted = dayText == ["*"] || (daysOfMonth == Self.fullMask(1 ... 31) && weekText.contains("*"))
        let weekUnrestricted = weekText == ["*"] || (daysOfWeek == Self.fullMask(0 ... 6) && dayText.contains("*"))
        dayOfMonthOrWeek = !dayUnrestricted && !weekUnrestricted
        if !dayOfMonthOrWeek { try Self.checkReachable(daysOfMonth, months, dayColumn: fields[2].column) }
    }

    static var aliasNames: String { aliases.map(\.name).joined(separator: ", ") }

    static func fullMask(_ values: ClosedRange<Int>) -> UInt64 {
        values.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
    }

    /// Blank-separated words with their 1-based columns.
    static func words(_ characters: [Character]) -> [(text: ArraySlice<Character>, column: Int)] {
        var out: [(ArraySlice<Character>, Int)] = []
        var start: Int?
        for (i, c) in characters.enumerated() {
            let blank = c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
            if blank, let s = start { out.append((characters[s ..< i], s + 1)); start = nil }
            if !blank, start == nil { start = i }
        }
        if let s = start { out.append((characters[s...], s + 1)) }
        return out
    }

    /// Refuses days of the month that no named month has (`31 4`, `30 feb`): such a schedule never runs.
    static func checkReachable(_ days: UInt64, _ months: UInt64, dayColumn: Int) throws(CronSyntaxError) {
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let named = (1 ... 12).filter { months >> UInt64($0) & 1 == 1 }
        guard let firstDay = (1 ... 31).first(where: { days >> UInt64($0) & 1 == 1 }),
              !named.contains(where: { longest[$0 - 1] >= firstDay }) else { return }
        let monthNames = named.map { CronField.month.names[$0 - 1] }
        throw CronSyntaxError(field: 3, column: dayColumn,
                              message: "day \(firstDay) never comes in \(monthNames.joined(separator: ", ")): "
                              + "this schedule would never run")
    }
}

/// Reads one field into a bit mask of the values it accepts.
struct CronFieldReader {
    let field: CronField
    let number: Int
    let text: ArraySlice<Character>
    let column: Int

    private func fail(_ at: Int, _ message: String) -> CronSyntaxError {
        CronSyntaxError(field: number, column: column + (at - text.startIndex), message: message)
    }

    mutating func read() throws(CronSyntaxError) -> UInt64 {
        var mask: UInt64 = 0
        var itemStart = text.startIndex
        var items = 0
        while true {
            let end = text[itemStart...].firstIndex(of: ",") ?? text.endIndex
            items += 1
            if items > CronExpression.maximumListItems {
                throw fail(itemStart, "more than \(CronExpression.maximumListItems) items in one list")
            }
            if itemStart == end {
                throw fail(itemStart, itemStart == text.startIndex ? "expected a value before ','" : "expected a value after ','")
            }
            mask |= try item(itemStart ..< end)
            guard end < text.endIndex else { break }
            itemStart = end + 1
            if itemStart == text.endIndex { throw fail(itemStart, "expected a value after ','") }
        }
        return mask
    }

    /// `*`, `*/n`, `a`, `a/n`, `a-b`, `a-b/n`.
    private func item(_ range: Range<Int>) throws(CronSyntaxError) -> UInt64 {
        var i = range.lowerBound
        var low: Int, high: Int
        var isRange = false
        if text[i] == "*" {
            (low, high) = (field.low, field.cycleHigh)
            i += 1
            isRange = true
        } else {
            let start = try value(at: &i, in: range)
            low = start
            high = start
            if i < range.upperBound, text[i] == "-" {
                i += 1
                guard i < range.upperBound, text[i] != "/" else { throw fail(i, "expected \(field.noun) after '-' (\(field.accepted))") }
                high = try value(at: &i, in: range)
                isRange = true
            }
        }
        var step = 1
        if i < range.upperBound, text[i] == "/" {
            i += 1
            step = try stepValue(at: &i, in: range)
            if !isRange { high = field.cycleHigh }
        }
        if i < range.upperBound {
            throw fail(i, "unexpected '\(text[i])': expected \(isRange ? "'/', ',' or the end of the field" : "'-', '/', ',' or the end of the field")")
        }
        return values(from: low, to: high, step: step)
    }

    /// The values from `low` to `high` every `step`, going round the field's cycle when `low > high`.
    private func values(from low: Int, to high: Int, step: Int) -> UInt64 {
        if low == high { return 1 << UInt64(fold(low)) }
        var (low, high) = (low, high)
        if field.high > field.cycleHigh {   // day of week: 7 is Sunday
            if low == field.high { low = field.low }
            if high == field.low, low > field.low { high = field.high }
            if low == high { return 1 << UInt64(fold(low)) }
        }
        var mask: UInt64 = 0
        if low < high {
            for v in stride(from: low, through: high, by: step) { mask |= 1 << UInt64(fold(v)) }
        } else {
            let distance = high - low + field.span
            for k in stride(from: 0, through: distance, by: step) {
                mask |= 1 << UInt64(field.low + (low - field.low + k) % field.span)
            }
        }
        return mask
    }

    private func fold(_ v: Int) -> Int { v > field.cycleHigh ? v - field.span : v }

    /// A number or a name, range-checked.
    private func value(at i: inout Int, in range: Range<Int>) throws(CronSyntaxError) -> Int {
        let start = i
        while i < range.upperBound, text[i].isASCII, text[i].isLetter || text[i].isNumber { i += 1 }
        guard i > start else {
            let found = text[start]
            throw fail(start, "expected \(field.noun) (\(field.accepted)) or '*', found '\(found)'")
        }
        let word = String(text[start ..< i])
        if word.allSatisfy(\.isNumber) {
            guard word.count <= 4, let n = Int(word), (field.low ... field.high).contains(n) else {
                throw fail(start, "\(word.count > 12 ? word.prefix(12) + "…" : Substring(word)) is out of range: "
                           + "\(field.noun) is \(field.accepted)\(field.note)")
            }
            return n
        }
        if field.names.isEmpty {
            throw fail(start, "expected \(field.noun) (\(field.accepted)), found '\(word)'")
        }
        guard let n = field.value(named: word.lowercased()) else {
            throw fail(start, "'\(word)' is not \(field.noun): expected \(field.low)-\(field.high) or one of "
                       + field.names.joined(separator: ", ") + field.note)
        }
        return n
    }

    private func stepValue(at i: inout Int, in range: Range<Int>) throws(CronSyntaxError) -> Int {
        let start = i
        while i < range.upperBound, text[i].isASCII, text[i].isNumber { i += 1 }
        guard i > start else {
            throw fail(start, start < range.upperBound ? "expected a step (a number) after '/', found '\(text[start])'"
                                                       : "expected a step (a number) after '/'")
        }
        let word = String(text[start ..< i])
        guard word.count <= 4, let n = Int(word), n >= 1, n <= field.span else {
            throw fail(start, "a step of \(word.count > 12 ? word.prefix(12) + "…" : Substring(word)) does not fit: "
                       + "the \(field.name) step is 1-\(field.span)")
        }
        return n
    }
}
