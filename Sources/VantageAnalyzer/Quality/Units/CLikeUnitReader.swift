/// Finds function units in C and C++ (spec §5.4).
///
/// A word followed by a parameter list and a `{` body is a function (lizard's
/// CLikeStates); braces track nesting and `class`/`struct`/`namespace` bodies name
/// their methods `Scope::method`. Preprocessor conditionals count once each; an
/// rvalue-reference `&&` in a declaration does not count.
struct CLikeUnitReader {
    private enum State {
        case global, function, templateInName, operatorName, operatorNext, nameWithSpace, declaration, declarationToBody
        case throwSpec, throwsSpec, noexceptSpec, trailingReturn, oldCParameters, initializationList, oneInitialization
        case initializationValueParen, initializationValueBrace, body, attribute
        case lambdaCheck, lambdaParameters, lambdaParameterList, lambdaBody, lambdaBodySkip, lambdaCapture
    }

    private enum RValueState { case global, rvalueReference, typedef }

    private static let conditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwCase, .ampAmp, .pipePipe, .question])

    private let stream: TokenStream
    private let ctx: UnitContext
    private var tokens: [LexToken] = []

    private var state = State.global
    private var bracketCount = 0
    private var bracketStack: [TokenKind] = []
    private var savedTokens: [LexToken] = []

    private var nesting: CLikeNestingTracker

    private var rvalueState = RValueState.global
    private var rvalueTokens = 0

    init(stream: TokenStream, context: UnitContext) {
        self.stream = stream
        self.ctx = context
        self.nesting = CLikeNestingTracker(stream: stream, context: context)
    }

    private func text(_ t: LexToken) -> String { stream.text(t) }
    private func firstByte(_ t: LexToken) -> UInt8 { stream.bytes[Int(t.start)] }

    mutating func run() {
        tokens = preprocessed()
        for i in 0..<tokens.count {
            if ctx.outOfTime(tokenIndex: i) { return }
            let t = tokens[i]
            switch t.kind {
            case .comment:
                ctx.accountComment(t, bytes: stream.bytes, commentPrefixLength: 2)
                if ctx.stopped { return }
                continue
            case .newline:
                ctx.accountNewline()
                continue
            case .space:
                continue
            case .macro:
                // A directive: #if/#ifdef/#elif count; the lines it spans stay lines.
                let directive = macroDirective(t)
                if directive == "if" || directive == "ifdef" || directive == "elif" { ctx.current.ccn += 1 }
                for _ in 0..<Int(t.newlines) { ctx.accountNewline() }
                if directive == "include" {
                    ctx.accountCode(LexToken(start: Int(t.start), end: Int(t.start) + 1, kind: .symbol))
                    ctx.accountCode(LexToken(start: Int(t.start), end: Int(t.start) + 1, kind: .string))
                }
                continue
            default: break
            }
            ctx.tokenOffset = Int(t.start)
            ctx.accountCode(t)
            if Self.conditions.contains(t.kind) { ctx.current.ccn += 1 }
            step(t)
            nesting.step(t)
            rvalueStep(t)
        }
    }

    /// lizard's C preprocessing: `~Name` becomes one word; directives are read whole.
    private func preprocessed() -> [LexToken] {
        var out: [LexToken] = []
        out.reserveCapacity(stream.tokens.count)
        for t in TildeMerging.merge(stream.tokens, bytes: stream.bytes) {
            if t.kind == .macro && macroDirective(t) == nil {
                var plain = t
                plain.kind = .symbol
                out.append(plain)
                continue
            }
            out.append(t)
        }
        return out
    }

    /// The word after `#` in a directive, or nil when the `#` is not followed by one.
    private func macroDirective(_ t: LexToken) -> String? {
        var i = Int(t.start) + 1
        let end = Int(t.end)
        while i < end && ByteClass.isSpace(stream.bytes[i]) { i += 1 }
        let start = i
        while i < end && ByteClass.isWord(stream.bytes[i]) { i += 1 }
        if i == start { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: stream.bytes[start..<i]), as: UTF8.self)
    }

    // MARK: Function recognition (CLikeStates)

    private mutating func tryNewFunction(_ name: String) {
        ctx.tryNewFunction(name)
        state = name == "operator" ? .operatorName : .function
    }

    private func startsName(_ t: LexToken) -> Bool {
        let b = firstByte(t)
        return ByteClass.isAlpha(b) || b == 0x5F || b == 0x7E
    }

    private mutating func bracket(_ t: LexToken, _ open: TokenKind, _ close: TokenKind) {
        if t.kind == open { bracketCount += 1 } else if t.kind == close { bracketCount -= 1 }
    }

    private mutating func step(_ t: LexToken) {
        switch state {
        case .global:
            if startsName(t) {
                tryNewFunction(text(t))
            } else if t.kind == .lbracket {
                state = .lambdaCheck
            }
        case .function:
            switch t.kind {
            case .lparen: state = .declaration; step(t)
            case .colonColon:
                ctx.current.addToFunctionName("::")
                state = .nameWithSpace
            case .lt: state = .templateInName; step(t)
            default: state = .global; step(t)
            }
        case .templateInName:
            bracket(t, .lt, .gt)
            ctx.current.addToFunctionName(text(t))
            if bracketCount == 0 { state = .function }
        case .operatorName:
            if t.kind != .lparen { state = .operatorNext }
            ctx.current.addToFunctionName(" " + text(t))
        case .operatorNext:
            if t.kind == .lparen {
                state = .function
                step(t)
            } else if t.kind == .semicolon || t.kind == .lbrace || t.kind == .rbrace {
                state = .global
                step(t)
            } else {
                ctx.current.addToFunctionName(" " + text(t))
            }
        case .nameWithSpace:
            state = t.kind == .kwOperator ? .operatorName : .function
            ctx.current.addToFunctionName(text(t))
        case .declaration:
            bracket(t, .lparen, .rparen)
            declaration(t)
            if bracketCount == 0 { state = .declarationToBody }
        case .declarationToBody: declarationToBody(t)
        case .throwSpec:
            bracket(t, .lparen, .rparen)
            if bracketCount == 0 { state = .declarationToBody }
        case .throwsSpec, .trailingReturn:
            if t.kind == .semicolon || t.kind == .lbrace {
                state = .declarationToBody
                step(t)
            }
        case .noexceptSpec:
            state = t.kind == .lparen ? .throwSpec : .declarationToBody
            step(t)
        case .oldCParameters: oldCParameters(t)
        case .initializationList:
            state = .oneInitialization
            if t.kind == .lbrace { enterBody(t) }
        case .oneInitialization:
            if t.kind == .lparen || t.kind == .lbrace {
                state = t.kind == .lparen ? .initializationValueParen : .initializationValueBrace
                step(t)
            }
        case .initializationValueParen:
            bracket(t, .lparen, .rparen)
            if bracketCount == 0 { state = .initializationList }
        case .initializationValueBrace:
            bracket(t, .lbrace, .rbrace)
            if bracketCount == 0 { state = .initializationList }
        case .body:
            bracket(t, .lbrace, .rbrace)
            if bracketCount == 0 { state = .global }
        case .attribute:
            bracket(t, .lbracket, .rbracket)
            if bracketCount == 0 { state = .declarationToBody }
        case .lambdaCheck:
            state = t.kind == .rbracket ? .lambdaParameters : t.kind == .lbracket ? .attribute : .lambdaCapture
        case .lambdaParameters:
            if t.kind == .lparen {
                bracketStack.append(.lparen)
                state = .lambdaParameterList
            } else {
                state = .lambdaBody
                step(t)
            }
        case .lambdaParameterList:
            switch t.kind {
            case .lparen: bracketStack.append(.lparen)
            case .rparen:
                if bracketStack.last == .lparen {
                    bracketStack.removeLast()
                    if bracketStack.isEmpty { state = .lambdaBody }
                }
            case .lt, .lbracket: bracketStack.append(t.kind)
            case .gt where bracketStack.last == .lt: bracketStack.removeLast()
            case .rbracket where bracketStack.last == .lbracket: bracketStack.removeLast()
            default: break
            }
        case .lambdaBody:
            if t.kind == .lbrace {
                bracketStack.append(.lbrace)
                state = .lambdaBodySkip
            } else if t.kind == .semicolon || t.kind == .comma || t.kind == .rparen {
                state = .global
                step(t)
            }
        case .lambdaBodySkip:
            if t.kind == .lbrace {
                bracketStack.append(.lbrace)
            } else if t.kind == .rbrace, bracketStack.last == .lbrace {
                bracketStack.removeLast()
                if bracketStack.isEmpty { state = .global }
            }
        case .lambdaCapture:
            if t.kind == .rbracket { state = .lambdaParameters }
        }
    }

    private mutating func declaration(_ t: LexToken) {
        if t.kind == .lparen || t.kind == .lt {
            bracketStack.append(t.kind)
        } else if t.kind == .rparen || t.kind == .gt {
            if !bracketStack.isEmpty { bracketStack.removeLast() } else { state = .global }
        } else if bracketStack.count == 1 {
            if t.kind != .kwVoid { ctx.current.addParameter(text(t)) }
            return
        }
        ctx.current.addToLongName(text(t))
    }

    private mutating func declarationToBody(_ t: LexToken) {
        switch t.kind {
        case .kwConst, .amp, .ampAmp: ctx.current.addToLongName(" " + text(t))
        case .kwThrow: state = .throwSpec
        case .kwThrows: state = .throwsSpec
        case .arrow: state = .trailingReturn
        case .kwNoexcept: state = .noexceptSpec
        case .lparen:
            tryNewFunction(ctx.current.longName)
            step(t)
        case .lbrace: enterBody(t)
        case .colon: state = .initializationList
        case .lbracket:
            state = .attribute
            step(t)
        default:
            let b = firstByte(t)
            if !(ByteClass.isAlpha(b) || b == 0x5F) || t.kind == .string {
                state = .global
                step(t)
            } else {
                state = .oldCParameters
                savedTokens = [t]
            }
        }
    }

    private mutating func enterBody(_ t: LexToken) {
        ctx.confirmNewFunction()
        state = .body
        step(t)
    }

    private mutating func oldCParameters(_ t: LexToken) {
        savedTokens.append(t)
        if t.kind == .semicolon {
            savedTokens = []
            state = .declarationToBody
        } else if t.kind == .lbrace {
            if savedTokens.count == 2 {
                savedTokens = []
                declarationToBody(t)
                return
            }
            replaySaved()
        } else if t.kind == .lparen {
            replaySaved()
        }
    }

    private mutating func replaySaved() {
        state = .global
        let replay = savedTokens
        for token in replay { step(token) }
    }

    // MARK: C++ rvalue references (CppRValueRefStates)

    private mutating func rvalueStep(_ t: LexToken) {
        switch rvalueState {
        case .global:
            if t.kind == .ampAmp { rvalueState = .rvalueReference } else if t.kind == .kwTypedef { rvalueState = .typedef; rvalueTokens = 0 }
        case .rvalueReference:
            switch t.kind {
            case .assign:
                ctx.current.ccn -= 1
                rvalueState = .global
            case .semicolon, .lbrace, .rbrace, .rparen:
                rvalueState = .global
            default: break
            }
        case .typedef:
            if t.kind == .semicolon {
                ctx.current.ccn -= rvalueTokens
                rvalueState = .global
            } else if t.kind == .ampAmp {
                rvalueTokens += 1
            }
        }
    }
}
