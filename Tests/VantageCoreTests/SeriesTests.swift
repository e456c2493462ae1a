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
