/// Finds public functions and types and whether each carries the language's doc
/// comment: a docstring (Python), `///` or `/** */` (Swift, Rust, C/C++, Java,
/// JavaScript/TypeScript), or a `//` comment naming the symbol (Go).
enum DocCoverageScanner {
    static func scan(stream: TokenStream, language: SourceLanguage) -> DocCoverage {
        switch language {
        case .python: return python(stream)
        default: return braceLanguage(stream, language: language)
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

    private static func braceLanguage(_ stream: TokenStream, language: SourceLanguage) -> DocCoverage {
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
            if isVisibility(t, stream, language) { visibilitySeen = true; continue }
            guard let (isFunction, nameIndex) = declaration(at: i, stream, language) else { continue }
            if isFunction { pendingFunctionBody = true }
            guard depthInFunction == 0, nameIndex < tokens.count else { declarationStart = nil; continue }
            let name = stream.text(tokens[nameIndex])
            let isPublic: Bool
            switch language {
            case .go: isPublic = name.first?.isUppercase == true
            case .c, .cpp: isPublic = !name.hasPrefix("_") && !precededByStatic(stream, declarationStart ?? i, i)
            case .javascript, .typescript, .swift, .rust, .java: isPublic = visibilitySeen
            default: isPublic = visibilitySeen
            }
            if isPublic {
                coverage.publicSymbols += 1
                if let comment = lastComment, isDocComment(comment, stream, language, name: name) {
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

    private static func isVisibility(_ t: LexToken, _ stream: TokenStream, _ language: SourceLanguage) -> Bool {
        switch language {
        case .swift: return t.kind == .kwPublic || t.kind == .kwOpen
        case .rust: return t.kind == .kwPub
        case .java: return t.kind == .kwPublic || t.kind == .kwProtected
        case .javascript, .typescript: return t.kind == .kwExport
        default: return false
        }
    }

    private static func precededByStatic(_ stream: TokenStream, _ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to {
            if stream.tokens[k].kind == .kwStatic { return true }
            k += 1
        }
        return false
    }

    /// A declaration keyword at `i`: whether it declares a function, and the index of its name.
    private static func declaration(at i: Int, _ stream: TokenStream, _ language: SourceLanguage) -> (Bool, Int)? {
        let tokens = stream.tokens
        func nextCode(_ k: Int) -> Int {
            var j = k + 1
            while j < tokens.count, isLayout(tokens[j].kind) { j += 1 }
            return j
        }
        let t = tokens[i]
        switch language {
        case .swift:
            switch t.kind {
            case .kwFunc: return (true, nextCode(i))
            case .kwInit, .kwInitFailable, .kwSubscript: return (true, i)
            case .kwClass, .kwStruct, .kwEnum, .kwProtocol, .kwActor, .kwTypealias:
                return (false, nextCode(i))
            default: return nil
            }
        case .rust:
            switch t.kind {
            case .kwFn: return (true, nextCode(i))
            case .kwStruct, .kwEnum, .kwTrait, .kwType, .kwUnion: return (false, nextCode(i))
            default: return nil
            }
        case .go:
            if t.kind == .kwFunc {
                var n = nextCode(i)
                if n < tokens.count, tokens[n].kind == .lparen {  // method receiver
                    var depth = 0
                    while n < tokens.count {
                        if tokens[n].kind == .lparen { depth += 1 } else if tokens[n].kind == .rparen { depth -= 1; if depth == 0 { break } }
                        n += 1
                    }
                    n = nextCode(n)
                }
                return (true, n)
            }
            if t.kind == .kwType { return (false, nextCode(i)) }
            return nil
        case .java:
            switch t.kind {
            case .kwClass, .kwInterface, .kwEnum, .kwRecord: return (false, nextCode(i))
            case .identifier:
                let n = nextCode(i)
                if n < tokens.count, tokens[n].kind == .lparen, i > 0 { return (true, i) }
                return nil
            default: return nil
            }
        case .javascript, .typescript:
            switch t.kind {
            case .kwFunction: return (true, nextCode(i))
            case .kwClass, .kwInterface: return (false, nextCode(i))
            default: return nil
            }
        case .c, .cpp:
            if t.kind == .identifier {
                let n = nextCode(i)
                guard n < tokens.count, tokens[n].kind == .lparen else { return nil }
                // a definition: the matching `)` is followed by `{`
                var depth = 0
                var k = n
                while k < tokens.count {
                    if tokens[k].kind == .lparen { depth += 1 } else if tokens[k].kind == .rparen { depth -= 1; if depth == 0 { break } }
                    k += 1
                }
                let after = nextCode(k)
                if after < tokens.count, tokens[after].kind == .lbrace { return (true, i) }
                return nil
            }
            if t.kind == .kwStruct || t.kind == .kwClass {
                let n = nextCode(i)
                let after = nextCode(n)
                if after < tokens.count, tokens[after].kind == .lbrace { return (false, n) }
            }
            return nil
        case .python:
            return nil
        }
    }

    private static func isDocComment(_ t: LexToken, _ stream: TokenStream, _ language: SourceLanguage, name: String) -> Bool {
        let text = stream.text(t)
        switch language {
        case .go:
            let body = text.drop(while: { $0 == "/" || $0 == " " })
            return text.hasPrefix("//") && (body.hasPrefix(name + " ") || body == name || body.hasPrefix("Deprecated"))
                || text.hasPrefix("/*")
        default:
            return text.hasPrefix("///") || text.hasPrefix("/**") || text.hasPrefix("//!")
        }
    }
}
