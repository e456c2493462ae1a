/// The dialects' token forms (`LexDialect.forms`), tried before the shared rules.
extension Lexer {
    /// Tries the dialect's token forms at `p`, in order; returns the offset after the token the
    /// first one that applies emitted, or nil when none applies and the shared rules should run.
    mutating func scanDialectSpecific(at p: Int, to: Int, flags: UInt8) -> Int? {
        guard dialect.formStarts.contains(bytes[p]) else { return nil }
        for form in dialect.forms {
            if let next = scan(form, at: p, to: to, flags: flags) { return next }
        }
        return nil
    }

    /// One token of `form` at `p`, or nil when the bytes there are not one.
    private mutating func scan(_ form: TokenForm, at p: Int, to: Int, flags: UInt8) -> Int? {
        switch form {
        case .lineComment(let marker, let continues): return scanLineComment(marker, continues, at: p, to: to, flags: flags)
        case .floorDivision: return scanFloorDivision(at: p, to: to, flags: flags)
        case .tripleQuotedStrings: return scanTripleQuoted(at: p, to: to, flags: flags)
        case .nestedBlockComments: return scanNestedBlockComment(at: p, to: to, flags: flags)
        case .hashDelimitedStrings: return scanHashDelimitedString(at: p, to: to, flags: flags)
        case .poundWords: return scanPoundWord(at: p, to: to, flags: flags)
        case .backtickIdentifiers: return scanBacktickIdentifier(at: p, to: to, flags: flags)
        case .doubleQuestion:
            guard bytes[p] == 0x3F, p + 1 < to, bytes[p + 1] == 0x3F else { return nil }
            emit(LexToken(start: p, end: p + 2, kind: .questionQuestion, flags: flags))
            return p + 2
        case .cppRawStrings: return scanCppRawString(at: p, to: to, flags: flags)
        case .decimalFloats: return scanDecimalFloat(at: p, to: to, flags: flags)
        case .rawStrings(let delimiter):
            guard bytes[p] == delimiter else { return nil }
            var i = p + 1
            while i < to && bytes[i] != delimiter { i += 1 }
            guard i < to else { return nil }
            emit(LexToken(start: p, end: i + 1, kind: .string, flags: flags, newlines: countNewlines(p, i + 1)))
            return i + 1
        case .lifetimes:
            guard bytes[p] == 0x27, p + 1 < to, ByteClass.isWord(bytes[p + 1]) else { return nil }  // 'lifetime, 'label
            var i = p + 1
            while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
            emit(LexToken(start: p, end: i, kind: .symbol, flags: flags))
            return i
        case .javaScriptTokens:
            return scanJavaScript(at: p, to: to, flags: flags)
        }
    }

    // MARK: Comments

    private mutating func scanLineComment(_ marker: [UInt8], _ continues: Bool, at p: Int, to: Int, flags: UInt8) -> Int? {
        guard hasPrefix(marker, at: p, to: to) else { return nil }
        var i = p + marker.count
        while i < to && bytes[i] != 0x0A {
            if continues && bytes[i] == 0x5C && i + 1 < to && bytes[i + 1] == 0x0A { i += 2; continue }
            i += 1
        }
        emit(LexToken(start: p, end: i, kind: .comment, flags: flags, newlines: countNewlines(p, i)))
        return i
    }

    private mutating func scanNestedBlockComment(at p: Int, to: Int, flags: UInt8) -> Int? {
        guard bytes[p] == 0x2F, p + 1 < to, bytes[p + 1] == 0x2A else { return nil }
        let end = nestedBlockCommentEnd(from: p, to: to)
        flushMacro()
        emit(LexToken(start: p, end: end, kind: .comment, flags: flags, newlines: countNewlines(p, end)))
        return end
    }

    // MARK: Python

    private mutating func scanFloorDivision(at p: Int, to: Int, flags: UInt8) -> Int? {
        guard bytes[p] == 0x2F, p + 1 < to, bytes[p + 1] == 0x2F else { return nil }  // floor division, not a comment
        let augmented = p + 2 < to && bytes[p + 2] == 0x3D
        emit(LexToken(start: p, end: p + (augmented ? 3 : 2), kind: augmented ? .augmentedAssign : .slashSlash, flags: flags))
        return p + (augmented ? 3 : 2)
    }

    private mutating func scanTripleQuoted(at p: Int, to: Int, flags: UInt8) -> Int? {
        let b = bytes[p]
        guard b == 0x22 || b == 0x27, p + 2 < to, bytes[p + 1] == b, bytes[p + 2] == b,
              let end = tripleQuotedEnd(at: p, to: to, quote: b) else { return nil }
        emit(LexToken(start: p, end: end, kind: .string, flags: flags | TokenFlag.tripleQuoted, newlines: countNewlines(p, end)))
        if dialect.expandsFStrings { expandFStringIfPrefixed(tokenStart: p, tokenEnd: end, quoteLength: 3, flags: flags) }
        return end
    }

    private func tripleQuotedEnd(at p: Int, to: Int, quote: UInt8) -> Int? {
        var i = p + 3
        while i < to {
            let c = bytes[i]
            if c == 0x5C { i += 2; continue }
            if c == quote && i + 2 < to && bytes[i + 1] == quote && bytes[i + 2] == quote { return i + 3 }
            i += 1
        }
        return nil
    }

    /// When the string just emitted directly follows an f-string prefix (`f`, `rf`, `fr`,
    /// `bf`, `fb`, any case), replaces it by its literal chunks and the tokens of each
    /// `{expression}`, so keywords inside interpolations are counted (lizard issue #317).
    mutating func expandFStringIfPrefixed(tokenStart: Int, tokenEnd: Int, quoteLength: Int, flags: UInt8) {
        let count = tokens.count
        guard count >= 2 else { return }
        let prefix = tokens[count - 2]
        guard prefix.end == Int32(tokenStart), prefix.kind == .identifier, prefix.length <= 2 else { return }
        var letters = [UInt8]()
        for i in Int(prefix.start)..<Int(prefix.end) { letters.append(bytes[i] | 0x20) }
        let isFString = letters == [0x66] || letters == [0x72, 0x66] || letters == [0x66, 0x72]
            || letters == [0x62, 0x66] || letters == [0x66, 0x62]
        guard isFString else { return }
        let original = tokens.removeLast()
        let bodyStart = tokenStart + quoteLength
        let bodyEnd = max(bodyStart, tokenEnd - quoteLength)
        let chunkFlags = flags | (quoteLength == 3 ? TokenFlag.tripleQuoted : 0)
        var produced = false
        var literalStart = bodyStart
        var i = bodyStart
        while i < bodyEnd {
            let c = bytes[i]
            if (c == 0x7B || c == 0x7D) && i + 1 < bodyEnd && bytes[i + 1] == c { i += 2; continue }
            if c == 0x7B {
                let j = interpolationEnd(from: i, bodyEnd: bodyEnd)
                if literalStart < i {
                    tokens.append(LexToken(start: literalStart, end: i, kind: .string, flags: chunkFlags,
                                           newlines: countNewlines(literalStart, i)))
                }
                let inner = Lexer.tokenizeRange(bytes, from: i + 1, to: max(i + 1, j - 1), dialect: dialect,
                                                flags: flags | TokenFlag.fStringExpression)
                tokens.append(contentsOf: inner)
                produced = true
                i = j
                literalStart = j
                continue
            }
            i += 1
        }
        if !produced { tokens.append(original); return }
        if literalStart < bodyEnd {
            tokens.append(LexToken(start: literalStart, end: bodyEnd, kind: .string, flags: chunkFlags,
                                   newlines: countNewlines(literalStart, bodyEnd)))
        }
    }

    static func tokenizeRange(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, dialect: LexDialect, flags: UInt8) -> [LexToken] {
        var lexer = Lexer(bytes: bytes, dialect: dialect)
        lexer.scan(from: from, to: to, flags: flags)
        lexer.flushMacro()
        return lexer.tokens
    }

    /// Offset just after the `}` closing the interpolation opened at `start`, skipping
    /// quoted literals inside it.
    private func interpolationEnd(from start: Int, bodyEnd: Int) -> Int {
        var depth = 1
        var j = start + 1
        while j < bodyEnd && depth > 0 {
            let c = bytes[j]
            if c == 0x22 || c == 0x27 { j = skipQuoted(at: j, end: bodyEnd); continue }
            if c == 0x7B { depth += 1 } else if c == 0x7D { depth -= 1 }
            j += 1
        }
        return j
    }

    private func skipQuoted(at pos: Int, end n: Int) -> Int {
        let q = bytes[pos]
        if pos + 2 < n && bytes[pos + 1] == q && bytes[pos + 2] == q {
            var i = pos + 3
            while i < n {
                if i + 2 < n && bytes[i] == q && bytes[i + 1] == q && bytes[i + 2] == q { return i + 3 }
                if bytes[i] == 0x5C { i += 2; continue }
                i += 1
            }
            return n
        }
        var i = pos + 1
        while i < n {
            if bytes[i] == 0x5C { i += 2; continue }
            if bytes[i] == q { return i + 1 }
            i += 1
        }
        return n
    }

    // MARK: Swift

    private mutating func scanHashDelimitedString(at p: Int, to: Int, flags: UInt8) -> Int? {
        var hashes = 0  // "…" or #"…"#
        while p + hashes < to && bytes[p + hashes] == 0x23 { hashes += 1 }
        guard p + hashes < to, bytes[p + hashes] == 0x22 else { return nil }
        let end = swiftStringEnd(from: p, hashes: hashes, to: to)
        flushMacro()
        emit(LexToken(start: p, end: end, kind: .string, flags: flags, newlines: countNewlines(p, end)))
        return end
    }

    private mutating func scanPoundWord(at p: Int, to: Int, flags: UInt8) -> Int? {
        // #selector, #available; not a directive (#if), which the shared rules make a macro
        guard bytes[p] == 0x23, p + 1 < to, ByteClass.isWord(bytes[p + 1]), !isCompilerDirective(at: p + 1, to: to) else { return nil }
        var i = p + 1
        while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
        emit(LexToken(start: p, end: i, kind: .identifier, flags: flags))
        return i
    }

    private mutating func scanBacktickIdentifier(at p: Int, to: Int, flags: UInt8) -> Int? {
        guard bytes[p] == 0x60, p + 1 < to, ByteClass.isWord(bytes[p + 1]) else { return nil }  // `name`
        var i = p + 1
        while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
        guard i < to && bytes[i] == 0x60 else { return nil }
        emit(LexToken(start: p, end: i + 1, kind: .identifier, flags: flags))
        return i + 1
    }

    private func isCompilerDirective(at start: Int, to: Int) -> Bool {
        var i = start
        while i < to && ByteClass.isWord(bytes[i]) { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        return ["if", "elseif", "else", "endif", "sourceLocation", "warning", "error"].contains(word)
    }

    private func nestedBlockCommentEnd(from start: Int, to: Int) -> Int {
        var depth = 0
        var i = start
        while i + 1 < to {
            if bytes[i] == 0x2F && bytes[i + 1] == 0x2A { depth += 1; i += 2; continue }
            if bytes[i] == 0x2A && bytes[i + 1] == 0x2F {
                depth -= 1
                i += 2
                if depth == 0 { return i }
                continue
            }
            i += 1
        }
        return to
    }

    private func hasPrefix(_ pattern: [UInt8], at pos: Int, to: Int) -> Bool {
        if pos + pattern.count > to { return false }
        for (k, c) in pattern.enumerated() where bytes[pos + k] != c { return false }
        return true
    }

    /// End of a Swift string literal starting at `start` (`hashes` leading `#`),
    /// following escapes and `\( … )` interpolations, which may nest strings.
    func swiftStringEnd(from start: Int, hashes: Int, to: Int) -> Int {
        let quote = start + hashes
        let multiline = hasPrefix([0x22, 0x22, 0x22], at: quote, to: to)
        let close = (multiline ? [UInt8](repeating: 0x22, count: 3) : [0x22]) + [UInt8](repeating: 0x23, count: hashes)
        let escape = [UInt8(0x5C)] + [UInt8](repeating: 0x23, count: hashes)
        var pos = quote + (multiline ? 3 : 1)
        while true {
            while pos < to, bytes[pos] != 0x5C, bytes[pos] != 0x22, bytes[pos] != 0x0A { pos += 1 }
            if pos >= to { return to }
            if hasPrefix(close, at: pos, to: to) { return pos + close.count }
            if hasPrefix(escape, at: pos, to: to) {
                pos += escape.count
                if pos < to && bytes[pos] == 0x28 {
                    pos = swiftInterpolationEnd(from: pos, multiline: multiline, to: to)
                } else {
                    pos += 1
                }
            } else if bytes[pos] == 0x0A && !multiline {
                return pos
            } else {
                pos += 1
            }
        }
    }

    private func swiftInterpolationEnd(from start: Int, multiline: Bool, to: Int) -> Int {
        var depth = 0
        var pos = start
        while pos < to {
            let c = bytes[pos]
            if c == 0x28 { depth += 1; pos += 1; continue }
            if c == 0x29 {
                depth -= 1
                pos += 1
                if depth == 0 { return pos }
                continue
            }
            if c == 0x0A {
                if !multiline { return pos }
                pos += 1
                continue
            }
            if c == 0x22 || c == 0x23 {
                var hashes = 0
                while pos + hashes < to && bytes[pos + hashes] == 0x23 { hashes += 1 }
                if pos + hashes < to && bytes[pos + hashes] == 0x22 {
                    pos = swiftStringEnd(from: pos, hashes: hashes, to: to)
                    continue
                }
                pos += max(hashes, 1)
                continue
            }
            pos += 1
        }
        return to
    }

    // MARK: C, C++, Java

    private mutating func scanCppRawString(at p: Int, to: Int, flags: UInt8) -> Int? {
        let b = bytes[p]
        // (?:u8|u|U|L)?R"\((?:[^)]|\)(?!"))*\)"
        if b == 0x52 || b == 0x75 || b == 0x55 || b == 0x4C {
            var i = p
            if hasPrefix([0x75, 0x38], at: i, to: to) { i += 2 } else if b != 0x52 { i += 1 }
            if hasPrefix([0x52, 0x22, 0x28], at: i, to: to) {
                var j = i + 3
                while j + 1 < to {
                    if bytes[j] == 0x29 && bytes[j + 1] == 0x22 {
                        emit(LexToken(start: p, end: j + 2, kind: .string, flags: flags, newlines: countNewlines(p, j + 2)))
                        return j + 2
                    }
                    j += 1
                }
            }
            return nil
        }
        return nil
    }

    private mutating func scanDecimalFloat(at p: Int, to: Int, flags: UInt8) -> Int? {
        let b = bytes[p]
        if ByteClass.isDigit(b) || (b == 0x2E && p + 1 < to && ByteClass.isDigit(bytes[p + 1])) {
            var i = p
            while i < to && ByteClass.isDigit(bytes[i]) { i += 1 }
            let integerDigits = i - p
            guard i < to, bytes[i] == 0x2E else { return nil }
            i += 1
            let fractionStart = i
            while i < to && ByteClass.isDigit(bytes[i]) { i += 1 }
            if integerDigits == 0 && i == fractionStart { return nil }
            if i < to && (bytes[i] | 0x20) == 0x65 {
                var k = i + 1
                if k < to && (bytes[k] == 0x2B || bytes[k] == 0x2D) { k += 1 }
                if k < to && ByteClass.isDigit(bytes[k]) {
                    while k < to && ByteClass.isDigit(bytes[k]) { k += 1 }
                    i = k
                }
            }
            emit(LexToken(start: p, end: i, kind: .number, flags: flags))
            return i
        }
        return nil
    }
}
