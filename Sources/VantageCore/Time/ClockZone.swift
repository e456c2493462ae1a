#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The zone the screen's clock times are shown in. `system` asks the C library (`localtime_r`,
/// which follows `TZ` and `/etc/localtime`, daylight saving included) instead of `TimeZone.current`:
/// Foundation resolves the current zone's canonical name through ICU, which loads megabytes of ICU
/// data into a dashboard that only needs an offset.
public enum ClockZone: Sendable, Equatable {
    case system
    case fixed(secondsFromGMT: Int)

    public static let utc = ClockZone.fixed(secondsFromGMT: 0)

    public func secondsFromGMT(for date: Date) -> Int {
        switch self {
        case .fixed(let seconds):
            return seconds
        case .system:
            var t = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            guard localtime_r(&t, &parts) != nil else { return 0 }
            return Int(parts.tm_gmtoff)
        }
    }
}
