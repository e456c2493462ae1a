import Testing
@testable import VantageTUI

@Suite("Formatting.wordWrap")
struct FormattingWordWrapTests {
    @Test func breaksAtSpacesWithinTheWidth() {
        let lines = Formatting.wordWrap("not checked (no advisory database: run vantage deps db import DIR)", width: 20)
        #expect(lines == ["not checked (no", "advisory database:", "run vantage deps db", "import DIR)"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func aWordLongerThanTheLineIsCutAndNothingIsLost() {
        let lines = Formatting.wordWrap("see /very/long/path/to/package-lock.json now", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "see/very/long/path/to/package-lock.jsonnow")
    }

    @Test func wideCharactersCountTwoColumns() {
        let lines = Formatting.wordWrap("日本語の テキスト", width: 6)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 6 })
        #expect(lines.joined() == "日本語のテキスト")
    }

    @Test func aCharacterWiderThanTheLineStillMovesOn() {
        #expect(Formatting.wordWrap("日本", width: 1) == ["日", "本"])
    }
}
