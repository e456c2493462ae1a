import Testing
import VantageFormats
@testable import VantageOrchestrator

@Suite struct RestartPolicyTests {
    @Test func delaysGrowAndAreCapped() throws {
        let p = RestartPolicy(initialDelay: 0.5, maxDelay: 4, jitter: 0.2)
        let delays = (1...8).map { p.delay(forAttempt: $0, random: 0.5) }
        for (a, b) in zip(delays, delays.dropFirst()) { #expect(b >= a) }
        #expect(delays.allSatisfy { $0 <= 4 })
        try #require(delays.count > 0)
        #expect(delays[0] == 0.5 * 0.9)
        #expect(delays.last == 4 * 0.9)
    }
}
