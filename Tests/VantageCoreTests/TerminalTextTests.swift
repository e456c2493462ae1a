import Testing
@testable import VantageCore

@Suite struct TerminalTextTests {
    @Test func controlSequencesAreShownNotObeyed() {
        #expect(TerminalText.escaped("\u{1B}]2;pwned\u{07}title") == "\\x1B]2;pwned\\x07title")
        #expect(TerminalText.escaped("\u{1B}[2Jcleared") == "\\x1B[2Jcleared")
        #expect(TerminalText.escaped("a\rb\u{7F}c\u{0}d") == "a\\x0Db\\x7Fc\\x00d")
        // C1: U+009B is a one-character CSI to many terminals.
        #expect(TerminalText.escaped("x\u{9B}31my") == "x\\x9B31my")
        #expect(TerminalText.escaped("\u{85}\u{80}\u{9F}") == "\\x85\\x80\\x9F")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["plain", "tab\tand\nnewline", "ünïcødé ☃ 😀 漢字", "e\u{301}", "\u{A0}non-breaking", "\u{A9} \u{C2}"] {
            #expect(!TerminalText.needsEscaping(text), "\(text.debugDescription)")
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func needsEscapingAgreesWithIsUnsafeForEveryScalarBelow0x100() {
        for v in UInt32(0)..<0x100 {
            let scalar = Unicode.Scalar(v)!
            let text = "a" + String(Character(scalar)) + "b"
            #expect(TerminalText.needsEscaping(text) == TerminalText.isUnsafe(scalar), "U+\(String(v, radix: 16))")
            #expect(TerminalText.escaped(text).unicodeScalars.allSatisfy { !TerminalText.isUnsafe($0) })
        }
    }
}
