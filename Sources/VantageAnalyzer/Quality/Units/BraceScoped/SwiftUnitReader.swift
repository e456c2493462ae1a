/// Finds Swift function units (spec §5.3): `func`, `init`, `subscript`, `deinit` and the
/// accessors (`get`, `set`, `willSet`, `didSet`), on the shared brace scanning.
struct SwiftUnitReader: BraceScopedLanguage {
    enum State { case accessorHead, protocolBody, expectDeclarationName }
    enum Callback {}
    enum AccessorStep { case name, parameter, parameterName, parameterEnd, effects, errorType }

    struct FrameState: BraceFrameFields {
        var previous: LexToken?
        var accessorToken = LexToken(start: 0, end: 0, kind: .kwGet)
        var accessorLine = 0
        var accessorKind = TokenKind.kwGet
        var accessorStep = AccessorStep.name
        var accessorTokens: [LexToken] = []
    }

    typealias Scanner = BraceScopeScanner<Self>

    static let conditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwGuard, .kwCase, .ampAmp, .pipePipe, .question])
    private static let labelWords = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwGuard, .kwCase, .kwInit, .kwSubscript, .kwDeinit])
    private static let accessors = KindSet([.kwGet, .kwSet, .kwWillSet, .kwDidSet, .kwDeinit])

    /// A condition keyword (or `init`/`subscript`/`deinit`) right after `(` or `,` and right
    /// before `:` is an argument label; it neither counts nor starts a unit.
    static func prepare(_ stream: inout TokenStream) {
        var tokens = stream.tokens
        let count = tokens.count
        func nextSignificant(_ from: Int) -> Int? {
            var k = from
            while k < count && (tokens[k].kind == .newline || tokens[k].kind == .comment) { k += 1 }
            return k < count ? k : nil
        }
        var index = 0
        while index < count {
            guard tokens[index].kind == .lparen || tokens[index].kind == .comma,
                  let label = nextSignificant(index + 1), labelWords.contains(tokens[label].kind) else {
                index += 1
                continue
            }
            if let colon = nextSignificant(label + 1), tokens[colon].kind == .colon {
                tokens[label].kind = .identifier
                index = colon + 1
            } else {
                index += 1
            }
        }
        stream.tokens = tokens
    }

    static func global(_ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        let afterDot = scanner.frames[f].own.previous?.kind == .dot
        if !afterDot && (t.kind == .kwInit || t.kind == .kwInitFailable || t.kind == .kwSubscript) {
            scanner.ctx.pushNewFunction("")
            scanner.frames[f].state = .functionName
            scanner.functionName(t, text: t.kind == .kwSubscript ? "subscript" : "init", frame: f)
        } else if accessors.contains(t.kind) && !afterDot {
            scanner.frames[f].own.accessorToken = t
            scanner.frames[f].own.accessorKind = t.kind
            scanner.frames[f].own.accessorLine = scanner.ctx.currentLine
            scanner.frames[f].own.accessorStep = .name
            scanner.frames[f].own.accessorTokens = []
            scanner.frames[f].state = .language(.accessorHead)
        } else if t.kind == .kwProtocol {
            scanner.frames[f].state = .language(.protocolBody)
        } else if t.kind == .kwLet || t.kind == .kwVar || t.kind == .kwCase || t.kind == .comma {
            scanner.frames[f].state = .language(.expectDeclarationName)
        } else {
            scanner.keywordGlobal(t, frame: f, functionKeyword: .kwFunc, typeKeyword: nil)
        }
        if t.kind != .newline { scanner.frames[f].own.previous = t }
    }

    static func handle(_ state: State, _ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        switch state {
        case .accessorHead: accessorHead(t, frame: f, &scanner)
        case .protocolBody:
            scanner.bracket(t, frame: f, open: .lbrace, close: .rbrace)
            if scanner.frames[f].bracketCount == 0 && t.kind == .rbrace { scanner.frames[f].state = .global }
        case .expectDeclarationName:
            scanner.frames[f].own.previous = t
            scanner.frames[f].state = .global
        }
    }

    static func run(_ callback: Callback, frame f: Int, _ scanner: inout Scanner) {}

    // MARK: Accessors

    private static func accessorHead(_ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        scanner.frames[f].own.accessorTokens.append(t)
        let step = scanner.frames[f].own.accessorStep
        if t.kind == .lbrace && (step == .name || step == .parameterEnd || step == .effects) {
            scanner.ctx.pushNewFunction(scanner.stream.text(scanner.frames[f].own.accessorToken))
            scanner.ctx.current.startLine = scanner.frames[f].own.accessorLine
            scanner.frames[f].own.accessorTokens = []
            scanner.subScope(frame: f, callback: .endFunction)
            return
        }
        if let next = nextAccessorStep(t, scanner.frames[f].own, scanner.stream) {
            scanner.frames[f].own.accessorStep = next
        } else {
            let replay = scanner.frames[f].own.accessorTokens
            scanner.frames[f].own.accessorTokens = []
            scanner.frames[f].state = .global
            for token in replay {
                if scanner.isInScope(frame: f) { scanner.dispatch(token) } else { scanner.handle(token, frame: f) }
            }
        }
    }

    private static func nextAccessorStep(_ t: LexToken, _ frame: FrameState, _ stream: TokenStream) -> AccessorStep? {
        let kind = frame.accessorKind
        switch frame.accessorStep {
        case .name:
            if t.kind == .lparen && (kind == .kwSet || kind == .kwWillSet || kind == .kwDidSet) { return .parameter }
            if kind == .kwGet && (t.kind == .kwAsync || t.kind == .kwThrows) { return .effects }
            return nil
        case .parameter:
            return stream.isIdentifierLike(t) ? .parameterName : nil
        case .parameterName:
            return t.kind == .rparen ? .parameterEnd : nil
        case .effects:
            if kind == .kwGet && (t.kind == .kwAsync || t.kind == .kwThrows) { return .effects }
            return t.kind == .lparen ? .errorType : nil
        case .errorType:
            if t.kind == .lbrace || t.kind == .rbrace { return nil }
            return t.kind == .rparen ? .effects : .errorType
        case .parameterEnd:
            return nil
        }
    }
}
