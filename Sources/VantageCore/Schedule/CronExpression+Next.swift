import Foundation

/// Fire times. A cron expression names wall-clock minutes in local time; `next(after:offset:)` turns
/// them into instants with the zone's UTC offset, as croniter does:
/// - a minute that a daylight-saving jump skips (02:30 when clocks go from 02:00 to 03:00) runs
///   once, at the end of the jump (03:00), when the hour field names hours; with `*` as the hour it
///   is skipped, since the next hour's run comes a moment later anyway;
/// - a minute that happens twice (clocks going back from 03:00 to 02:00) runs both times.
extension CronExpression {
    /// The first fire time strictly after `date`, in the zone whose UTC offset at an instant
    /// `offset` gives (seconds east of UTC). Nil only if nothing matches within nine years, which a
    /// checked expression cannot do.
    public func next(after date: Date, offset: (Date) -> Int) -> Date? {
        withoutActuallyEscaping(offset) { next(after: date, zone: ZoneOffsets(offset: $0)) }
    }

    private func next(after date: Date, zone: ZoneOffsets) -> Date? {
        let after = Int(date.timeIntervalSince1970.rounded(.down))
        let offsetNow = zone.at(after)
        // Clocks going back within the next day make wall times before now's come again.
        let replay = max(0, offsetNow - zone.at(after + 86_400))
        var wall = CronWallClock.minute(floorOf: after + offsetNow - replay)
        var best: Int?
        var searchUntil = Int.max
        for _ in 0 ..< 10_000 {
            guard wall <= searchUntil, let match = firstMatch(atOrAfter: wall) else { break }
            for instant in zone.instants(ofWallMinute: match, shiftSkipped: !everyHour) where instant > after {
                if best == nil || instant < best! {
                    best = instant
                    // Later wall times can only come earlier if an offset change lies in between.
                    let spread = abs(offsetNow - zone.at(instant)) + replay
                    searchUntil = CronWallClock.minute(floorOf: instant + zone.at(instant) + spread)
                }
            }
            wall = match + 1
        }
        return best.map { Date(timeIntervalSince1970: Double($0)) }
    }

    /// `next(after:offset:)` in a `ClockZone` (`.system` follows `TZ` and `/etc/localtime`).
    public func next(after date: Date, in zone: ClockZone = .system) -> Date? {
        next(after: date, offset: { zone.secondsFromGMT(for: $0) })
    }

    /// The first wall-clock minute (minutes since 1970-01-01 00:00 local) at or after `start` that
    /// the fields accept, looking at most nine years ahead (a 29 February can be eight years away).
    func firstMatch(atOrAfter start: Int) -> Int? {
        var day = CronWallClock.floorDiv(start, 1440)
        var fromMinute = start - day * 1440
        let lastDay = day + 9 * 366
        while day <= lastDay {
            let (year, month, dayOfMonth) = UTCTime.civil(fromDays: day)
            if months >> UInt64(month) & 1 == 0 {
                day = UTCTime.daysFromCivil(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
                fromMinute = 0
                continue
            }
            if dayMatches(year: year, month: month, day: dayOfMonth, weekday: CronWallClock.weekday(ofDay: day)),
               let minute = firstTime(atOrAfter: fromMinute) {
                return day * 1440 + minute
            }
            day += 1
            fromMinute = 0
        }
        return nil
    }

    func dayMatches(year: Int, month: Int, day: Int, weekday: Int) -> Bool {
        let byDate = daysOfMonth >> UInt64(day) & 1 == 1
        let byWeekday = daysOfWeek >> UInt64(weekday) & 1 == 1
        return dayOfMonthOrWeek ? byDate || byWeekday : byDate && byWeekday
    }

    /// The first accepted minute of the day (0-1439) at or after `minuteOfDay`.
    func firstTime(atOrAfter minuteOfDay: Int) -> Int? {
        var hour = minuteOfDay / 60
        var minute = minuteOfDay % 60
        while hour < 24 {
            if hours >> UInt64(hour) & 1 == 1 {
                let left = minutes >> UInt64(minute)
                if left != 0 { return hour * 60 + minute + left.trailingZeroBitCount }
            }
            hour += 1
            minute = 0
        }
        return nil
    }
}

/// Local wall-clock minutes counted from 1970-01-01 00:00 (the same calendar arithmetic as UTC).
enum CronWallClock {
    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
    static func minute(floorOf seconds: Int) -> Int { floorDiv(seconds, 60) }
    /// 0 = Sunday. Day 0 (1970-01-01) was a Thursday.
    static func weekday(ofDay day: Int) -> Int { ((day % 7) + 11) % 7 }
}

/// A zone's UTC offsets, for turning wall-clock minutes into instants.
struct ZoneOffsets {
    let offset: (Date) -> Int

    func at(_ instant: Int) -> Int { offset(Date(timeIntervalSince1970: Double(instant))) }

    /// The instants (seconds since 1970) at which the wall clock shows `minute`: one, two when the
    /// clocks go back over it, none when they jump over it, or with `shiftSkipped` the end of the jump.
    func instants(ofWallMinute minute: Int, shiftSkipped: Bool) -> [Int] {
        let wall = minute * 60
        // Offsets in force from 14 hours before to 12 hours after: at most one change lies between.
        let before = at(wall - 14 * 3600), after = at(wall + 12 * 3600)
        let found = Set([before, after]).filter { at(wall - $0) == $0 }.map { wall - $0 }.sorted()
        guard found.isEmpty, shiftSkipped, after > before else { return found }
        // Skipped: the jump happened between `wall - after` (old offset) and `wall - before` (new one).
        var (low, high) = (wall - after, wall - before)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if at(middle) == after { high = middle } else { low = middle }
        }
        return [CronWallClock.floorDiv(high + 59, 60) * 60]
    }
}
