/// Finds public functions and types and whether each carries the language's doc
/// comment: a docstring (Python), `///` or `/** */` (Swift, Rust, C/C++, Java,
/// JavaScript/TypeScript), or a `//` comment naming the symbol (Go).
enum DocCoverageScanner {
    static func scan(stream: TokenStream, support: some LanguageSupport) -> DocCoverage {
        switch support.blocks {
        case .indentation: return python(stream)
        case .braces: return braceLanguage(stream, support)
        }
    }

    @inline(__always) private static func isLayout(_ kind: TokenKind) -> Bool {
        kind == .space || kind == .newline || kind == .comment
    }

    // MARK: Python: public = name without a leading underscore, outside function bodies

    private static func python(_ stream: TokenStream) -> DocCoverage {
        var coverage = DocCoverage()
        let tokens = stream.tokens
        var line = 1
        var indent = 0
        var atLineStart = true
        var functionIndents: [Int] = []   // indentation of enclosing `def`s
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            switch t.kind {
            case .newline: line += 1; atLineStart = true; indent = 0; i += 1; continue
            case .space: if atLineStart { indent += Int(t.newlines) }; i += 1; continue
            case .comment: i += 1; continue
            default: break
            }
            line += Int(t.newlines)
            defer { atLineStart = false }
            if atLineStart {
                while let last = functionIndents.last, last >= indent { functionIndents.removeLast() }
            }
            if atLineStart && (t.kind == .kwDef || t.kind == .kwClass || t.kind == .kwAsync) {
                var k = i + 1
                while k < tokens.count && tokens[k].kind == .space { k += 1 }
                if t.kind == .kwAsync {
                    guard k < tokens.count, tokens[k].kind == .kwDef else { i += 1; continue }
                    k += 1
                    while k < tokens.count && tokens[k].kind == .space { k += 1 }
                }
                let isDef = t.kind != .kwClass
                if k < tokens.count, tokens[k].kind != .newline {
                    let name = stream.text(tokens[k])
                    let isPublic = !name.hasPrefix("_") || (name.hasPrefix("__") && name.hasSuffix("__") && name != "__init__")
                    if functionIndents.isEmpty && isPublic && !name.hasPrefix("_") {
                        coverage.publicSymbols += 1
                        if pythonHasDocstring(stream, from: k) {
                            coverage.documented += 1
                        } else {
                            coverage.undocumented.append(DocSymbol(name: name, line: line))
                        }
                    }
                }
                if isDef { functionIndents.append(indent) }
            }
            i += 1
        }
        return coverage
    }

    /// After the header's closing `:` (outside brackets), is the first statement a string?
    private static func pythonHasDocstring(_ stream: TokenStream, from start: Int) -> Bool {
        let tokens = stream.tokens
        var depth = 0
        var k = start
        while k < tokens.count {
            let t = tokens[k]
            switch t.kind {
            case .lparen, .lbracket, .lbrace: depth += 1
            case .rparen, .rbracket, .rbrace: depth -= 1
            case .colon where depth == 0:
                k += 1
                while k < tokens.count, isLayout(tokens[k].kind) { k += 1 }
                guard k < tokens.count else { return false }
                var s = k
                // string prefixes (r, u, b) are words glued to the string
                if tokens[s].kind == .identifier, s + 1 < tokens.count, tokens[s + 1].kind == .string,
                   tokens[s + 1].start == tokens[s].end { s += 1 }
                return tokens[s].kind == .string
            default: break
            }
            k += 1
        }
        return false
    }

    // MARK: Brace languages

    private static func braceLanguage(_ stream: TokenStream, _ support: some LanguageSupport) -> DocCoverage {
        var coverage = DocCoverage()
        let tokens = stream.tokens
        var line = 1
        var depthInFunction = 0   // >0 inside a function body: locals are not API
        var braceStack: [Bool] = []
        var pendingFunctionBody = false
        var lastComment: LexToken?
        var declarationStart: Int? = nil   // index of the first modifier/attribute of the current declaration
        var visibilitySeen = false
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            defer { i += 1 }
            if t.kind == .newline { line += 1; continue }
            if t.kind == .space { continue }
            if t.kind == .comment {
                line += Int(t.newlines)
                lastComment = t
                declarationStart = nil
                visibilitySeen = false
                continue
            }
            let startLine = line
            line += Int(t.newlines)
            switch t.kind {
            case .lbrace:
                lastComment = nil
                braceStack.append(pendingFunctionBody)
                if pendingFunctionBody { depthInFunction += 1 }
                pendingFunctionBody = false
                declarationStart = nil
                visibilitySeen = false
                continue
            case .rbrace:
                lastComment = nil
                if braceStack.popLast() == true { depthInFunction -= 1 }
                declarationStart = nil
                visibilitySeen = false
                continue
            case .semicolon:
                lastComment = nil
                pendingFunctionBody = false
                declarationStart = nil
                visibilitySeen = false
                continue
            default: break
            }
            if declarationStart == nil { declarationStart = i }
            if support.visibilityKeywords.contains(t.kind) { visibilitySeen = true; continue }
            guard let declaration = support.declaration(at: i, in: tokens) else { continue }
            let nameIndex = declaration.nameIndex
            if declaration.isFunction { pendingFunctionBody = true }
            guard depthInFunction == 0, nameIndex < tokens.count else { declarationStart = nil; continue }
            let name = stream.text(tokens[nameIndex])
            let isPublic: Bool
            switch support.publicity {
            case .capitalisedName: isPublic = name.first?.isUppercase == true
            case .notUnderscoredOrStatic: isPublic = !name.hasPrefix("_") && !precededByStatic(stream, declarationStart ?? i, i)
            case .visibilityKeyword, .notUnderscored: isPublic = visibilitySeen
            }
            if isPublic {
                coverage.publicSymbols += 1
                if let comment = lastComment, support.isDocComment(stream.text(comment), name: name) {
                    coverage.documented += 1
                } else {
                    coverage.undocumented.append(DocSymbol(name: name, line: startLine))
                }
            }
            lastComment = nil
            declarationStart = nil
            visibilitySeen = false
        }
        return coverage
    }

    private static func precededByStatic(_ stream: TokenStream, _ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to {
            if stream.tokens[k].kind == .kwStatic { return true }
            k += 1
        }
        return false
    }
}
