import Testing
import VantageCore
@testable import VantageTUI

@MainActor
@Suite("TerminalWriter")
struct TerminalWriterTests {
    func frame(_ rows: [String], width: Int, style: CellStyle = .plain) -> Buffer {
        var b = Buffer(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { b.put(row, x: 0, y: y, style: style) }
        return b
    }

    @Test func firstFrameIsAFullRepaintAndShowsTheBuffer() {
        let term = MemoryTerminal(width: 6, height: 2)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        writer.draw(frame(["hello", "漢字ok"], width: 6))
        #expect(term.lines == ["hello ", "漢字ok"])
        #expect(term.calls.clears == 1)
        #expect(term.calls.presents == 1)
    }

    @Test func repaintingAnIdenticalBufferWritesNothing() {
        let term = MemoryTerminal(width: 10, height: 3)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        let b = frame(["one", "two", "three"], width: 10)
        writer.draw(b)
        term.resetCounters()
        #expect(writer.draw(b) == 0)
        #expect(term.calls.writes == 0)
        #expect(term.calls.presents == 0)
        #expect(term.estimatedBytes == 0)
    }

    @Test func adjacentChangesInOneStyleAreOneMoveAndOnePut() throws {
        let term = MemoryTerminal(width: 10, height: 2)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        writer.draw(frame(["aaaaaaaaaa", "bbbbbbbbbb"], width: 10))
        term.resetCounters()
        writer.draw(frame(["aaXYZaaaaa", "bbbbbbbbbb"], width: 10))
        #expect(term.calls.moves == 1)
        #expect(term.calls.puts == 1)
        #expect(term.calls.styles == 0)  // the pen already has this style
        #expect(term.writtenText == ["XYZ"])
        try #require(term.lines.count > 0)
        #expect(term.lines[0] == "aaXYZaaaaa")
    }

    @Test func separatedChangesMoveTheCursorOnlyWhereNeeded() {
        let term = MemoryTerminal(width: 10, height: 2)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        writer.draw(frame(["aaaaaaaaaa", "bbbbbbbbbb"], width: 10))
        term.resetCounters()
        writer.draw(frame(["Xaaaaaaaaa", "bbbbbbbbbY"], width: 10))
        #expect(term.calls.moves == 2)
        #expect(term.writtenText == ["X", "Y"])
    }

    @Test func styleIsSetOnlyWhenItChanges() throws {
        let term = MemoryTerminal(width: 6, height: 1)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        var b = Buffer(width: 6, height: 1)
        b.put("ab", x: 0, y: 0, style: .role(.error))
        b.put("cd", x: 2, y: 0, style: .role(.error))
        b.put("ef", x: 4, y: 0, style: .role(.ok))
        writer.draw(b)
        #expect(term.calls.styles == 2)
        #expect(term.writtenText == ["abcd", "ef"])
        try #require(term.screen.count > 0)
        #expect(term.screen[0][4].style.fg == ColorMapping.resolve(ThemeLoader.builtin("dark").color(for: .ok), depth: .xterm256))
    }

    @Test func themeChangeRepaintsEverythingInTheNewColours() throws {
        let term = MemoryTerminal(width: 4, height: 1)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        let b = frame(["ab"], width: 4, style: .role(.accent))
        writer.draw(b)
        let darkAccent = term.screen[0][0].style.fg
        writer.setTheme(ThemeLoader.builtin("light"))
        term.resetCounters()
        writer.draw(b)
        #expect(term.calls.clears == 1)
        try #require(term.screen.count > 0)
        #expect(term.screen[0][0].style.fg != darkAccent)
    }

    @Test func resizeRepaintsEverything() {
        let term = MemoryTerminal(width: 4, height: 1)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        writer.draw(frame(["ab"], width: 4))
        term.resize(width: 5, height: 2)
        term.resetCounters()
        writer.draw(frame(["ab", "cd"], width: 5))
        #expect(term.calls.clears == 1)
        #expect(term.lines == ["ab   ", "cd   "])
    }

    @Test func asciiModeLetsNoByteAbove0x7FThrough() throws {
        let term = MemoryTerminal(width: 12, height: 2)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"), asciiOnly: true)
        var b = Buffer(width: 12, height: 2)
        b.put("│█▁ é漢x", x: 0, y: 0)
        b.put("⣿ok", x: 0, y: 1)
        writer.draw(b)
        let bytes = term.writtenText.flatMap { Array($0.utf8) }
        #expect(!bytes.isEmpty)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        try #require(term.lines.count > 0)
        #expect(term.lines[0] == "??? ???x    ")  // the wide glyph becomes two '?', keeping columns
        try #require(term.lines.count > 1)
        #expect(term.lines[1] == "?ok         ")
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        let term = MemoryTerminal(width: 4, height: 1)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        var b = Buffer(width: 4, height: 1)
        b[0, 0] = Cell("\u{1B}")
        b[1, 0] = Cell("\u{07}")
        writer.draw(b)
        #expect(term.writtenText.joined().unicodeScalars.allSatisfy { $0.value >= 0x20 })
        #expect(term.lines == ["??  "])
    }

    /// A log line that sets the title and clears the screen is shown as text in the cells.
    @Test func textWithControlSequencesIsWrittenAsVisibleEscapes() {
        let term = MemoryTerminal(width: 30, height: 1)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        var b = Buffer(width: 30, height: 1)
        b.put("a\u{1B}]2;t\u{07}\u{1B}[2J\u{9B}b", x: 0, y: 0)
        #expect(b.cells.allSatisfy { !TerminalText.needsEscaping($0.symbol) })
        writer.draw(b)
        #expect(term.writtenText.joined().unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
        #expect(term.lines == ["a\\x1B]2;t\\x07\\x1B[2J\\x9Bb     "])
    }

    @Test func monoDepthKeepsTheSelectionVisibleByReverseVideo() throws {
        let term = MemoryTerminal(width: 4, height: 1, colorDepth: .mono)
        let writer = TerminalWriter(terminal: term, theme: ThemeLoader.builtin("dark"))
        var b = Buffer(width: 4, height: 1)
        b.put("ab", x: 0, y: 0, style: CellStyle(fg: .text, bg: .selection))
        b.put("cd", x: 2, y: 0)
        writer.draw(b)
        try #require(term.screen.count > 0)
        #expect(term.screen[0][0].style.reverse)
        #expect(term.screen[0][0].style.fg == .terminalDefault)
        #expect(!term.screen[0][2].style.reverse)
    }
}
