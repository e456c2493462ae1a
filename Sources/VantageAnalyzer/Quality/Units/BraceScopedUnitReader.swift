/// Finds function units in brace-scoped languages where a keyword introduces a
/// function: Swift (`func`, `init`, `subscript`, accessors; spec §5.3), Rust (`fn`)
/// and Go (`func`). Every `{ … }` is read by a fresh scope (a frame), as lizard's
/// GoLikeStates clone themselves, so a function ends exactly at its closing brace.
struct BraceScopedUnitReader {
    enum Flavor { case swift, rust, go }

    private enum State {
        case global, functionName, memberFunction, expectFunctionDec, skipTypeParameters, functionDec
        case expectFunctionImpl, functionImpl, accessorHead, protocolBody, expectDeclarationName, typeDefinition
        case afterTypeName, structBody, matchSubject, scope
        case goFunctionType, goLiteralSignature, goVariableDeclaration, goVariableInitializer
    }

    private enum Callback { case none, endFunction, ifBodyClosed, endMatch }
    private enum AccessorStep { case name, parameter, parameterName, parameterEnd, effects, errorType }

    private struct Frame {
        var state = State.global
        var savedState = State.global
        var callback = Callback.none
        var bracketCount = 0
        var previous: LexToken?
        var toExit = false
        var typeParameterOpen = TokenKind.lt
        var typeParameterClose = TokenKind.gt
        // Swift accessors
        var accessorToken = LexToken(start: 0, end: 0, kind: .kwGet)
        var accessorLine = 0
        var accessorKind = TokenKind.kwGet
        var accessorStep = AccessorStep.name
        var accessorTokens: [LexToken] = []
        // Rust
        var inMatchArms = false
        var seenMatchArm = false
        var matchSubjectNesting = 0
        var ifBodyDepths: [Int] = []
        var elsePending = false
        var parenDepth = 0
        // Go
        var signatureTokens = 0
        var parameterTokens = 0
        var variableName = ""
    }

    private static let swiftConditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwGuard, .kwCase, .ampAmp, .pipePipe, .question])
    private static let rustConditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwWhere, .ampAmp, .pipePipe, .question])
    private static let goConditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwCase, .ampAmp, .pipePipe, .question])
    private static let swiftLabelWords = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwGuard, .kwCase, .kwInit, .kwSubscript, .kwDeinit])
    private static let swiftAccessors = KindSet([.kwGet, .kwSet, .kwWillSet, .kwDidSet, .kwDeinit])

    private var stream: TokenStream
    private let ctx: UnitContext
    private let flavor: Flavor
    private let conditions: KindSet
    private var frames = [Frame()]
    /// The token before the current one, as every enclosing frame saw it.
    private var lastToken: LexToken?
    private var goAnonymousCount = 0
    private var currentIndex = 0
    /// lizard's root reader keeps `to_exit` once a `}` closed more than was opened (a brace
    /// swallowed by a `#` line such as `if #[cfg(x)] {`, a `//` comment ending in `\`).
    private var rootExited = false

    init(stream: TokenStream, context: UnitContext, flavor: Flavor) {
        self.stream = stream
        self.ctx = context
        self.flavor = flavor
        switch flavor {
        case .swift: conditions = Self.swiftConditions
        case .rust: conditions = Self.rustConditions
        case .go: conditions = Self.goConditions
        }
    }

    mutating func run() {
        if flavor == .swift { markArgumentLabels() }
        let tokens = stream.tokens
        for i in 0..<tokens.count {
            if ctx.outOfTime(tokenIndex: i) { return }
            let t = tokens[i]
            currentIndex = i
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
            default: break
            }
            ctx.tokenOffset = Int(t.start)
            ctx.accountCode(t)
            if conditions.contains(t.kind) && t.flags & TokenFlag.postfixOptional == 0 { ctx.current.ccn += 1 }
            dispatch(t)
            lastToken = t
        }
    }

    /// Swift: a condition keyword (or `init`/`subscript`/`deinit`) right after `(` or `,`
    /// and right before `:` is an argument label; it neither counts nor starts a unit.
    private mutating func markArgumentLabels() {
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
                  let label = nextSignificant(index + 1), Self.swiftLabelWords.contains(tokens[label].kind) else {
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

    // MARK: Frame machinery

    private mutating func dispatch(_ t: LexToken) {
        let top = frames.count - 1
        handle(t, frame: top)
        if frames[frames.count - 1].toExit {
            if frames.count > 1 {
                frames.removeLast()
                let parent = frames.count - 1
                frames[parent].state = frames[parent].savedState
                let callback = frames[parent].callback
                frames[parent].callback = .none
                runCallback(callback, frame: parent)
            } else {
                frames[0].toExit = false
                rootExited = true
            }
        }
    }

    private mutating func runCallback(_ callback: Callback, frame f: Int) {
        switch callback {
        case .none: break
        case .endFunction:
            frames[f].state = .global
            ctx.endOfFunction()
        case .ifBodyClosed:
            frames[f].elsePending = true
        case .endMatch:
            frames[f].state = .global
        }
    }

    private mutating func subScope(frame f: Int, callback: Callback, matchArms: Bool = false) {
        frames[f].savedState = frames[f].state
        frames[f].callback = callback
        frames[f].state = .scope
        var child = Frame()
        child.inMatchArms = matchArms
        frames.append(child)
    }

    private mutating func handle(_ t: LexToken, frame f: Int) {
        switch frames[f].state {
        case .scope:
            // Only reached while replaying rejected accessor tokens into a frame that opened a scope.
            dispatch(t)
        case .global: global(t, frame: f)
        case .functionName: functionName(t, text: nil, frame: f)
        case .memberFunction:
            bracket(t, frame: f, open: .lparen, close: .rparen)
            ctx.current.addToLongName(stream.text(t))
            if frames[f].bracketCount == 0 { frames[f].state = .functionName }
        case .expectFunctionDec:
            if t.kind == .lparen {
                frames[f].state = .functionDec
                handle(t, frame: f)
            } else if t.kind == .lt || t.kind == .lbracket {
                frames[f].state = .skipTypeParameters
                handle(t, frame: f)
            } else {
                frames[f].state = .global
            }
        case .skipTypeParameters:
            if frames[f].bracketCount == 0 {
                frames[f].typeParameterOpen = t.kind
                frames[f].typeParameterClose = t.kind == .lt ? .gt : .rbracket
            }
            if t.kind == frames[f].typeParameterOpen { frames[f].bracketCount += 1 }
            else if t.kind == frames[f].typeParameterClose { frames[f].bracketCount -= 1 }
            if frames[f].bracketCount == 0 { frames[f].state = .expectFunctionDec }
        case .functionDec:
            bracket(t, frame: f, open: .lparen, close: .rparen)
            if t.kind != .lparen && t.kind != .rparen { ctx.current.addParameter(stream.text(t)) }
            if frames[f].bracketCount == 0 { frames[f].state = .expectFunctionImpl }
        case .expectFunctionImpl:
            if t.kind == .lbrace && lastToken?.kind != .kwInterface {
                // lizard passes the `{` to `_function_impl`, which opens the body: that state is
                // the one saved, and restored if the root reader falls back (see `handOn`).
                frames[f].state = .functionImpl
                subScope(frame: f, callback: .endFunction)
            }
        case .functionImpl:
            // Reached only after such a fall-back: whatever token comes opens a body.
            subScope(frame: f, callback: .endFunction)
        case .accessorHead: accessorHead(t, frame: f)
        case .protocolBody:
            bracket(t, frame: f, open: .lbrace, close: .rbrace)
            if frames[f].bracketCount == 0 && t.kind == .rbrace { frames[f].state = .global }
        case .expectDeclarationName:
            frames[f].previous = t
            frames[f].state = .global
        case .typeDefinition:
            frames[f].state = .afterTypeName
        case .afterTypeName:
            frames[f].state = (t.kind == .kwStruct || t.kind == .kwInterface) ? .structBody : .global
        case .structBody:
            bracket(t, frame: f, open: .lbrace, close: .rbrace)
            if frames[f].bracketCount == 0 { frames[f].state = .global }
        case .goFunctionType, .goLiteralSignature, .goVariableDeclaration, .goVariableInitializer:
            goSignatureStep(t, frame: f)
        case .matchSubject:
            if t.kind == .lparen || t.kind == .lbracket { frames[f].matchSubjectNesting += 1; return }
            if t.kind == .rparen || t.kind == .rbracket {
                if frames[f].matchSubjectNesting > 0 { frames[f].matchSubjectNesting -= 1 }
                return
            }
            if t.kind != .lbrace || frames[f].matchSubjectNesting > 0 { return }
            subScope(frame: f, callback: .endMatch, matchArms: true)
        }
    }

    private mutating func bracket(_ t: LexToken, frame f: Int, open: TokenKind, close: TokenKind) {
        if t.kind == open { frames[f].bracketCount += 1 } else if t.kind == close { frames[f].bracketCount -= 1 }
    }

    // MARK: Global state per flavour

    private mutating func global(_ t: LexToken, frame f: Int) {
        switch flavor {
        case .swift: swiftGlobal(t, frame: f)
        case .rust: rustGlobal(t, frame: f)
        case .go: goGlobal(t, frame: f)
        }
    }

    private mutating func goLikeGlobal(_ t: LexToken, frame f: Int, functionKeyword: TokenKind, typeKeyword: TokenKind?) {
        if t.kind == functionKeyword {
            frames[f].state = .functionName
            ctx.pushNewFunction("")
        } else if let typeKeyword, t.kind == typeKeyword {
            frames[f].state = .typeDefinition
        } else if t.kind == .lbrace {
            subScope(frame: f, callback: .none)
        } else if t.kind == .rbrace {
            frames[f].toExit = true
        }
    }

    private mutating func swiftGlobal(_ t: LexToken, frame f: Int) {
        let afterDot = frames[f].previous?.kind == .dot
        if !afterDot && (t.kind == .kwInit || t.kind == .kwInitFailable || t.kind == .kwSubscript) {
            ctx.pushNewFunction("")
            frames[f].state = .functionName
            functionName(t, text: t.kind == .kwSubscript ? "subscript" : "init", frame: f)
        } else if Self.swiftAccessors.contains(t.kind) && !afterDot {
            frames[f].accessorToken = t
            frames[f].accessorKind = t.kind
            frames[f].accessorLine = ctx.currentLine
            frames[f].accessorStep = .name
            frames[f].accessorTokens = []
            frames[f].state = .accessorHead
        } else if t.kind == .kwProtocol {
            frames[f].state = .protocolBody
        } else if t.kind == .kwLet || t.kind == .kwVar || t.kind == .kwCase || t.kind == .comma {
            frames[f].state = .expectDeclarationName
        } else {
            goLikeGlobal(t, frame: f, functionKeyword: .kwFunc, typeKeyword: nil)
        }
        if t.kind != .newline { frames[f].previous = t }
    }

    private mutating func functionName(_ t: LexToken, text: String?, frame f: Int) {
        if t.kind == .backtick { return }
        if t.kind == .lparen {
            if let outer = ctx.stacked.last, !outer.isGlobal {
                frames[f].state = .functionDec
            } else {
                frames[f].state = .memberFunction
            }
            handOn(t, frame: f)
            return
        }
        if t.kind == .lbrace {
            frames[f].state = .expectFunctionImpl
            handOn(t, frame: f)
            return
        }
        ctx.current.addToFunctionName(text ?? stream.text(t))
        frames[f].state = .expectFunctionDec
    }

    /// lizard's `return self.next(state, token)`: the next state reads the token, and the call's
    /// result is the reader's `to_exit`. Only the root reader can still be running with `to_exit`
    /// set (after an unbalanced `}`); there the result makes it fall back to its saved state and run
    /// the pending callback at once, dropping any nested reader just opened. So a function whose
    /// `(` or `{` comes after such a brace is abandoned (its bracket count stays off by the `(`
    /// read), or ends at its own `{`: the functions lizard then misses, Vantage misses too.
    private mutating func handOn(_ t: LexToken, frame f: Int) {
        handle(t, frame: f)
        guard f == 0, rootExited else { return }
        if frames.count > 1 { frames.removeSubrange(1...) }
        frames[0].state = frames[0].savedState
        let callback = frames[0].callback
        frames[0].callback = .none
        runCallback(callback, frame: 0)
    }

    // MARK: Swift accessors

    private mutating func accessorHead(_ t: LexToken, frame f: Int) {
        frames[f].accessorTokens.append(t)
        let step = frames[f].accessorStep
        if t.kind == .lbrace && (step == .name || step == .parameterEnd || step == .effects) {
            ctx.pushNewFunction(stream.text(frames[f].accessorToken))
            ctx.current.startLine = frames[f].accessorLine
            frames[f].accessorTokens = []
            subScope(frame: f, callback: .endFunction)
            return
        }
        if let next = nextAccessorStep(t, frame: f) {
            frames[f].accessorStep = next
        } else {
            let replay = frames[f].accessorTokens
            frames[f].accessorTokens = []
            frames[f].state = .global
            for token in replay {
                if frames[f].state == .scope { dispatch(token) } else { handle(token, frame: f) }
            }
        }
    }

    private func nextAccessorStep(_ t: LexToken, frame f: Int) -> AccessorStep? {
        let kind = frames[f].accessorKind
        switch frames[f].accessorStep {
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

    // MARK: Rust

    private mutating func rustGlobal(_ t: LexToken, frame f: Int) {
        if t.kind == .fatArrow {
            if frames[f].inMatchArms {
                if frames[f].seenMatchArm { ctx.current.ccn += 1 }
                frames[f].seenMatchArm = true
            }
            return
        }
        if t.kind == .kwMatch {
            frames[f].matchSubjectNesting = 0
            frames[f].state = .matchSubject
            return
        }
        if countLetElse(t, frame: f) { return }
        goLikeGlobal(t, frame: f, functionKeyword: .kwFn, typeKeyword: .kwType)
    }

    /// Counts `let … else`; the `else` of an `if` is not a condition.
    private mutating func countLetElse(_ t: LexToken, frame f: Int) -> Bool {
        if t.kind != .kwElse { frames[f].elsePending = false }
        if t.kind == .lparen || t.kind == .lbracket {
            frames[f].parenDepth += 1
        } else if (t.kind == .rparen || t.kind == .rbracket) && frames[f].parenDepth > 0 {
            frames[f].parenDepth -= 1
        }
        if t.kind == .kwElse {
            if !frames[f].elsePending { ctx.current.ccn += 1 }
            frames[f].elsePending = false
            return true
        }
        if t.kind == .kwIf {
            frames[f].ifBodyDepths.append(frames[f].parenDepth)
            return false
        }
        if t.kind == .lbrace, let depth = frames[f].ifBodyDepths.last, depth == frames[f].parenDepth {
            frames[f].ifBodyDepths.removeLast()
            subScope(frame: f, callback: .ifBodyClosed)
            return true
        }
        return false
    }

    // MARK: Go (lizard's GoStates)

    private mutating func goGlobal(_ t: LexToken, frame f: Int) {
        switch t.kind {
        case .kwFunc:
            goStartFunction(frame: f, name: nil)
        case .kwType:
            if lastToken?.kind != .lparen { frames[f].state = .typeDefinition }
        case .kwVar:
            var scanner = GoSignatureScanner(stream: stream, after: currentIndex)
            let (name, count) = scanner.variableDeclaration()
            frames[f].variableName = name
            frames[f].signatureTokens = count
            if count > 0 { frames[f].state = .goVariableDeclaration }
        case .lbrace:
            subScope(frame: f, callback: .none)
        case .rbrace:
            frames[f].toExit = true
        default: break
        }
    }

    /// At a `func` token: a declaration opens a named unit; a literal opens `anonymous__N`
    /// (or the variable's name); a function type is skipped.
    private mutating func goStartFunction(frame f: Int, name: String?) {
        var kind = GoSignatureScanner.Kind.declaration
        var count = 0
        var parameters = 0
        if !GoSignatureScanner.startsDeclaration(stream, after: currentIndex) {
            var scanner = GoSignatureScanner(stream: stream, after: currentIndex)
            (kind, count, parameters) = scanner.functionSignature()
        }
        let afterTypeMarker = lastToken.map { $0.kind == .rbracket || $0.kind == .kwChan || $0.kind == .star } ?? false
        if kind == .type || (kind == .literal && afterTypeMarker) {
            frames[f].signatureTokens = count
            if count > 0 { frames[f].state = .goFunctionType }
        } else if kind == .literal {
            var unitName = name ?? ""
            if unitName.isEmpty {
                unitName = "anonymous__\(goAnonymousCount)"
                goAnonymousCount += 1
            }
            ctx.pushNewFunction(unitName)
            frames[f].signatureTokens = count
            frames[f].parameterTokens = parameters
            frames[f].state = .goLiteralSignature
        } else {
            ctx.pushNewFunction("")
            frames[f].state = .functionName
        }
    }

    private mutating func goSignatureStep(_ t: LexToken, frame f: Int) {
        switch frames[f].state {
        case .goFunctionType:
            frames[f].signatureTokens -= 1
            if frames[f].signatureTokens <= 0 { frames[f].state = .global }
        case .goLiteralSignature:
            if frames[f].parameterTokens > 0 {
                frames[f].parameterTokens -= 1
                if t.kind != .lparen && t.kind != .rparen { ctx.current.addParameter(stream.text(t)) }
            }
            frames[f].signatureTokens -= 1
            if frames[f].signatureTokens <= 0 { frames[f].state = .expectFunctionImpl }
        case .goVariableDeclaration:
            frames[f].signatureTokens -= 1
            if frames[f].signatureTokens <= 0 {
                frames[f].state = frames[f].variableName.isEmpty ? .global : .goVariableInitializer
            }
        case .goVariableInitializer:
            frames[f].state = .global
            if t.kind == .kwFunc {
                goStartFunction(frame: f, name: frames[f].variableName)
            } else {
                goGlobal(t, frame: f)
            }
        default: break
        }
    }
}
