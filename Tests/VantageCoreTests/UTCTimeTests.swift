import Foundation
import Testing
@testable import VantageCore

/// `UTCTime` replaces Foundation's ICU-backed formatters, so Foundation is the oracle here.
struct UTCTimeTests {
    /// Seconds from 1600 to 2400, including leap days, century years and the epoch's edges.
    static let moments: [TimeInterval] = {
        var g = SystemRandomNumberGenerator()
        var out: [TimeInterval] = [0, -1, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 4_107_456_000 /* 2100-02-28 */,
                                   -11_644_473_600 /* 1601-01-01 */, 1_709_251_199.999]
        for _ in 0..<2000 { out.append(Double(Int64.random(in: -11_676_096_000 ... 13_569_465_600, using: &g)) + Double.random(in: 0..<1, using: &g)) }
        return out
    }()

    @Test func iso8601AgreesWithFoundation() {
        let plain = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for t in Self.moments {
            let d = Date(timeIntervalSince1970: t)
            #expect(UTCTime.iso8601(d) == d.formatted(plain), "at \(t)")
            #expect(UTCTime.iso8601(d, fractionalSeconds: true) == d.formatted(fractional), "at \(t)")
        }
    }

    @Test func gitAndDayFormsAgreeWithAPOSIXDateFormatter() {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        // Whole seconds: git dates have no fraction, and the ICU formatter rounds a fraction up.
        for t in Self.moments where t >= 0 {
            let d = Date(timeIntervalSince1970: t.rounded(.down))
            #expect(UTCTime.git(d) == f.string(from: d), "at \(t)")
            #expect(UTCTime.day(d) == String(f.string(from: d).prefix(10)), "at \(t)")
        }
    }

    @Test func parsingReadsBackWhatIsWrittenAndOffsets() throws {
        for t in Self.moments {
            let d = Date(timeIntervalSince1970: t)
            let written = UTCTime.iso8601(d, fractionalSeconds: true)
            let back = try #require(UTCTime.parseISO8601(written))
            // Milliseconds are written truncated, so the moment read back is at most 1 ms early.
            #expect(back.timeIntervalSince1970 <= t + 1e-6 && t - back.timeIntervalSince1970 < 0.001 + 1e-6, "at \(t): \(written)")
        }
        #expect(UTCTime.parseISO8601("2024-03-01T13:30:00+01:30") == UTCTime.parseISO8601("2024-03-01T12:00:00Z"))
        #expect(UTCTime.parseISO8601("2024-03-01T12:00:00.5Z")?.timeIntervalSince1970 == 1_709_294_400.5)
        for bad in ["", "2024-03-01", "2024-13-01T00:00:00Z", "2024-03-01T12:00:00", "2024-03-01T12:00:00.Z",
                    "2024-03-01T12:00:00Zjunk", "x024-03-01T12:00:00Z"] {
            #expect(UTCTime.parseISO8601(bad) == nil, "\(bad)")
        }
    }
}
