/// Looks ahead from a Go `func` or `var` token without consuming anything, as lizard's
/// go_function does: is the `func` a declaration, a function literal or a function
/// type, and how many tokens do its signature and parameters span?
struct GoSignatureScanner {
    enum Kind { case declaration, literal, type }

    private let stream: TokenStream
    private var index: Int
    private var pending: LexToken?
    private var pendingIsNewline = false
    private(set) var count = 0

    init(stream: TokenStream, after index: Int) {
        self.stream = stream
        self.index = index + 1
    }

    private func text(_ t: LexToken) -> String { stream.text(t) }

    /// `\s*(?!func\b)[^\W\d]\w*` right after the keyword (comments are not skipped).
    static func startsDeclaration(_ stream: TokenStream, after index: Int) -> Bool {
        var k = index + 1
        while k < stream.tokens.count && stream.tokens[k].kind == .newline { k += 1 }
        guard k < stream.tokens.count else { return false }
        let t = stream.tokens[k]
        guard t.kind != .kwFunc, t.kind != .comment, t.kind != .number else { return false }
        let b = stream.bytes[Int(t.start)]
        return ByteClass.isAlpha(b) || b == 0x5F
    }

    private mutating func rawNext() -> LexToken? {
        while index < stream.tokens.count {
            let t = stream.tokens[index]
            index += 1
            if t.kind == .space { continue }
            return t
        }
        return nil
    }

    /// The next significant token; a newline is one unless `newlines` skips it.
    private mutating func peek(newlines: Bool = false) -> LexToken? {
        while pending == nil {
            guard var t = rawNext() else { return nil }
            if t.kind == .comment {
                if t.newlines > 0 { t.kind = .newline } else { continue }
            }
            if t.kind == .newline && newlines { continue }
            pending = t
        }
        if newlines, let p = pending, p.kind == .newline {
            pending = nil
            return peek(newlines: true)
        }
        return pending
    }

    @discardableResult
    private mutating func take(newlines: Bool = false) -> LexToken? {
        let t = peek(newlines: newlines)
        pending = nil
        if let t, t.kind != .newline { count += 1 }
        return t
    }

    private static func closing(_ kind: TokenKind) -> TokenKind? {
        switch kind {
        case .lparen: .rparen
        case .lbracket: .rbracket
        case .lbrace: .rbrace
        default: nil
        }
    }

    private mutating func balanced() {
        guard let open = take(newlines: true), let close = Self.closing(open.kind) else { return }
        var stack = [close]
        while let t = rawNext() {
            if t.kind == .newline || t.kind == .comment { continue }
            count += 1
            if let c = Self.closing(t.kind) {
                stack.append(c)
            } else if t.kind == stack[stack.count - 1] {
                stack.removeLast()
                if stack.isEmpty { return }
            }
        }
    }

    private func isIdentifier(_ t: LexToken) -> Bool { stream.isIdentifierLike(t) }

    private mutating func readType(newlines: Bool = false) {
        guard let t = peek(newlines: newlines) else { return }
        switch t.kind {
        case .star, .starStar, .lt, .kwChan:
            take()
            if peek(newlines: true)?.kind == .lt { take() }
            if peek(newlines: true)?.kind == .minus { take() }
            readType(newlines: true)
        case .lparen, .lbracket:
            balanced()
            if t.kind == .lbracket { readType() }
        case .kwMap:
            take()
            if peek()?.kind == .lbracket {
                balanced()
                readType()
            }
        case .kwStruct, .kwInterface:
            take()
            if peek(newlines: true)?.kind == .lbrace { balanced() }
        case .kwFunc:
            take()
            if peek(newlines: true)?.kind == .lparen {
                balanced()
                readType()
            }
        default:
            let excluded: [TokenKind] = [.kwConst, .kwVar, .kwType, .kwReturn, .kwIf, .kwFor, .kwSwitch]
            guard isIdentifier(t), !excluded.contains(t.kind) else { return }
            take()
            if peek()?.kind == .dot {
                take()
                take()
            }
            if peek()?.kind == .lbracket { balanced() }
        }
    }

    /// lizard's `function_signature`: (kind, signature tokens, parameter tokens).
    mutating func functionSignature() -> (Kind, Int, Int) {
        guard let first = peek(newlines: true) else { return (.type, 0, 0) }
        if first.kind != .lparen {
            return (isIdentifier(first) && first.kind != .kwFunc ? .declaration : .type, 0, 0)
        }
        balanced()
        let parameters = count
        readType()
        let following = peek()
        if following?.kind == .lparen { return (.declaration, 0, 0) }
        return (following?.kind == .lbrace ? .literal : .type, count, parameters)
    }

    /// lizard's `variable_declaration`: (name when initialised, tokens up to and including `=`).
    mutating func variableDeclaration() -> (String, Int) {
        guard let name = peek(), isIdentifier(name) else { return ("", 0) }
        take()
        readType()
        if peek()?.kind == .assign {
            take()
            return (text(name), count)
        }
        return ("", count)
    }
}
