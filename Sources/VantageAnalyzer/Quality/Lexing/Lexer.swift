/// Splits UTF-8 source bytes into tokens, one pass, no regular expressions.
///
/// Token boundaries follow lizard's shared token pattern (alternatives tried in the
/// same order), extended by the dialect's token forms (`LexDialect.forms`: Python triple
/// quotes and f-string interpolations, Swift nested comments / raw / multi-line strings
/// with interpolation, C++ raw strings, Go raw strings, Rust lifetimes, …). Whitespace is
/// dropped unless the dialect keeps it (Python, whose indentation matters).
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: LexDialect
    private let keywords: KeywordTable
    var tokens: [LexToken] = []
    /// A `#` line being merged into one macro token (lizard's `tokens_in_span`).
    var macro: LexToken?
    /// Start offsets from which a quote of that kind is known to have no closing quote.
    var unterminatedFrom: [UInt8: Int] = [:]
    /// Offset from which `*/` is known to be absent.
    var missingPairFrom: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, dialect: LexDialect) {
        self.bytes = bytes
        self.dialect = dialect
        keywords = dialect.keywords
        tokens.reserveCapacity(bytes.count / 4)
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, dialect: LexDialect) -> [LexToken] {
        tokenize(bytes, dialect: dialect, deadline: nil).tokens
    }

    /// Tokenizes until the end or, past `deadline`, stops at a token boundary; returns
    /// the tokens and whether the whole input was read.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, dialect: LexDialect,
                         deadline: ContinuousClock.Instant?) -> (tokens: [LexToken], complete: Bool) {
        var lexer = Lexer(bytes: bytes, dialect: dialect)
        lexer.deadline = deadline
        if dialect.templateLiterals {
            lexer.scanJavaScriptFile()
        } else {
            lexer.scan(from: 0, to: bytes.count, flags: 0)
        }
        lexer.flushMacro()
        return (lexer.tokens, !lexer.outOfTime)
    }

    /// When set, the top-level scan stops once this instant has passed.
    var deadline: ContinuousClock.Instant?
    private(set) var outOfTime = false
    private var nextClockCheck = 1 << 16

    // MARK: - Emission

    mutating func flushMacro() {
        if let m = macro { tokens.append(m); macro = nil }
    }

    func containsBackslashNewline(_ t: LexToken) -> Bool {
        var i = Int(t.start)
        while i + 1 < Int(t.end) {
            if bytes[i] == 0x5C && bytes[i + 1] == 0x0A { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    mutating func emit(_ token: LexToken) {
        if var m = macro {
            if token.kind == .space || token.newlines == 0 || token.kind == .backslashNewline
                || (token.kind != .newline && containsBackslashNewline(token)) {
                m.end = token.end
                if token.kind != .space { m.newlines += token.newlines }
                macro = m
                return
            }
            tokens.append(m)
            macro = nil
            tokens.append(token)
            return
        }
        if token.kind == .hash {
            var m = token
            m.kind = .macro
            macro = m
            return
        }
        if token.kind == .space && !dialect.emitsSpaces { return }
        tokens.append(token)
    }

    func countNewlines(_ start: Int, _ end: Int) -> Int32 {
        var n: Int32 = 0
        var i = start
        while i < end {
            if bytes[i] == 0x0A { n += 1 }
            i += 1
        }
        return n
    }

    // MARK: - Main loop

    mutating func scan(from: Int, to: Int, flags: UInt8) {
        var p = from
        while p < to {
            if p >= nextClockCheck {
                nextClockCheck = p + (1 << 16)
                if let deadline, ContinuousClock.now > deadline { outOfTime = true; return }
            }
            if outOfTime { return }
            let b = bytes[p]
            // C block comment: `/\*.*?\*/`, tried first as in lizard (Swift nests them instead).
            if dialect.sharedBlockComments, b == 0x2F, p + 1 < to, bytes[p + 1] == 0x2A, let end = find2(0x2A, 0x2F, from: p + 2, to: to) {
                emit(LexToken(start: p, end: end + 2, kind: .comment, flags: flags, newlines: countNewlines(p, end + 2)))
                p = end + 2
                continue
            }
            if let next = scanDialectSpecific(at: p, to: to, flags: flags) {
                p = next
                continue
            }
            if ByteClass.isWord(b) {
                p = scanWord(at: p, to: to, flags: flags)
                continue
            }
            if b == 0x22 || b == 0x27 {  // " or '
                if let end = quotedEnd(at: p, to: to, quote: b) {
                    emit(LexToken(start: p, end: end, kind: .string, flags: flags, newlines: countNewlines(p, end)))
                    if dialect.expandsFStrings { expandFStringIfPrefixed(tokenStart: p, tokenEnd: end, quoteLength: 1, flags: flags) }
                    p = end
                    continue
                }
            }
            if b == 0x2F, p + 1 < to, bytes[p + 1] == 0x2F {  // // line comment, continues over `\` newline
                var i = p + 2
                while i < to && bytes[i] != 0x0A {
                    if bytes[i] == 0x5C && i + 1 < to && bytes[i + 1] == 0x0A { i += 2; continue }
                    i += 1
                }
                emit(LexToken(start: p, end: i, kind: .comment, flags: flags, newlines: countNewlines(p, i)))
                p = i
                continue
            }
            if b == 0x23 {  // #
                emit(LexToken(start: p, end: p + 1, kind: .hash, flags: flags))
                p += 1
                continue
            }
            p = scanPunctuation(at: p, to: to, flags: flags)
        }
    }

    /// Finds the two-byte sequence `a b` at or after `from`; returns the offset of `a`.
    mutating func find2(_ a: UInt8, _ b: UInt8, from: Int, to: Int) -> Int? {
        var i = from
        while i + 1 < to {
            if bytes[i] == a && bytes[i + 1] == b { return i }
            i += 1
        }
        missingPairFrom = from
        return nil
    }

    /// End of a `"…"` or `'…'` literal with backslash escapes, or nil when it never closes.
    mutating func quotedEnd(at p: Int, to: Int, quote: UInt8) -> Int? {
        if let known = unterminatedFrom[quote], known <= p { return nil }
        var i = p + 1
        while i < to {
            let c = bytes[i]
            if c == 0x5C { i += 2; continue }
            if c == quote { return i + 1 }
            i += 1
        }
        unterminatedFrom[quote] = p
        return nil
    }

    // MARK: - Words and numbers

    mutating func scanWord(at p: Int, to: Int, flags: UInt8) -> Int {
        var i = p
        // C++14 digit separators: (?:\d+')+\d+ and the hex/binary forms.
        if ByteClass.isDigit(bytes[p]) {
            if let end = digitSeparatedNumber(at: p, to: to) {
                emit(LexToken(start: p, end: end, kind: .number, flags: flags))
                return end
            }
        }
        while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
        if dialect.optionalSuffixes, i < to, bytes[i] == 0x3F || bytes[i] == 0x21 {  // \w+\? and \w+\!
            let kind: TokenKind = (i - p == 4 && keywords.kind(of: bytes, p, i) == .kwInit) ? .kwInitFailable : .identifier
            emit(LexToken(start: p, end: i + 1, kind: kind, flags: flags | TokenFlag.gluedSuffix))
            return i + 1
        }
        let kind: TokenKind = ByteClass.isDigit(bytes[p]) ? .number : keywords.kind(of: bytes, p, i)
        emit(LexToken(start: p, end: i, kind: kind, flags: flags))
        return i
    }

    private func digitSeparatedNumber(at p: Int, to: Int) -> Int? {
        var i = p
        var isHexOrBinary = false
        if bytes[p] == 0x30, p + 1 < to, bytes[p + 1] == 0x78 || bytes[p + 1] == 0x62 {
            isHexOrBinary = true
            i = p + 2
        }
        let radix: UInt8 = isHexOrBinary ? bytes[p + 1] : 0
        func isDigitHere(_ c: UInt8) -> Bool {
            switch radix {
            case 0x78: return ByteClass.isHexDigit(c)
            case 0x62: return c == 0x30 || c == 0x31
            default: return ByteClass.isDigit(c)
            }
        }
        var groups = 0
        while true {
            let groupStart = i
            while i < to && isDigitHere(bytes[i]) { i += 1 }
            if i == groupStart { return nil }
            if i < to && bytes[i] == 0x27 && i + 1 < to && isDigitHere(bytes[i + 1]) {
                groups += 1
                i += 1
                continue
            }
            return groups > 0 ? i : nil
        }
    }

    // MARK: - Punctuation

    private mutating func scanPunctuation(at p: Int, to: Int, flags: UInt8) -> Int {
        let b = bytes[p]
        let n1: UInt8 = p + 1 < to ? bytes[p + 1] : 0
        let n2: UInt8 = p + 2 < to ? bytes[p + 2] : 0
        func tok(_ len: Int, _ kind: TokenKind, _ extra: UInt8 = 0) -> LexToken {
            LexToken(start: p, end: p + len, kind: kind, flags: flags | extra)
        }
        var t: LexToken
        switch b {
        case 0x3A:  // :
            t = n1 == 0x3D ? tok(2, .walrus) : n1 == 0x3A ? tok(2, .colonColon) : tok(1, .colon)
        case 0x2A:  // *
            t = n1 == 0x2A ? tok(2, .starStar) : tok(1, .star)
        case 0x3C:  // <
            if let end = genericWithQuestionMark(at: p, to: to) {
                t = LexToken(start: p, end: end, kind: .symbol, flags: flags, newlines: countNewlines(p, end))
            } else if n1 == 0x3C && n2 == 0x3D { t = tok(3, .augmentedAssign) }
            else if n1 == 0x3D { t = tok(2, .symbol) }
            else { t = tok(1, .lt) }
        case 0x3E:  // >
            if n1 == 0x3E && n2 == 0x3D { t = tok(3, .augmentedAssign) }
            else if n1 == 0x3D { t = tok(2, .symbol) }
            else { t = tok(1, .gt) }
        case 0x7C:  // |
            t = n1 == 0x7C ? tok(2, .pipePipe) : n1 == 0x3D ? tok(2, .augmentedAssign) : tok(1, .symbol)
        case 0x26:  // &
            t = n1 == 0x26 ? tok(2, .ampAmp) : n1 == 0x3D ? tok(2, .augmentedAssign) : tok(1, .amp)
        case 0x3D:  // =
            if n1 == 0x3D { t = n2 == 0x3D ? tok(3, .symbol) : tok(2, .symbol) }
            else if n1 == 0x3E { t = tok(2, .fatArrow) }
            else { t = tok(1, .assign) }
        case 0x21:  // !
            t = n1 == 0x3D ? (n2 == 0x3D ? tok(3, .symbol) : tok(2, .symbol)) : tok(1, .bang)
        case 0x2D:  // -
            t = n1 == 0x3E ? tok(2, .arrow) : n1 == 0x2D ? tok(2, .symbol) : n1 == 0x3D ? tok(2, .augmentedAssign) : tok(1, .minus)
        case 0x2B:  // +
            t = n1 == 0x2B ? tok(2, .symbol) : n1 == 0x3D ? tok(2, .augmentedAssign) : tok(1, .plus)
        case 0x2F: t = tok(1, .slash)
        case 0x5E: t = n1 == 0x3D ? tok(2, .augmentedAssign) : tok(1, .symbol)
        case 0x2E:  // .
            t = (n1 == 0x2E && n2 == 0x2E) ? tok(3, .ellipsis) : tok(1, .dot)
        case 0x5C:  // backslash
            t = n1 == 0x0A ? LexToken(start: p, end: p + 2, kind: .backslashNewline, flags: flags, newlines: 1) : tok(1, .symbol)
        case 0x0A: t = LexToken(start: p, end: p + 1, kind: .newline, flags: flags, newlines: 1)
        case 0x20, 0x09, 0x0D, 0x0C, 0x0B:
            var i = p
            if macro == nil && !dialect.emitsSpaces {  // `emit` would drop it: skip the token altogether
                while i < to && ByteClass.isBlank(bytes[i]) { i += 1 }
                return i
            }
            var width: Int32 = 0
            while i < to && ByteClass.isBlank(bytes[i]) {
                width += bytes[i] == 0x09 ? 8 : 1
                i += 1
            }
            t = LexToken(start: p, end: i, kind: .space, flags: flags, newlines: width)
        case 0x28: t = tok(1, .lparen)
        case 0x29: t = tok(1, .rparen)
        case 0x7B: t = tok(1, .lbrace)
        case 0x7D: t = tok(1, .rbrace)
        case 0x5B: t = tok(1, .lbracket)
        case 0x5D: t = tok(1, .rbracket)
        case 0x2C: t = tok(1, .comma)
        case 0x3B: t = tok(1, .semicolon)
        case 0x3F:  // ?
            if dialect.optionalSuffixes {
                let glued = p > 0 && !ByteClass.isSpace(bytes[p - 1])
                    && !(p >= 2 && bytes[p - 2] == 0x2A && bytes[p - 1] == 0x2F)
                t = tok(1, .question, glued ? TokenFlag.postfixOptional : 0)
            } else {
                t = tok(1, .question)
            }
        case 0x7E: t = tok(1, .tilde)
        case 0x25: t = tok(1, .percent)
        case 0x40: t = tok(1, .at)
        case 0x60: t = tok(1, .backtick)
        default: t = tok(1, .symbol)
        }
        emit(t)
        return Int(t.end)
    }

    /// lizard's `\<(?=(?:[^<>?]*\?)+[^<>]*\>)(?:[\w\s,.?]|(?:extends))+\>`: a generic
    /// argument list containing `?` (Java wildcards) taken as one token.
    private func genericWithQuestionMark(at p: Int, to: Int) -> Int? {
        var i = p + 1
        var sawQuestion = false
        while i < to {
            let c = bytes[i]
            if ByteClass.isWord(c) || ByteClass.isSpace(c) || c == 0x2C || c == 0x2E { i += 1; continue }
            if c == 0x3F { sawQuestion = true; i += 1; continue }
            break
        }
        if sawQuestion && i > p + 1 && i < to && bytes[i] == 0x3E { return i + 1 }
        return nil
    }
}
