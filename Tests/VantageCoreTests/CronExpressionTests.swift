import Foundation
import Testing
@testable import VantageCore

@Suite struct CronExpressionTests {
    static func at(_ iso: String) -> Date { UTCTime.parseISO8601(iso)! }

    /// The next `count` fire times after `start` as ISO 8601 with the zone's offset applied (UTC when nil).
    static func fires(_ expression: String, after start: String, count: Int = 3, zone: String? = nil) throws -> [String] {
        let cron = try CronExpression(expression)
        let tz = try zone.map { try #require(TimeZone(identifier: $0)) }
        let offset: (Date) -> Int = { tz?.secondsFromGMT(for: $0) ?? 0 }
        var out: [String] = []
        var t = at(start)
        for _ in 0 ..< count {
            guard let next = cron.next(after: t, offset: offset) else { break }
            let seconds = offset(next)
            let sign = seconds < 0 ? "-" : "+"
            let hhmm = String(format: "%02d%02d", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
            out.append(String(UTCTime.iso8601(next.addingTimeInterval(Double(seconds))).dropLast()) + sign + hhmm)
            t = next
        }
        return out
    }

    // MARK: reading

    @Test func stepsRangesListsAndNames() throws {
        #expect(try Self.fires("*/15 * * * *", after: "2026-05-04T10:07:00Z")
                == ["2026-05-04T10:15:00+0000", "2026-05-04T10:30:00+0000", "2026-05-04T10:45:00+0000"])
        #expect(try Self.fires("1-30/10,45 8 * * *", after: "2026-05-04T08:20:00Z", count: 4)
                == ["2026-05-04T08:21:00+0000", "2026-05-04T08:45:00+0000", "2026-05-05T08:01:00+0000", "2026-05-05T08:11:00+0000"])
        // 2026-05-01 is a Friday; JAN-mar and Mon-Fri in any case.
        #expect(try Self.fires("0 9 * JAN-mar,Dec Mon-FRI", after: "2026-05-01T12:00:00Z", count: 2)
                == ["2026-12-01T09:00:00+0000", "2026-12-02T09:00:00+0000"])
        // `a/n` runs from a to the end of the field.
        #expect(try Self.fires("50/4 3 * * *", after: "2026-05-04T00:00:00Z", count: 4)
                == ["2026-05-04T03:50:00+0000", "2026-05-04T03:54:00+0000", "2026-05-04T03:58:00+0000", "2026-05-05T03:50:00+0000"])
    }

    @Test func sevenIsSundayAsIsZero() throws {
        let sunday = try Self.fires("0 0 * * 0", after: "2026-05-01T00:00:00Z")
        #expect(sunday == ["2026-05-03T00:00:00+0000", "2026-05-10T00:00:00+0000", "2026-05-17T00:00:00+0000"])
        #expect(try Self.fires("0 0 * * 7", after: "2026-05-01T00:00:00Z") == sunday)
        #expect(try Self.fires("0 0 * * sun", after: "2026-05-01T00:00:00Z") == sunday)
        // sat-sun ends on Sunday, 5-7 is Friday to Sunday.
        #expect(try Self.fires("0 0 * * sat-sun", after: "2026-05-01T00:00:00Z")
                == ["2026-05-02T00:00:00+0000", "2026-05-03T00:00:00+0000", "2026-05-09T00:00:00+0000"])
        #expect(try Self.fires("0 0 * * 5-7", after: "2026-05-01T00:00:00Z", count: 4)
                == ["2026-05-02T00:00:00+0000", "2026-05-03T00:00:00+0000", "2026-05-08T00:00:00+0000", "2026-05-09T00:00:00+0000"])
    }

    @Test func rangesGoRoundTheEndOfTheirField() throws {
        #expect(try Self.fires("0 22-1 * * *", after: "2026-05-04T12:00:00Z", count: 5)
                == ["2026-05-04T22:00:00+0000", "2026-05-04T23:00:00+0000", "2026-05-05T00:00:00+0000",
                    "2026-05-05T01:00:00+0000", "2026-05-05T22:00:00+0000"])
        // fri-mon on Friday 2026-05-01: Fri, Sat, Sun, Mon, then the next Friday.
        #expect(try Self.fires("0 12 * * fri-mon", after: "2026-05-01T00:00:00Z", count: 5)
                == ["2026-05-01T12:00:00+0000", "2026-05-02T12:00:00+0000", "2026-05-03T12:00:00+0000",
                    "2026-05-04T12:00:00+0000", "2026-05-08T12:00:00+0000"])
        // 50-10/5 continues the step over the hour: 50, 55, 0, 5, 10.
        #expect(try Self.fires("50-10/5 * * * *", after: "2026-05-04T12:49:00Z", count: 6)
                == ["2026-05-04T12:50:00+0000", "2026-05-04T12:55:00+0000", "2026-05-04T13:00:00+0000",
                    "2026-05-04T13:05:00+0000", "2026-05-04T13:10:00+0000", "2026-05-04T13:50:00+0000"])
    }

    @Test func aliases() throws {
        let start = "2026-05-04T10:07:00Z"  // a Monday
        #expect(try Self.fires("@hourly", after: start, count: 1) == ["2026-05-04T11:00:00+0000"])
        #expect(try Self.fires("@daily", after: start, count: 1) == ["2026-05-05T00:00:00+0000"])
        #expect(try Self.fires("@MIDNIGHT", after: start, count: 1) == ["2026-05-05T00:00:00+0000"])
        #expect(try Self.fires("@weekly", after: start, count: 1) == ["2026-05-10T00:00:00+0000"])
        #expect(try Self.fires("@monthly", after: start, count: 1) == ["2026-06-01T00:00:00+0000"])
        #expect(try Self.fires("@yearly", after: start, count: 1) == ["2027-01-01T00:00:00+0000"])
        #expect(try Self.fires("@annually", after: start, count: 1) == ["2027-01-01T00:00:00+0000"])
        #expect(try CronExpression("  0\t0  * * *  ").text == "0\t0  * * *")
        #expect(try CronExpression(" @daily ").text == "@daily")
    }

    // MARK: day of month and day of week

    @Test func bothDayFieldsRestrictedMeansEither() throws {
        // The 13th or any Friday: 2026-03-06 and 03-20 are Fridays, 03-13 is both.
        #expect(try Self.fires("0 0 13 * fri", after: "2026-03-01T00:00:00Z", count: 4)
                == ["2026-03-06T00:00:00+0000", "2026-03-13T00:00:00+0000", "2026-03-20T00:00:00+0000", "2026-03-27T00:00:00+0000"])
        // A `*` day of week leaves only the 13th.
        #expect(try Self.fires("0 0 13 * *", after: "2026-03-01T00:00:00Z", count: 2)
                == ["2026-03-13T00:00:00+0000", "2026-04-13T00:00:00+0000"])
        // Odd days or Mondays (2026-03-02 and 03-09 are Mondays).
        #expect(try Self.fires("0 0 */2 * mon", after: "2026-03-01T00:00:00Z", count: 5)
                == ["2026-03-02T00:00:00+0000", "2026-03-03T00:00:00+0000", "2026-03-05T00:00:00+0000",
                    "2026-03-07T00:00:00+0000", "2026-03-09T00:00:00+0000"])
        // Every day named, with a `*` in the day of week: only that field restricts (croniter's reading).
        #expect(try Self.fires("0 0 1-31 * */3", after: "2026-03-01T00:00:00Z", count: 3)
                == ["2026-03-04T00:00:00+0000", "2026-03-07T00:00:00+0000", "2026-03-08T00:00:00+0000"])
    }

    // MARK: calendars

    @Test func monthEndsAndLeapYears() throws {
        #expect(try Self.fires("0 0 31 * *", after: "2026-01-31T01:00:00Z", count: 3)
                == ["2026-03-31T00:00:00+0000", "2026-05-31T00:00:00+0000", "2026-07-31T00:00:00+0000"])
        #expect(try Self.fires("0 12 29 feb *", after: "2026-03-01T00:00:00Z", count: 2)
                == ["2028-02-29T12:00:00+0000", "2032-02-29T12:00:00+0000"])
        // 2100 is not a leap year: eight years between two 29 Februaries.
        #expect(try Self.fires("0 12 29 2 *", after: "2096-03-01T00:00:00Z", count: 1) == ["2104-02-29T12:00:00+0000"])
        #expect(try Self.fires("59 23 31 12 *", after: "2026-12-31T23:59:00Z", count: 1) == ["2027-12-31T23:59:00+0000"])
        #expect(try Self.fires("* * * * *", after: "2026-12-31T23:59:30.5Z", count: 2)
                == ["2027-01-01T00:00:00+0000", "2027-01-01T00:01:00+0000"])
    }

    // MARK: daylight saving time (croniter's answers)

    @Test func aSkippedLocalTimeRunsAtTheEndOfTheJump() throws {
        // Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST.
        #expect(try Self.fires("30 2 * * *", after: "2026-03-28T23:50:00Z", zone: "Europe/Berlin")
                == ["2026-03-29T03:00:00+0200", "2026-03-30T02:30:00+0200", "2026-03-31T02:30:00+0200"])
        // Two skipped minutes run once.
        #expect(try Self.fires("15,45 2 * * *", after: "2026-03-28T23:50:00Z", zone: "Europe/Berlin")
                == ["2026-03-29T03:00:00+0200", "2026-03-30T02:15:00+0200", "2026-03-30T02:45:00+0200"])
        // With `*` as the hour the skipped minutes are skipped.
        #expect(try Self.fires("30 * * * *", after: "2026-03-28T23:50:00Z", zone: "Europe/Berlin")
                == ["2026-03-29T01:30:00+0100", "2026-03-29T03:30:00+0200", "2026-03-29T04:30:00+0200"])
        // Lord Howe jumps half an hour, 02:00 to 02:30.
        #expect(try Self.fires("10 2 * * *", after: "2026-10-03T14:00:00Z", count: 2, zone: "Australia/Lord_Howe")
                == ["2026-10-04T02:30:00+1100", "2026-10-05T02:10:00+1100"])
    }

    @Test func aRepeatedLocalTimeRunsBothTimes() throws {
        // Berlin, 2026-10-25: 03:00 CEST becomes 02:00 CET.
        #expect(try Self.fires("30 2 * * *", after: "2026-10-24T22:50:00Z", zone: "Europe/Berlin")
                == ["2026-10-25T02:30:00+0200", "2026-10-25T02:30:00+0100", "2026-10-26T02:30:00+0100"])
        // From inside the first pass of the repeated hour.
        #expect(try Self.fires("15 2 * * *", after: "2026-10-25T00:40:00Z", count: 2, zone: "Europe/Berlin")
                == ["2026-10-25T02:15:00+0100", "2026-10-26T02:15:00+0100"])
        #expect(try Self.fires("*/30 * * * *", after: "2026-10-25T00:20:00Z", count: 4, zone: "Europe/Berlin")
                == ["2026-10-25T02:30:00+0200", "2026-10-25T02:00:00+0100", "2026-10-25T02:30:00+0100", "2026-10-25T03:00:00+0100"])
    }

    @Test func theSecondPassIsFoundByLookingBackByTheChange() throws {
        // Lord Howe, 2026-04-05: 02:00 (+11) becomes 01:30 (+10:30). From 01:50 in the first pass,
        // croniter looks back 30 minutes to 01:20, finds 01:25 (before the repeated half hour) and
        // goes on at 02:00: the second 01:50 does not run.
        #expect(try Self.fires("*/25 * * * *", after: "2026-04-04T14:40:00Z", count: 3, zone: "Australia/Lord_Howe")
                == ["2026-04-05T01:50:00+1100", "2026-04-05T02:00:00+1030", "2026-04-05T02:25:00+1030"])
    }

    @Test func theSystemZoneIsTheDefault() throws {
        let cron = try CronExpression("0 * * * *")
        let start = Self.at("2026-05-04T10:07:00Z")
        #expect(cron.next(after: start) == cron.next(after: start, in: .system))
        #expect(cron.next(after: start, in: .utc) == Self.at("2026-05-04T11:00:00Z"))
        #expect(cron.next(after: start, in: .fixed(secondsFromGMT: 1800)) == Self.at("2026-05-04T10:30:00Z"))
    }

    // MARK: refused expressions, each with its exact error

    static let fields = "a cron expression has 5 fields (minute hour day-of-month month day-of-week)"
    static let names = "@hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually"
    static let invalid: [(String, String)] = [
        ("", "column 1: the expression is empty: expected 5 fields (minute hour day-of-month month day-of-week) or one of \(names)"),
        ("   ", "column 1: the expression is empty: expected 5 fields (minute hour day-of-month month day-of-week) or one of \(names)"),
        ("* * * *", "field 5 (day of week), column 8: the day of week is missing: \(fields)"),
        ("5", "field 2 (hour), column 2: the hour is missing: \(fields)"),
        ("* * * * * *", "column 11: a 6th field '*': \(fields); seconds and years are not supported"),
        ("@fortnightly", "column 1: unknown schedule name '@fortnightly': expected one of \(names)"),
        ("@daily 5", "column 8: nothing may follow @daily, found '5'"),
        ("60 * * * *", "field 1 (minute), column 1: 60 is out of range: a minute is 0-59"),
        ("0 24 * * *", "field 2 (hour), column 3: 24 is out of range: an hour is 0-23"),
        ("0 0 0 * *", "field 3 (day of month), column 5: 0 is out of range: a day of the month is 1-31"),
        ("0 0 * 13 *", "field 4 (month), column 7: 13 is out of range: a month is 1-12 or jan-dec"),
        ("0 0 * 0 *", "field 4 (month), column 7: 0 is out of range: a month is 1-12 or jan-dec"),
        ("0 0 * * 8", "field 5 (day of week), column 9: 8 is out of range: a day of the week is 0-7 or sun-sat; 0 and 7 are Sunday"),
        ("0 0 * foo *", "field 4 (month), column 7: 'foo' is not a month: expected 1-12 or one of "
         + "jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec"),
        ("0 0 * * mon-funday", "field 5 (day of week), column 13: 'funday' is not a day of the week: "
         + "expected 0-7 or one of sun, mon, tue, wed, thu, fri, sat; 0 and 7 are Sunday"),
        ("mon * * * *", "field 1 (minute), column 1: expected a minute (0-59), found 'mon'"),
        ("0 0 L * *", "field 3 (day of month), column 5: expected a day of the month (1-31), found 'L'"),
        ("0 0 ? * *", "field 3 (day of month), column 5: expected a day of the month (1-31) or '*', found '?'"),
        ("-1 * * * *", "field 1 (minute), column 1: expected a minute (0-59) or '*', found '-'"),
        ("0 0 * * ｍon", "field 5 (day of week), column 9: expected a day of the week (0-7 or sun-sat) or '*', found 'ｍ'"),
        ("*/0 * * * *", "field 1 (minute), column 3: a step of 0 does not fit: the minute step is 1-60"),
        ("0 */25 * * *", "field 2 (hour), column 5: a step of 25 does not fit: the hour step is 1-24"),
        ("0 0 * * */8", "field 5 (day of week), column 11: a step of 8 does not fit: the day of week step is 1-7"),
        ("*/ * * * *", "field 1 (minute), column 3: expected a step (a number) after '/'"),
        ("*/x * * * *", "field 1 (minute), column 3: expected a step (a number) after '/', found 'x'"),
        ("1-/5 * * * *", "field 1 (minute), column 3: expected a minute after '-' (0-59)"),
        ("1- * * * *", "field 1 (minute), column 3: expected a minute after '-' (0-59)"),
        ("1,,2 * * * *", "field 1 (minute), column 3: expected a value after ','"),
        (",1 * * * *", "field 1 (minute), column 1: expected a value before ','"),
        ("1, * * * *", "field 1 (minute), column 3: expected a value after ','"),
        ("5-10-15 * * * *", "field 1 (minute), column 5: unexpected '-': expected '/', ',' or the end of the field"),
        ("*5 * * * *", "field 1 (minute), column 2: unexpected '5': expected '/', ',' or the end of the field"),
        ("0 0 * * 1#2", "field 5 (day of week), column 10: unexpected '#': expected '-', '/', ',' or the end of the field"),
        ("0 0 31 2 *", "field 3 (day of month), column 5: day 31 never comes in feb: this schedule would never run"),
        ("0 0 30,31 feb *", "field 3 (day of month), column 5: day 30 never comes in feb: this schedule would never run"),
        ("0 0 31 apr,jun *", "field 3 (day of month), column 5: day 31 never comes in apr, jun: this schedule would never run"),
        ("99999999999999999999 * * * *", "field 1 (minute), column 1: 999999999999… is out of range: a minute is 0-59"),
        ("0 0 1 1 1 ,", "column 11: a 6th field ',': \(fields); seconds and years are not supported"),
        ("0" + String(repeating: ",0", count: 100) + " * * * *",
         "field 1 (minute), column 201: more than 100 items in one list"),
        (String(repeating: "1", count: 1001), "column 1001: the expression is longer than 1000 characters"),
    ]

    @Test(arguments: invalid)
    func refusesWithItsLocation(_ expression: String, _ expected: String) {
        #expect(throws: CronSyntaxError.self) { try CronExpression(expression) }
        do {
            _ = try CronExpression(expression)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func anUnreachableDayIsFineWhenTheWeekdayAlsoRuns() throws {
        // 31 February never comes, but with a restricted day of week the Mondays still run.
        #expect(try Self.fires("0 0 31 2 mon", after: "2026-01-31T00:00:00Z", count: 2)
                == ["2026-02-02T00:00:00+0000", "2026-02-09T00:00:00+0000"])
    }

    @Test func noInputTraps() {
        // Random bytes from the cron alphabet: every result is a value or a located error.
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789*/-,  @abcdefjlmnorstuvwyL#?\t7")
        for _ in 0 ..< 5000 {
            let text = String((0 ..< Int.random(in: 0 ... 30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            do {
                let cron = try CronExpression(text)
                #expect(cron.next(after: Date(timeIntervalSince1970: 1_800_000_000), in: .utc) != nil, "\(text) never runs")
            } catch {
                #expect(error.column >= 1 && error.column <= text.count + 1, "\(text): \(error)")
            }
        }
    }
}
