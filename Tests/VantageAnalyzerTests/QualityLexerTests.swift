import Testing
@testable import VantageAnalyzer

@Suite("Quality: lexers")
struct QualityLexerTests {
    private func kinds(_ source: String, _ dialect: LexDialect) -> [TokenKind] {
        var text = source
        return text.withUTF8 { Lexer.tokenize($0, dialect: dialect) }.map(\.kind).filter { $0 != .space && $0 != .newline }
    }

    @Test("keywords inside strings and comments are one literal token")
    func literalsHideKeywords() {
        #expect(kinds("x = 'if' # while", .python) == [.identifier, .assign, .string, .comment])
        #expect(kinds("s = \"if /* for */\" // while", .clike) == [.identifier, .assign, .string, .comment])
        #expect(kinds("`if ${a}` ", .javascript).contains(.kwIf) == false)
    }

    @Test("Python triple quotes, string prefixes and f-string interpolation")
    func pythonStrings() {
        #expect(kinds("'''if\nfor'''", .python) == [.string])
        #expect(kinds("rb'\\d if'", .python) == [.identifier, .string])
        // the {…} of an f-string is code: its `if` is a token
        #expect(kinds("f'{a if b else c}!'", .python).contains(.kwIf))
        #expect(!kinds("f'{{if}}'", .python).contains(.kwIf))
    }

    @Test("Swift nested comments, raw strings, multi-line strings and interpolation")
    func swiftLiterals() {
        #expect(kinds("/* a /* if */ for */ x", .swift) == [.comment, .identifier])
        #expect(kinds(##"#"a "if" \(for) b"# y"##, .swift) == [.string, .identifier])
        #expect(kinds("\"\"\"\nif \\(x ? \"for\" : \"while\")\n\"\"\" z", .swift) == [.string, .identifier])
        #expect(kinds("#if os(Linux) || DEBUG\nfoo", .swift) == [.macro, .identifier])
    }

    @Test("C++ raw strings and character literals; Go raw strings; Rust lifetimes")
    func otherLiterals() {
        #expect(kinds("R\"(if \" for)\" x", .clike) == [.string, .identifier])
        #expect(kinds("c = '?';", .clike) == [.identifier, .assign, .string, .semicolon])
        #expect(kinds("`if\n&&` x", .go) == [.string, .identifier])
        #expect(kinds("&'a str", .rust) == [.amp, .symbol, .identifier])
    }

    /// A language the lexer has never seen, made from the table alone: Lua-like `--` comments,
    /// backtick raw strings and words of its own. No lexer code knows it.
    @Test("a new dialect is one table entry: its comment marker, string forms and keywords")
    func aDialectMadeFromTheTableAlone() {
        let luaLike = LexDialect(name: "lua-like",
                                 forms: [.lineComment(marker: Array("--".utf8), continuesOverBackslash: false),
                                         .rawStrings(delimiter: 0x60)],
                                 keywords: ["elseif": .kwElif, "local": .kwLet, "then": .kwDo])
        let source = "if a then -- while b\nelseif `for\nx` then local y = 1 end"
        #expect(kinds(source, luaLike) == [.kwIf, .identifier, .kwDo, .comment,
                                           .kwElif, .string, .kwDo, .kwLet, .identifier, .assign, .number, .identifier])
        // The same text in a dialect without these forms and words: `--` is an operator, the
        // backticks are not a string, `while` and `for` are keywords, `elseif` is a name.
        let inC = kinds(source, .clike)
        #expect(inC.contains(.kwWhile) && inC.contains(.kwFor) && !inC.contains(.comment) && !inC.contains(.string))
        #expect(!inC.contains(.kwElif) && !inC.contains(.kwLet))
        // A dialect's words are its own: the shared table is unchanged for the others.
        #expect(kinds("elseif local then", .python) == [.identifier, .identifier, .identifier])
        // Every shipped language's dialect is named after it in the table.
        #expect(LanguageSupports.all.map(\.dialect.name) == ["python", "swift", "clike", "clike", "java", "go", "rust",
                                                             "javascript", "javascript"])
    }

    @Test("Swift: `?` after whitespace is a ternary, glued to a token it is postfix")
    func swiftQuestionMark() {
        var text = "a ? b : f()?.d"  // (`c?` would be one word token)
        let tokens = text.withUTF8 { Lexer.tokenize($0, dialect: .swift) }.filter { $0.kind == .question }
        #expect(tokens.map { $0.flags & TokenFlag.postfixOptional != 0 } == [false, true])
    }
}
