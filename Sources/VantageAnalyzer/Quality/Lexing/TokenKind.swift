/// What a lexed token is, as far as the unit readers need to know.
/// Keywords get their own case only when some reader compares against them;
/// every other word is `.identifier`.
enum TokenKind: UInt8, Sendable {
    // Trivia and literals
    case space, newline, backslashNewline, comment, string, number, identifier, macro, hash, symbol
    // Punctuation the readers look at
    case lparen, rparen, lbrace, rbrace, lbracket, rbracket, lt, gt, comma, colon, semicolon, dot
    case assign, question, ampAmp, pipePipe, questionQuestion, arrow, fatArrow, colonColon, backtick
    case tilde, star, starStar, amp, minus, plus, slash, slashSlash, percent, at, ellipsis, bang
    case augmentedAssign, walrus
    // Keywords (language-agnostic spelling; the reader decides what they mean)
    case kwIf, kwElif, kwFor, kwWhile, kwExcept, kwFinally, kwAnd, kwOr, kwCase, kwMatch, kwDef
    case kwClass, kwLambda, kwReturn, kwFunc, kwInit, kwInitFailable, kwSubscript, kwDeinit
    case kwGet, kwSet, kwWillSet, kwDidSet, kwProtocol, kwLet, kwVar, kwCatch, kwGuard, kwAsync
    case kwThrows, kwStruct, kwUnion, kwNamespace, kwTemplate, kwTypedef, kwOperator, kwConst
    case kwThrow, kwNoexcept, kwVoid, kwInterface, kwType, kwFn, kwElse, kwWhere, kwInclude
    case kwEnum, kwRecord, kwNew, kwFunction, kwChan, kwMap, kwFinal, kwExtends, kwImplements
    case kwSwitch, kwDo, kwTry, kwSynchronized, kwAssert, kwBreak, kwContinue, kwInstanceof
    case kwIn, kwWith, kwOpen, kwPub, kwExport, kwActor, kwTrait, kwImpl, kwTypealias, kwExtension, kwRepeat, kwGoto
    case kwStatic, kwPublic, kwPrivate, kwProtected, kwAbstract, kwImport, kwPackage, kwDefault
}

/// Bit flags carried by a token.
enum TokenFlag {
    /// Swift `?` glued to the previous token (optional chaining / optional type): not a ternary.
    static let postfixOptional: UInt8 = 1
    /// Token produced from inside a Python f-string `{…}` interpolation.
    static let fStringExpression: UInt8 = 2
    /// Python string token that starts with a triple quote and is at least six bytes long.
    static let tripleQuoted: UInt8 = 4
    /// Word token that ends in `?` or `!` (Swift `try?`, `as!`, `x?`).
    static let gluedSuffix: UInt8 = 8
    /// JavaScript `${` opening a template expression.
    static let templateOpen: UInt8 = 16
    /// JavaScript template expression kept as one opaque token.
    static let templateExpression: UInt8 = 32
    /// JavaScript template text between expressions (lizard spells it with backticks).
    static let templateChunk: UInt8 = 64
}

/// One token: a byte range of the source plus what it is.
struct LexToken: Sendable {
    var start: Int32
    var end: Int32
    var kind: TokenKind
    var flags: UInt8
    /// Line breaks inside the token (multi-line strings and comments); for Python
    /// leading whitespace tokens, the indentation width instead.
    var newlines: Int32

    init(start: Int, end: Int, kind: TokenKind, flags: UInt8 = 0, newlines: Int32 = 0) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.kind = kind
        self.flags = flags
        self.newlines = newlines
    }

    var length: Int { Int(end - start) }
}
