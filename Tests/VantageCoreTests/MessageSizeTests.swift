import Foundation
import Testing
@testable import VantageCore

/// Swift 6.3 aborts ("freed pointer was not the last allocation", swiftlang/swift#87481) when an
/// `AsyncStream` delivers elements of about 280 bytes or more. The bus streams `Event` and
/// `Command`, so both must stay small however many payloads they grow.
@Suite("Bus messages stay small")
struct MessageSizeTests {
    @Test func eventsAndCommandsAreOnePointerWide() {
        #expect(MemoryLayout<Event>.size <= 16, "Event is \(MemoryLayout<Event>.size) bytes")
        #expect(MemoryLayout<Event?>.size <= 16)
        #expect(MemoryLayout<Command>.size <= 16, "Command is \(MemoryLayout<Command>.size) bytes")
    }

    @Test func boxedEventsRoundTripThroughJSON() throws {
        let event = Event.timeline(TimelineEntry(time: Date(timeIntervalSince1970: 1_700_000_000), kind: .scan, text: "scanned"))
        let decoded = try JSONDecoder().decode(Event.self, from: JSONEncoder().encode(event))
        #expect(decoded == event)
        #expect(decoded != Event.timeline(TimelineEntry(time: Date(timeIntervalSince1970: 0), kind: .scan, text: "scanned")))
    }
}
