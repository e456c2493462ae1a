/// A language's tokenizer rules, as data. The shared rules follow lizard's token pattern (so
/// token boundaries, and therefore counts, agree with it); a dialect adds the token forms of its
/// own literals and comments (`forms`, tried in order before the shared rules), the words that are
/// keywords in it beyond the shared table, and a few switches. Each language's `LanguageSupport`
/// holds its dialect (`LexDialect.python` is in `PythonSupport.swift`): a new language composes
/// these forms and the lexer needs no edit; only a literal no language had before is a new
/// `TokenForm` case.
struct LexDialect: Sendable {
    /// For messages and tests.
    let name: String
    /// The dialect's own token forms, tried in this order before the shared rules.
    let forms: [TokenForm]
    /// Word → kind for the unit readers and complexity rules: the shared table plus this dialect's words.
    let keywords: KeywordTable
    /// Whitespace is kept as tokens (Python: indentation is syntax).
    let emitsSpaces: Bool
    /// The shared C block comment `/* … */` is tried first, as in lizard (off for nested comments).
    let sharedBlockComments: Bool
    /// A quoted string right after an `f` prefix is split into its chunks and the tokens of each
    /// `{expression}` (Python's f-strings).
    let expandsFStrings: Bool
    /// `word?` and `word!` are one token (Swift's `init?`, optional names), and a `?` glued to the
    /// token before it is marked postfix (optional chaining) rather than a ternary.
    let optionalSuffixes: Bool
    /// Backtick template literals with `${…}` (JavaScript, TypeScript) are cut out of the file first.
    let templateLiterals: Bool
    /// The bytes at which one of `forms` can start; at any other byte the shared rules run at once.
    let formStarts: ByteSet

    init(name: String, forms: [TokenForm], keywords: [String: TokenKind] = [:], emitsSpaces: Bool = false,
         sharedBlockComments: Bool = true, expandsFStrings: Bool = false, optionalSuffixes: Bool = false,
         templateLiterals: Bool = false) {
        self.name = name
        self.forms = forms
        self.keywords = keywords.isEmpty ? KeywordTable.shared : KeywordTable(adding: keywords)
        self.emitsSpaces = emitsSpaces
        self.sharedBlockComments = sharedBlockComments
        self.expandsFStrings = expandsFStrings
        self.optionalSuffixes = optionalSuffixes
        self.templateLiterals = templateLiterals
        formStarts = ByteSet { b in forms.contains { $0.canStart(with: b) } }
    }
}

/// A token form a dialect adds to the shared rules. Each is read by `Lexer.scan(_:at:to:flags:)`.
enum TokenForm: Sendable, Equatable {
    /// A comment from `marker` to the end of the line (`#` in Python); with `continuesOverBackslash`
    /// a `\` before the newline continues it (`//` in Swift, as lizard reads it).
    case lineComment(marker: [UInt8], continuesOverBackslash: Bool)
    /// `//` and `//=` are operators, not a comment (Python's floor division).
    case floorDivision
    /// `'''…'''` and `"""…"""` (Python).
    case tripleQuotedStrings
    /// `/* … */` that nests (Swift).
    case nestedBlockComments
    /// `"…"`, `"""…"""` and `#"…"#` with `\( … )` interpolations that may hold strings (Swift).
    case hashDelimitedStrings
    /// `#selector`, `#available`: one word, except compiler directives (`#if`), which stay macros (Swift).
    case poundWords
    /// `` `name` ``: an escaped identifier (Swift).
    case backtickIdentifiers
    /// `??` is one token.
    case doubleQuestion
    /// `R"(…)"` with an optional `u8`, `u`, `U` or `L` prefix (C++).
    case cppRawStrings
    /// `1.5`, `.5`, `2.0e-3` as one number (C, C++, Java).
    case decimalFloats
    /// A string between two `delimiter` bytes with no escapes (Go's `` `raw` ``).
    case rawStrings(delimiter: UInt8)
    /// `'a`: a lifetime or loop label, not a character (Rust).
    case lifetimes
    /// Regular-expression literals after `= , ( { [ ? : ! & | ;`, `#private` and `$name` words,
    /// `x?` optional names, `??` and `?.` (JavaScript, TypeScript).
    case javaScriptTokens

    /// Whether a token of this form can start with `b` (what `LexDialect.formStarts` is built from).
    func canStart(with b: UInt8) -> Bool {
        switch self {
        case .lineComment(let marker, _): return marker.first == b
        case .floorDivision, .nestedBlockComments: return b == 0x2F
        case .tripleQuotedStrings: return b == 0x22 || b == 0x27
        case .hashDelimitedStrings: return b == 0x22 || b == 0x23
        case .poundWords: return b == 0x23
        case .backtickIdentifiers: return b == 0x60
        case .doubleQuestion: return b == 0x3F
        case .cppRawStrings: return b == 0x52 || b == 0x75 || b == 0x55 || b == 0x4C
        case .decimalFloats: return ByteClass.isDigit(b) || b == 0x2E
        case .rawStrings(let delimiter): return b == delimiter
        case .lifetimes: return b == 0x27
        case .javaScriptTokens:
            return b == 0x2F || ByteClass.isSpace(b) || b == 0x23 || b == 0x24 || ByteClass.isWord(b) || b == 0x3F
        }
    }
}

/// A set of bytes, one bit each.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ contains: (UInt8) -> Bool) {
        for b in 0...255 where contains(UInt8(b)) {
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
    }

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word & (UInt64(1) << UInt64(b & 63)) != 0
    }
}
