/// Finds Go function units (lizard's GoStates), on the shared brace scanning: declarations,
/// methods, and function literals (`anonymous__N`, or the name of the variable they initialise);
/// function types are skipped.
struct GoUnitReader: BraceScopedLanguage {
    enum State { case functionType, literalSignature, variableDeclaration, variableInitializer }
    enum Callback {}

    struct FrameState: BraceFrameFields {
        var signatureTokens = 0
        var parameterTokens = 0
        var variableName = ""
    }

    typealias Scanner = BraceScopeScanner<Self>

    static let conditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwCase, .ampAmp, .pipePipe, .question])

    /// Literals named so far in the file (`anonymous__0`, `anonymous__1`, …).
    private var anonymousCount = 0

    static func global(_ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        switch t.kind {
        case .kwFunc:
            startFunction(frame: f, name: nil, &scanner)
        case .kwType:
            if scanner.lastToken?.kind != .lparen { scanner.frames[f].state = .typeDefinition }
        case .kwVar:
            var signature = GoSignatureScanner(stream: scanner.stream, after: scanner.currentIndex)
            let (name, count) = signature.variableDeclaration()
            scanner.frames[f].own.variableName = name
            scanner.frames[f].own.signatureTokens = count
            if count > 0 { scanner.frames[f].state = .language(.variableDeclaration) }
        case .lbrace:
            scanner.subScope(frame: f, callback: .none)
        case .rbrace:
            scanner.frames[f].toExit = true
        default: break
        }
    }

    static func run(_ callback: Callback, frame f: Int, _ scanner: inout Scanner) {}

    /// At a `func` token: a declaration opens a named unit; a literal opens `anonymous__N`
    /// (or the variable's name); a function type is skipped.
    private static func startFunction(frame f: Int, name: String?, _ scanner: inout Scanner) {
        var kind = GoSignatureScanner.Kind.declaration
        var count = 0
        var parameters = 0
        if !GoSignatureScanner.startsDeclaration(scanner.stream, after: scanner.currentIndex) {
            var signature = GoSignatureScanner(stream: scanner.stream, after: scanner.currentIndex)
            (kind, count, parameters) = signature.functionSignature()
        }
        let afterTypeMarker = scanner.lastToken.map { $0.kind == .rbracket || $0.kind == .kwChan || $0.kind == .star } ?? false
        if kind == .type || (kind == .literal && afterTypeMarker) {
            scanner.frames[f].own.signatureTokens = count
            if count > 0 { scanner.frames[f].state = .language(.functionType) }
        } else if kind == .literal {
            var unitName = name ?? ""
            if unitName.isEmpty {
                unitName = "anonymous__\(scanner.language.anonymousCount)"
                scanner.language.anonymousCount += 1
            }
            scanner.ctx.pushNewFunction(unitName)
            scanner.frames[f].own.signatureTokens = count
            scanner.frames[f].own.parameterTokens = parameters
            scanner.frames[f].state = .language(.literalSignature)
        } else {
            scanner.ctx.pushNewFunction("")
            scanner.frames[f].state = .functionName
        }
    }

    static func handle(_ state: State, _ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        switch state {
        case .functionType:
            scanner.frames[f].own.signatureTokens -= 1
            if scanner.frames[f].own.signatureTokens <= 0 { scanner.frames[f].state = .global }
        case .literalSignature:
            if scanner.frames[f].own.parameterTokens > 0 {
                scanner.frames[f].own.parameterTokens -= 1
                if t.kind != .lparen && t.kind != .rparen { scanner.ctx.current.addParameter(scanner.stream.text(t)) }
            }
            scanner.frames[f].own.signatureTokens -= 1
            if scanner.frames[f].own.signatureTokens <= 0 { scanner.frames[f].state = .expectFunctionImpl }
        case .variableDeclaration:
            scanner.frames[f].own.signatureTokens -= 1
            if scanner.frames[f].own.signatureTokens <= 0 {
                scanner.frames[f].state = scanner.frames[f].own.variableName.isEmpty ? .global : .language(.variableInitializer)
            }
        case .variableInitializer:
            scanner.frames[f].state = .global
            if t.kind == .kwFunc {
                startFunction(frame: f, name: scanner.frames[f].own.variableName, &scanner)
            } else {
                global(t, frame: f, &scanner)
            }
        }
    }
}
