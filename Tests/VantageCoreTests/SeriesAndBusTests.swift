import Testing
@testable import VantageCore

@Suite struct SeriesTests {
    @Test func ringBufferKeepsNewestInOrder() {
        var s = Series(capacity: 3)
        #expect(s.values.isEmpty)
        s.append(1); s.append(2)
        #expect(s.values == [1, 2])
        s.append(3); s.append(4); s.append(5)
        #expect(s.values == [3, 4, 5])
        #expect(s.count == 3)
        #expect(s.last == 5)
        #expect(s.suffix(2) == [4, 5])
    }
}

@Suite struct BusTests {
    @Test func fansOutEventsToEverySubscriber() async {
        let bus = Bus()
        let a = bus.events()
        let b = bus.events()
        bus.publish(.timeline(TimelineEntry(time: .init(timeIntervalSince1970: 0), kind: .scan, text: "x")))
        bus.close()
        var countA = 0, countB = 0
        for await _ in a { countA += 1 }
        for await _ in b { countB += 1 }
        #expect(countA == 1 && countB == 1)
    }

    @Test func boundedBufferDropsOldestAndCounts() async {
        let bus = Bus()
        let slow = bus.events(capacity: 4)
        for i in 0..<10 {
            bus.publish(.timeline(TimelineEntry(time: .init(timeIntervalSince1970: Double(i)), kind: .scan, text: "\(i)")))
        }
        bus.close()
        var texts: [String] = []
        for await case .timeline(let e) in slow { texts.append(e.text) }
        #expect(texts == ["6", "7", "8", "9"])
        #expect(bus.dropped == 6)
    }

    @Test func commandsReachListeners() async {
        let bus = Bus()
        let cmds = bus.commands()
        bus.send(.refresh)
        bus.send(.stop(ProjectID("/p")))
        bus.close()
        var got: [Command] = []
        for await c in cmds { got.append(c) }
        #expect(got == [.refresh, .stop(ProjectID("/p"))])
    }
}
