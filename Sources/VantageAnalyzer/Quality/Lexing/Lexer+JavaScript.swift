import Foundation

/// JavaScript/TypeScript tokens as lizard reads them: template literals split into
/// chunks with each `${…}` expression kept opaque, regular-expression literals after
/// `= , ( { [ ? : ! & | ;`, `#private` and `$name` words, `x?` optional names, `??`, `?.`.
extension Lexer {
    /// `= , ( { [ ? : ! & | ;`: after these a `/` starts a regular expression.
    @inline(__always) private static func isRegexTrigger(_ b: UInt8) -> Bool {
        switch b {
        case 0x3D, 0x2C, 0x28, 0x7B, 0x5B, 0x3F, 0x3A, 0x21, 0x26, 0x7C, 0x3B: return true
        default: return false
        }
    }

    mutating func scanJavaScriptFile() {
        let n = bytes.count
        var pos = 0
        var search = 0
        while let start = nextTemplateStart(from: search) {
            scan(from: pos, to: start, flags: 0)
            flushMacro()
            let (end, expressions) = templateEnd(start)
            if let expressions {
                splitTemplate(start, end, expressions)
            } else {
                emit(LexToken(start: start, end: end, kind: .string, newlines: countNewlines(start, end)))
            }
            pos = end
            search = end
        }
        scan(from: pos, to: n, flags: 0)
    }

    /// Offset of the next backtick that is code, skipping comments, strings and regexes.
    private mutating func nextTemplateStart(from: Int) -> Int? {
        let n = bytes.count
        // No backtick left at all: no template either (most files, and every file's tail).
        guard from < n, let base = bytes.baseAddress, memchr(base + from, 0x60, n - from) != nil else { return nil }
        var p = from
        // Where reading resumed after the last skipped comment, string or regex: whitespace
        // before it lay inside that token.
        var resumed = from
        while p < n {
            let b = bytes[p]
            // Only these bytes start something; whitespace matters only before a `/` (below).
            guard b == 0x60 || b == 0x2F || b == 0x22 || b == 0x27 else { p += 1; continue }
            if b == 0x60 { return p }
            if b == 0x2F {
                if p + 1 < n, bytes[p + 1] == 0x2A, let e = find2(0x2A, 0x2F, from: p + 2, to: n) { p = e + 2; resumed = p; continue }
                if p + 1 < n, bytes[p + 1] == 0x2F {
                    while p < n && bytes[p] != 0x0A && bytes[p] != 0x0D { p += 1 }
                    resumed = p
                    continue
                }
                // A regex is tried where the whitespace before this `/` begins, as scanning byte
                // by byte would have tried it there first (after that, a space precedes: no try).
                var q = p
                while q > resumed && ByteClass.isSpace(bytes[q - 1]) { q -= 1 }
                if let e = regexTokenEnd(at: q, to: n) { p = e.end; resumed = p; continue }
                p += 1
                continue
            }
            if let e = quotedEnd(at: p, to: n, quote: b) { p = e; resumed = p; continue }
            p += 1
        }
        return nil
    }

    /// lizard's REGEX_TOKEN at `p`: `(?:\\A|(?<=[=,({[?:!&|;]))\\s*` + a regex literal.
    /// Returns where the literal starts and where it ends.
    func regexTokenEnd(at p: Int, to: Int) -> (slash: Int, end: Int)? {
        // Only a `/` or the whitespace before one can start it: the common case ends here.
        guard p < to, bytes[p] == 0x2F || ByteClass.isSpace(bytes[p]) else { return nil }
        guard p == 0 || Self.isRegexTrigger(bytes[p - 1]) else { return nil }
        var s = p
        while s < to && ByteClass.isSpace(bytes[s]) { s += 1 }
        guard s < to, bytes[s] == 0x2F, s + 1 < to, bytes[s + 1] != 0x2F, bytes[s + 1] != 0x2A else { return nil }
        var i = s + 1
        var body = 0
        while i < to {
            let c = bytes[i]
            if c == 0x0A || c == 0x0D { return nil }
            if c == 0x5C {
                guard i + 1 < to, bytes[i + 1] != 0x0A, bytes[i + 1] != 0x0D else { return nil }
                i += 2; body += 1; continue
            }
            if c == 0x5B {
                var k = i + 1
                while k < to && bytes[k] != 0x5D {
                    if bytes[k] == 0x0A || bytes[k] == 0x0D { return nil }
                    if bytes[k] == 0x5C { k += 1; if k < to && (bytes[k] == 0x0A || bytes[k] == 0x0D) { return nil } }
                    k += 1
                }
                if k >= to { return nil }
                i = k + 1; body += 1; continue
            }
            if c == 0x2F {
                guard body > 0 else { return nil }
                i += 1
                while i < to && bytes[i] >= 0x61 && bytes[i] <= 0x7A { i += 1 }
                return (s, i)
            }
            i += 1; body += 1
        }
        return nil
    }

    /// Scans a template from its opening backtick: its end and the `${…}` expression
    /// ranges at the outer level, or nil expressions when it never closes.
    private mutating func templateEnd(_ start: Int) -> (Int, [(Int, Int)]?) {
        let n = bytes.count
        var stack = [0]
        var expressions: [(Int, Int)] = []
        var expressionStart = 0
        var pos = start + 1
        while !stack.isEmpty {
            if stack[stack.count - 1] == 0 {  // inside template text
                while pos < n, bytes[pos] != 0x5C, bytes[pos] != 0x60, !(bytes[pos] == 0x24 && pos + 1 < n && bytes[pos + 1] == 0x7B) { pos += 1 }
                if pos >= n { return (n, nil) }
                if bytes[pos] == 0x5C {
                    if pos + 1 >= n { return (n, nil) }
                    pos += 2
                    continue
                }
                if bytes[pos] == 0x60 { stack.removeLast(); pos += 1; continue }
                pos += 2
                if stack.count == 1 { expressionStart = pos }
                stack.append(1)
            } else {  // inside an expression
                var found = false
                while pos < n {
                    let b = bytes[pos]
                    if b == 0x2F, pos + 1 < n, bytes[pos + 1] == 0x2A, let e = find2(0x2A, 0x2F, from: pos + 2, to: n) { pos = e + 2; continue }
                    if b == 0x2F, pos + 1 < n, bytes[pos + 1] == 0x2F {
                        while pos < n && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
                        continue
                    }
                    if b == 0x22 || b == 0x27, let e = quotedEnd(at: pos, to: n, quote: b) { pos = e; continue }
                    if let e = regexTokenEnd(at: pos, to: n) { pos = e.end; continue }
                    if b == 0x60 || b == 0x7B || b == 0x7D { found = true; break }
                    pos += 1
                }
                if !found { return (n, nil) }
                let b = bytes[pos]
                pos += 1
                if b == 0x60 {
                    stack.append(0)
                } else if b == 0x7B {
                    stack[stack.count - 1] += 1
                } else {
                    stack[stack.count - 1] -= 1
                    if stack[stack.count - 1] == 0 {
                        stack.removeLast()
                        if stack.count == 1 { expressions.append((expressionStart, pos - 1)) }
                    }
                }
            }
        }
        return (pos, expressions)
    }

    /// lizard's `_split_template`: '`', text chunks, '${', the expression as one token, '}', '`'.
    private mutating func splitTemplate(_ start: Int, _ end: Int, _ expressions: [(Int, Int)]) {
        emit(LexToken(start: start, end: start + 1, kind: .backtick))
        var pos = start + 1
        for (expressionStart, expressionEnd) in expressions {
            let textEnd = expressionStart - 2
            if pos < textEnd {
                emit(LexToken(start: pos, end: textEnd, kind: .string, flags: TokenFlag.templateChunk, newlines: countNewlines(pos, textEnd)))
            }
            emit(LexToken(start: expressionStart - 2, end: expressionStart, kind: .symbol, flags: TokenFlag.templateOpen))
            emit(LexToken(start: expressionStart, end: expressionEnd, kind: .symbol, flags: TokenFlag.templateExpression,
                          newlines: countNewlines(expressionStart, expressionEnd)))
            emit(LexToken(start: expressionEnd, end: expressionEnd + 1, kind: .rbrace))
            pos = expressionEnd + 1
        }
        if pos < end - 1 {
            emit(LexToken(start: pos, end: end - 1, kind: .string, flags: TokenFlag.templateChunk, newlines: countNewlines(pos, end - 1)))
        }
        emit(LexToken(start: end - 1, end: end, kind: .backtick))
    }

    /// The JavaScript additions tried before the shared rules at `p`.
    mutating func scanJavaScript(at p: Int, to: Int, flags: UInt8) -> Int? {
        let b = bytes[p]
        if b == 0x2F || ByteClass.isSpace(b), let regex = regexTokenEnd(at: p, to: to) {
            var i = p
            while i < regex.slash {  // the whitespace before the literal stays layout
                if bytes[i] == 0x0A {
                    emit(LexToken(start: i, end: i + 1, kind: .newline, flags: flags, newlines: 1))
                    i += 1
                } else {
                    var k = i
                    while k < regex.slash && bytes[k] != 0x0A { k += 1 }
                    emit(LexToken(start: i, end: k, kind: .space, flags: flags))
                    i = k
                }
            }
            emit(LexToken(start: regex.slash, end: regex.end, kind: .string, flags: flags))
            return regex.end
        }
        if (b == 0x23 || b == 0x24), p + 1 < to, ByteClass.isWord(bytes[p + 1]) {  // #private, $name
            var i = p + 1
            while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
            emit(LexToken(start: p, end: i, kind: .identifier, flags: flags))
            return i
        }
        if ByteClass.isWord(b) {  // \w+\?(?![?.])
            var i = p
            while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
            if i < to, bytes[i] == 0x3F, !(i + 1 < to && (bytes[i + 1] == 0x3F || bytes[i + 1] == 0x2E)) {
                emit(LexToken(start: p, end: i + 1, kind: .identifier, flags: flags | TokenFlag.gluedSuffix))
                return i + 1
            }
            return scanWord(at: p, to: to, flags: flags)  // what the shared rules would do next, without finding the word again
        }
        if b == 0x3F, p + 1 < to {
            if bytes[p + 1] == 0x3F {
                emit(LexToken(start: p, end: p + 2, kind: .questionQuestion, flags: flags))
                return p + 2
            }
            if bytes[p + 1] == 0x2E, !(p + 2 < to && ByteClass.isDigit(bytes[p + 2])) {  // ?.
                emit(LexToken(start: p, end: p + 2, kind: .dot, flags: flags | TokenFlag.gluedSuffix))
                return p + 2
            }
        }
        return nil
    }
}
