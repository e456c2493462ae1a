import CNcursesw
import Testing
@testable import VantageTUI

@Suite("Key decoding")
struct TerminalKeyDecodingTests {
    func decode(_ raws: [KeyDecoder.Raw]) -> [TerminalInput] {
        var d = KeyDecoder()
        var out: [TerminalInput] = []
        for r in raws { out += d.feed(r) }
        return out + d.finish()
    }

    @Test func codesMatchNcurses() {
        #expect(KeyDecoder.Code.up == KEY_UP)
        #expect(KeyDecoder.Code.down == KEY_DOWN)
        #expect(KeyDecoder.Code.backTab == KEY_BTAB)
        #expect(KeyDecoder.Code.resize == KEY_RESIZE)
        #expect(KeyDecoder.Code.pageDown == KEY_NPAGE)
        #expect(KeyDecoder.Code.f0 + 5 == vt_key_f(5))
        #expect(KeyDecoder.Code.enter == KEY_ENTER)
    }

    @Test func specialKeys() {
        #expect(decode([.keyCode(KEY_UP), .keyCode(KEY_BTAB), .keyCode(vt_key_f(5)), .keyCode(KEY_NPAGE), .keyCode(KEY_RESIZE)])
            == [.key(.up), .key(.backTab), .key(.function(5)), .key(.pageDown), .resize])
    }

    @Test func controlCharacters() {
        #expect(decode([.character(9), .character(13), .character(10), .character(127), .character(3), .character(14)])
            == [.key(.tab), .key(.enter), .key(.enter), .key(.backspace), .key(.ctrl("c")), .key(.ctrl("n"))])
    }

    @Test func utf8CharactersAndShiftedLetters() {
        #expect(decode([.character(0x52), .character(0xE9), .character(0x6F22), .character(0x3F)])
            == [.key(.char("R")), .key(.char("é")), .key(.char("漢")), .key(.char("?"))])
    }

    @Test func loneEscapeAndAltCombination() {
        #expect(decode([.character(27)]) == [.key(.escape)])
        #expect(decode([.character(27), .character(0x76)]) == [.key(.alt("v"))])
        #expect(decode([.character(27), .keyCode(KEY_UP)]) == [.key(.escape), .key(.up)])
        #expect(decode([.character(27), .character(27)]) == [.key(.escape), .key(.escape)])
    }

    @Test func unknownCodesAreIgnored() {
        #expect(decode([.keyCode(0o777), .character(0x85)]) == [])
    }
}
