import Foundation
import Testing
import VantageCore

struct ClockZoneTests {
    /// The system zone agrees with Foundation's `TimeZone.current` (the oracle it replaces) on both
    /// sides of this machine's daylight-saving changes, if it has any.
    @Test func systemOffsetAgreesWithFoundation() {
        let zone = TimeZone.current
        for month in 0..<24 {
            let d = Date(timeIntervalSince1970: 1_700_000_000 + Double(month) * 30 * 86_400)
            #expect(ClockZone.system.secondsFromGMT(for: d) == zone.secondsFromGMT(for: d), "at \(d)")
        }
    }

    @Test func aFixedZoneIsItsOffset() {
        #expect(ClockZone.fixed(secondsFromGMT: -18_000).secondsFromGMT(for: Date()) == -18_000)
        #expect(ClockZone.utc.secondsFromGMT(for: Date(timeIntervalSince1970: 1_690_000_000)) == 0)
    }
}
