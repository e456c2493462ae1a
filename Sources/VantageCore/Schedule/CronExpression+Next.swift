import Foundation

/// Fire times. A cron expression names wall-clock minutes in local time; `next(after:offset:)` turns
/// them into instants with the zone's UTC offset, step for step as croniter does:
/// - a minute that a daylight-saving jump skips (02:30 when clocks go from 02:00 to 03:00) runs
///   once, at the end of the jump (03:00), when the hour field names hours; with `*` as the hour it
///   is skipped, since the next hour's run comes a moment later anyway;
/// - a minute the clocks pass twice (going back from 03:00 to 02:00) runs in the first pass, and
///   in the second pass too when looking back from the last run by the size of the change finds
///   it: from a run at 02:30 (first pass) a job at 02:00 and 02:30 runs at both again after the
///   change, while `*/25 * * * *` seen from 01:50 on Lord Howe (clocks back 30 minutes at 02:00)
///   looks back to 01:20, finds 01:25 before the repeated half hour, and goes on at 02:00.
extension CronExpression {
    /// The first fire time strictly after `date`, in the zone whose UTC offset at an instant
    /// `offset` gives (seconds east of UTC). Nil only if nothing matches within nine years, which a
    /// checked expression cannot do.
    public func next(after date: Date, offset: (Date) -> Int) -> Date? {
        withoutActuallyEscaping(offset) { offset in
            let zone = ZoneOffsets(offset: offset)
            // Both day fields restricted: the earlier of the two schedules, each computed on its own.
            let candidates = dayOfMonthOrWeek ? [next(after: date, zone: zone, days: .ofMonth), next(after: date, zone: zone, days: .ofWeek)]
                                              : [next(after: date, zone: zone, days: .both)]
            return candidates.compactMap { $0 }.min().map { Date(timeIntervalSince1970: Double($0)) }
        }
    }

    /// Which day fields decide whether a day runs.
    enum DayRule { case both, ofMonth, ofWeek }

    private func next(after date: Date, zone: ZoneOffsets, days: DayRule) -> Int? {
        let after = date.timeIntervalSince1970
        let now = Int(after.rounded(.down))
        let offsetNow = zone.at(now)
        guard var wall = firstMatch(atOrAfter: CronWallClock.minute(floorOf: now + offsetNow) + 1, days: days) else { return nil }
        var (fire, exists) = zone.resolve(wallMinute: wall, after: after)
        if !exists && (Double(fire) <= after || everyHour) {
            for _ in 0 ..< 1000 where !exists {
                guard let later = firstMatch(atOrAfter: wall + 1, days: days) else { return nil }
                wall = later
                (fire, exists) = zone.resolve(wallMinute: wall, after: after)
            }
        }
        let change = zone.at(fire) - offsetNow
        guard change != 0 else { return fire }
        // The offset changed on the way: the same search from now shifted by the change may find an earlier time.
        guard let other = firstMatch(atOrAfter: CronWallClock.minute(floorOf: now + offsetNow + change) + 1, days: days) else { return fire }
        let (alternative, alternativeExists) = zone.resolve(wallMinute: other, after: after)
        guard alternativeExists, Double(alternative) > after else { return fire }
        return min(fire, alternative)
    }

    /// `next(after:offset:)` in a `ClockZone` (`.system` follows `TZ` and `/etc/localtime`).
    public func next(after date: Date, in zone: ClockZone = .system) -> Date? {
        next(after: date, offset: { zone.secondsFromGMT(for: $0) })
    }

    /// The first wall-clock minute (minutes since 1970-01-01 00:00 local) at or after `start` that
    /// the fields accept, looking at most nine years ahead (a 29 February can be eight years away).
    func firstMatch(atOrAfter start: Int, days: DayRule = .both) -> Int? {
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
            if dayMatches(day: dayOfMonth, weekday: CronWallClock.weekday(ofDay: day), days),
               let minute = firstTime(atOrAfter: fromMinute) {
                return day * 1440 + minute
            }
            day += 1
            fromMinute = 0
        }
        return nil
    }

    func dayMatches(day: Int, weekday: Int, _ rule: DayRule) -> Bool {
        let byDate = daysOfMonth >> UInt64(day) & 1 == 1
        let byWeekday = daysOfWeek >> UInt64(weekday) & 1 == 1
        switch rule {
        case .both: return byDate && byWeekday
        case .ofMonth: return byDate
        case .ofWeek: return byWeekday
        }
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

    /// The instant a wall-clock minute stands for, as Python's `datetime` with `fold` resolves it
    /// (croniter's `_add_tzinfo`): when the clocks pass it twice, the first pass if that is after
    /// `after`, else the second; when they jump over it, the end of the jump, with `exists` false.
    func resolve(wallMinute minute: Int, after: Double) -> (instant: Int, exists: Bool) {
        let wall = minute * 60
        // Offsets in force from 14 hours before to 12 hours after: at most one change lies between.
        let before = at(wall - 14 * 3600), later = at(wall + 12 * 3600)
        let found = Set([before, later]).filter { at(wall - $0) == $0 }.map { wall - $0 }.sorted()
        if let first = found.first { return (Double(first) > after || found.count == 1 ? first : found[1], true) }
        // Skipped: the jump happened between `wall - later` (old offset) and `wall - before` (new one).
        var (low, high) = (wall - max(before, later), wall - min(before, later))
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if at(middle) == at(high) { high = middle } else { low = middle }
        }
        return (CronWallClock.floorDiv(high + 59, 60) * 60, false)
    }
}
