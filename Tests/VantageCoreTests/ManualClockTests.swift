import Foundation
import Testing
@testable import VantageCore

@Suite struct ManualClockTests {
    @Test func timeMovesOnlyWhenAdvanced() {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 100))
        #expect(clock.now == Date(timeIntervalSince1970: 100))
        clock.advance(by: .milliseconds(1500))
        #expect(clock.now == Date(timeIntervalSince1970: 101.5))
        #expect(clock.since(Date(timeIntervalSince1970: 100)) == .milliseconds(1500))
    }

    @Test func sleepersWakeAtTheirDeadlineInOrder() async {
        let clock = ManualClock()
        let order = Order()
        let long = Task { try? await clock.sleep(for: .seconds(5)); await order.add("5 s") }
        let short = Task { try? await clock.sleep(for: .seconds(1)); await order.add("1 s") }
        #expect(await clock.waitForSleepers(2))
        clock.advance(by: .milliseconds(999))
        #expect(clock.sleeping == 2, "nobody is due yet")
        clock.advance(by: .milliseconds(1))
        await short.value
        #expect(await order.all == ["1 s"])
        #expect(clock.sleeping == 1)
        clock.advance(by: .seconds(10))
        await long.value
        #expect(await order.all == ["1 s", "5 s"])
    }

    @Test func aCancelledSleeperThrowsAndLeaves() async {
        let clock = ManualClock()
        let sleeper = Task { () -> Bool in
            do { try await clock.sleep(for: .seconds(60)); return false } catch { return error is CancellationError }
        }
        #expect(await clock.waitForSleepers(1))
        sleeper.cancel()
        #expect(await sleeper.value)
        #expect(clock.sleeping == 0)
    }

    @Test func aZeroSleepReturnsAtOnce() async throws {
        let clock = ManualClock()
        try await clock.sleep(for: .zero)
        #expect(clock.sleeping == 0)
    }

    actor Order {
        var all: [String] = []
        func add(_ s: String) { all.append(s) }
    }
}
