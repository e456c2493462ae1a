import Foundation

extension ClockZone {
    /// `2026-03-29 02:30`: a moment to the minute in this zone, for schedules (no ICU).
    public func minuteStamp(_ date: Date) -> String {
        let f = UTCTime.fields(of: date.addingTimeInterval(Double(secondsFromGMT(for: date))))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(f.year)-\(two(f.month))-\(two(f.day)) \(two(f.hour)):\(two(f.minute))"
    }
}
