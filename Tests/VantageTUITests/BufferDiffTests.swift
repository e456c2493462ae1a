import Testing
@testable import VantageTUI

@Suite("BufferDiff")
struct BufferDiffTests {
    func buffer(_ rows: [String], width: Int) -> Buffer {
        var b = Buffer(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { b.put(row, x: 0, y: y) }
        return b
    }

    @Test func identicalBuffersHaveNoChanges() {
        let a = buffer(["hello", "world"], width: 5)
        #expect(BufferDiff.changes(from: a, to: a).isEmpty)
    }

    @Test func onlyChangedCellsAreEmitted() {
        let a = buffer(["hello", "world"], width: 5)
        let b = buffer(["help!", "world"], width: 5)
        let changes = BufferDiff.changes(from: a, to: b)
        #expect(changes.map { "\($0.x),\($0.y)=\($0.cell.symbol)" } == ["3,0=p", "4,0=!"])
    }

    @Test func styleChangeAloneIsAChange() {
        let a = buffer(["ab"], width: 2)
        var b = a
        b.setStyle(.role(.error), in: Rect(x: 1, y: 0, width: 1, height: 1))
        let changes = BufferDiff.changes(from: a, to: b)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1)
        #expect(changes.first?.cell.style.fg == .error)
    }

    @Test func wideGlyphIsEmittedOnceWithoutItsContinuation() {
        let a = buffer(["abcd"], width: 4)
        let b = buffer(["a漢d"], width: 4)
        let changes = BufferDiff.changes(from: a, to: b)
        #expect(changes.map(\.x) == [1])
        #expect(changes.first?.cell.symbol == "漢")
        #expect(changes.first?.cell.width == 2)
    }

    @Test func replacingAWideGlyphWithNarrowOnesRedrawsItsSecondColumn() {
        // The old frame's wide glyph covered column 2; the new frame's 'c' at column 2 equals
        // nothing the terminal still shows, so it must be sent even though the old cell was blank.
        let a = buffer(["a漢d"], width: 4)
        var b = buffer(["a漢d"], width: 4)
        b.put("x", x: 1, y: 0)  // overwrites the wide glyph; its right half becomes a space
        let changes = BufferDiff.changes(from: a, to: b)
        #expect(changes.map { "\($0.x)=\($0.cell.symbol)" } == ["1=x", "2= "])
    }

    @Test func unchangedWideGlyphCoversTheNextCellWithoutEmittingIt() {
        let a = buffer(["漢ab"], width: 4)
        let b = buffer(["漢xb"], width: 4)
        #expect(BufferDiff.changes(from: a, to: b).map(\.x) == [2])
    }

    @Test func resizedBufferRepaintsEverything() {
        let a = buffer(["ab"], width: 2)
        let b = buffer(["ab", "cd"], width: 2)
        #expect(BufferDiff.changes(from: a, to: b).count == 4)
    }

    @Test func fullRepaintSkipsContinuationCells() {
        let b = buffer(["漢字"], width: 4)
        #expect(BufferDiff.all(of: b).map(\.x) == [0, 2])
    }
}
