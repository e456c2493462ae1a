/// Finds Java methods (spec §5.4): `Class::method` units; lambdas, anonymous-class
/// bodies and initializer blocks are read by their own scopes, as lizard's JavaStates,
/// JavaClassBodyStates and JavaFunctionBodyStates do, so names, starts and ends agree.
struct JavaUnitReader {
    private enum State {
        case global, function, templateInName, declaration, declarationToBody, throwSpec, throwsSpec, trailingReturn
        case nameWithSpace, oldCParameters, initializationList, oneInitialization, initializationValueParen
        case initializationValueBrace, attribute, decorator, postDecorator, annotationArguments, classDeclaration, recordParameters
        case recordCompactConstructor, recordConstructorBody, newType, newParameters, dummy, scope
    }

    private enum FrameKind { case top, classBody, functionBody(exitOnBraces: Bool) }
    private enum Callback { case none, endMethodBody, classDeclared, afterBlock, afterAnonymousClass }

    private struct Frame {
        var kind: FrameKind
        var state = State.global
        var savedState = State.global
        var callback = Callback.none
        var bracketCount = 0
        var bracketStack: [TokenKind] = []
        var lastToken: LexToken?
        var toExit = false
        var className: String?
        var isRecord = false
        var inRecordConstructor = false
        var inMethodBody = false
        var handlingDotClass = false
        var handlingMethodReference = false
        var afterUnqualifiedAnnotation = false
        var newGenericDepth = 0
        // class body
        var afterStatic = false
        var classBodyBrace = 0
        // function body
        var blockBrace = 0

        init(kind: FrameKind) { self.kind = kind }
    }

    private static let conditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwCase, .ampAmp, .pipePipe, .question])
    private static let statementKeywords = KindSet([
        .kwIf, .kwElse, .kwFor, .kwWhile, .kwDo, .kwSwitch, .kwCatch, .kwTry, .kwFinally, .kwSynchronized,
        .kwReturn, .kwThrow, .kwAssert, .kwBreak, .kwContinue, .kwInstanceof,
    ])
    private static let classModifiers: Set<String> = [
        "public", "private", "protected", "static", "final", "strictfp", "abstract", "synchronized", "native",
        "default", "transient", "volatile", "sealed", "non-sealed",
    ]
    private static let typeKeywords: Set<String> = ["void", "boolean", "byte", "char", "short", "int", "long", "float", "double", "var"]

    private let stream: TokenStream
    private let ctx: UnitContext
    private var frames = [Frame(kind: .top)]
    private var nesting: CLikeNestingTracker

    init(stream: TokenStream, context: UnitContext) {
        self.stream = stream
        self.ctx = context
        self.nesting = CLikeNestingTracker(stream: stream, context: context, java: true)
    }

    private func text(_ t: LexToken) -> String { stream.text(t) }
    private func isAlphaStart(_ t: LexToken) -> Bool { ByteClass.isAlpha(stream.bytes[Int(t.start)]) }

    mutating func run() {
        for (i, t) in TildeMerging.merge(stream.tokens, bytes: stream.bytes).enumerated() {
            if ctx.outOfTime(tokenIndex: i) { return }
            switch ctx.account(t, bytes: stream.bytes, commentPrefixLength: 2) {
            case .stop: return
            case .layout: continue
            case .code: break
            }
            if Self.conditions.contains(t.kind) { ctx.current.ccn += 1 }
            dispatch(t)
            nesting.step(t)
        }
    }

    // MARK: Frames

    private mutating func dispatch(_ t: LexToken) {
        let f = frames.count - 1
        handle(t, f)
        frames[f].lastToken = t
        if frames[f].toExit && f > 0 {
            frames.removeSubrange(f...)
            let parent = f - 1
            frames[parent].state = frames[parent].savedState
            let callback = frames[parent].callback
            frames[parent].callback = .none
            run(callback, parent)
            frames[parent].lastToken = t
        } else if frames[f].toExit {
            frames[f].toExit = false
        }
    }

    private mutating func run(_ callback: Callback, _ f: Int) {
        switch callback {
        case .none: break
        case .endMethodBody:
            frames[f].inMethodBody = false
            frames[f].state = .global
        case .classDeclared, .afterAnonymousClass:
            frames[f].state = .global
        case .afterBlock:
            frames[f].classBodyBrace -= 1
        }
    }

    private mutating func subScope(_ f: Int, _ kind: FrameKind, callback: Callback, first t: LexToken, className: String? = nil, isRecord: Bool = false) {
        frames[f].savedState = frames[f].state
        frames[f].callback = callback
        frames[f].state = .scope
        var child = Frame(kind: kind)
        if case .functionBody = kind { child.inMethodBody = true }
        child.className = className
        child.isRecord = isRecord
        frames.append(child)
        dispatch(t)
    }

    private mutating func bracket(_ t: LexToken, _ f: Int, _ open: TokenKind, _ close: TokenKind) {
        if t.kind == open { frames[f].bracketCount += 1 } else if t.kind == close { frames[f].bracketCount -= 1 }
    }

    // MARK: States

    private mutating func handle(_ t: LexToken, _ f: Int) {
        switch frames[f].state {
        case .scope: dispatch(t)
        case .global: global(t, f)
        case .dummy: break
        case .function:
            switch t.kind {
            case .lparen: frames[f].state = .declaration; handle(t, f)
            case .colonColon:
                ctx.current.addToFunctionName("::")
                frames[f].state = .nameWithSpace
            case .lt: frames[f].state = .templateInName; handle(t, f)
            default: frames[f].state = .global; handle(t, f)
            }
        case .nameWithSpace:
            frames[f].state = .function
            ctx.current.addToFunctionName(text(t))
        case .oldCParameters:
            if t.kind == .lbrace { declarationToBody(t, f) }
        case .initializationList:
            // inherited from lizard's C++ states: `name(...) : … {` reads an initializer list
            frames[f].state = .oneInitialization
            if t.kind == .lbrace { enterBody(t, f) }
        case .oneInitialization:
            if t.kind == .lparen || t.kind == .lbrace {
                frames[f].state = t.kind == .lparen ? .initializationValueParen : .initializationValueBrace
                handle(t, f)
            }
        case .initializationValueParen:
            bracket(t, f, .lparen, .rparen)
            if frames[f].bracketCount == 0 { frames[f].state = .initializationList }
        case .initializationValueBrace:
            bracket(t, f, .lbrace, .rbrace)
            if frames[f].bracketCount == 0 { frames[f].state = .initializationList }
        case .templateInName:
            bracket(t, f, .lt, .gt)
            ctx.current.addToFunctionName(text(t))
            if frames[f].bracketCount == 0 { frames[f].state = .function }
        case .declaration:
            bracket(t, f, .lparen, .rparen)
            declaration(t, f)
            if frames[f].bracketCount == 0 { frames[f].state = .declarationToBody }
        case .declarationToBody: declarationToBody(t, f)
        case .throwSpec:
            bracket(t, f, .lparen, .rparen)
            if frames[f].bracketCount == 0 { frames[f].state = .declarationToBody }
        case .throwsSpec, .trailingReturn:
            if t.kind == .semicolon || t.kind == .lbrace { frames[f].state = .declarationToBody; handle(t, f) }
        case .attribute:
            bracket(t, f, .lbracket, .rbracket)
            if frames[f].bracketCount == 0 { frames[f].state = .declarationToBody }
        case .decorator:
            frames[f].state = .postDecorator
        case .postDecorator:
            if t.kind == .dot {
                frames[f].state = .decorator
            } else if t.kind == .lparen {
                frames[f].state = .annotationArguments
                handle(t, f)
            } else {
                frames[f].afterUnqualifiedAnnotation = true
                frames[f].state = .global
            }
        case .annotationArguments:
            bracket(t, f, .lparen, .rparen)
            if frames[f].bracketCount == 0 { frames[f].state = .global }
        case .classDeclaration:
            if t.kind == .lbrace {
                subScope(f, .classBody, callback: .classDeclared, first: t, className: frames[f].className, isRecord: frames[f].isRecord)
            } else if t.kind == .lparen {
                frames[f].state = .recordParameters
            } else if isAlphaStart(t), frames[f].className == nil {
                frames[f].className = text(t)
            }
        case .recordParameters:
            if t.kind == .rparen { frames[f].state = .classDeclaration }
        case .recordCompactConstructor:
            if t.kind == .lbrace { frames[f].state = .recordConstructorBody; return }
            frames[f].state = .global
            handle(t, f)
        case .recordConstructorBody:
            if t.kind == .rbrace {
                frames[f].inRecordConstructor = false
                frames[f].state = .global
            }
        case .newType:
            frames[f].newGenericDepth = 0
            frames[f].state = .newParameters
        case .newParameters:
            let first = stream.bytes[Int(t.start)]
            if frames[f].newGenericDepth > 0 || first == 0x3C {
                var delta = 0
                for i in Int(t.start)..<Int(t.end) {
                    if stream.bytes[i] == 0x3C { delta += 1 } else if stream.bytes[i] == 0x3E { delta -= 1 }
                }
                frames[f].newGenericDepth += delta
                return
            }
            if t.kind == .lparen {
                subScope(f, .functionBody(exitOnBraces: false), callback: .none, first: t)
                return
            }
            if t.kind == .lbrace {
                subScope(f, .classBody, callback: .afterAnonymousClass, first: t, className: "(anonymous)")
                return
            }
            if t.kind == .dot || ByteClass.isAlpha(first) || first == 0x5F { return }
            frames[f].state = .global
            handle(t, f)
        }
    }

    private mutating func declaration(_ t: LexToken, _ f: Int) {
        if t.kind == .lparen || t.kind == .lt {
            frames[f].bracketStack.append(t.kind)
        } else if t.kind == .rparen || t.kind == .gt {
            if !frames[f].bracketStack.isEmpty { frames[f].bracketStack.removeLast() } else { frames[f].state = .global }
        } else if frames[f].bracketStack.count == 1 {
            if t.kind != .kwVoid { ctx.current.addParameter(text(t)) }
            return
        }
        ctx.current.addToLongName(text(t))
    }

    private mutating func declarationToBody(_ t: LexToken, _ f: Int) {
        switch t.kind {
        case .kwConst, .amp, .ampAmp: ctx.current.addToLongName(" " + text(t))
        case .kwThrow: frames[f].state = .throwSpec
        case .kwThrows: frames[f].state = .throwsSpec
        case .arrow: frames[f].state = .trailingReturn
        case .lparen:
            tryNewFunction(ctx.current.longName, f)
            handle(t, f)
        case .lbrace:
            enterBody(t, f)
        case .colon:
            frames[f].state = .initializationList
        case .lbracket:
            frames[f].state = .attribute
            handle(t, f)
        default:
            let b = stream.bytes[Int(t.start)]
            if !(ByteClass.isAlpha(b) || b == 0x5F) {
                frames[f].state = .global
                handle(t, f)
            } else {
                frames[f].state = .oldCParameters  // Java: waits for the `{` only
            }
        }
    }

    private mutating func enterBody(_ t: LexToken, _ f: Int) {
        ctx.confirmNewFunction()
        frames[f].inMethodBody = true
        subScope(f, .functionBody(exitOnBraces: true), callback: .endMethodBody, first: t)
    }

    private mutating func tryNewFunction(_ name: String, _ f: Int) {
        if frames[f].isRecord && name == frames[f].className {
            frames[f].inRecordConstructor = true
            frames[f].state = .recordCompactConstructor
            return
        }
        ctx.tryNewFunction(name)
        frames[f].state = .function
        if let className = frames[f].className { ctx.current.name = className + "::" + name }
    }

    /// Java's expression tokens that are not declarations: `Foo.class`, `Type::method`.
    private mutating func consumeExpressionToken(_ t: LexToken, _ f: Int) -> Bool {
        if t.kind == .colonColon { frames[f].handlingMethodReference = true; return true }
        if frames[f].handlingMethodReference { frames[f].handlingMethodReference = false; return true }
        if t.kind == .dot && !frames[f].handlingDotClass { frames[f].handlingDotClass = true; return true }
        if frames[f].handlingDotClass {
            frames[f].handlingDotClass = false
            if t.kind == .kwClass { return true }
        }
        return false
    }

    private func recordBeginsTypeDeclaration(_ f: Int, afterAnnotation: Bool) -> Bool {
        if afterAnnotation { return true }
        guard let last = frames[f].lastToken else { return true }
        let lastText = text(last)
        if Self.typeKeywords.contains(lastText) { return false }
        if last.kind == .rbracket || last.kind == .gt { return false }
        let first = stream.bytes[Int(last.start)]
        if first == 0x5F || first == 0x7B || first == 0x24 { return false }
        if ByteClass.isAlpha(first) {
            if first >= 0x61 && first <= 0x7A && Self.classModifiers.contains(lastText) { return true }
            if first >= 0x41 && first <= 0x5A { return false }
        }
        return [.lbrace, .rbrace, .semicolon, .rparen, .at].contains(last.kind)
    }

    private mutating func tryStartClass(_ t: LexToken, _ f: Int, afterAnnotation: Bool) -> Bool {
        if t.kind == .kwClass || t.kind == .kwEnum {
            frames[f].afterUnqualifiedAnnotation = false
            frames[f].className = nil
            frames[f].isRecord = false
            frames[f].inRecordConstructor = false
            frames[f].state = .classDeclaration
            return true
        }
        if t.kind == .kwRecord {
            if frames[f].inMethodBody { return false }
            if !recordBeginsTypeDeclaration(f, afterAnnotation: afterAnnotation) {
                frames[f].afterUnqualifiedAnnotation = false
                return false
            }
            frames[f].afterUnqualifiedAnnotation = false
            frames[f].className = nil
            frames[f].isRecord = true
            frames[f].inRecordConstructor = false
            frames[f].state = .classDeclaration
            return true
        }
        return false
    }

    /// JavaStates._state_global.
    private mutating func javaGlobal(_ t: LexToken, _ f: Int) {
        if consumeExpressionToken(t, f) { return }
        let afterAnnotation = frames[f].afterUnqualifiedAnnotation
        if t.kind != .kwRecord { frames[f].afterUnqualifiedAnnotation = false }
        if t.kind == .at { frames[f].state = .decorator; return }
        if tryStartClass(t, f, afterAnnotation: afterAnnotation) { return }
        if Self.statementKeywords.contains(t.kind) { return }
        if !frames[f].inRecordConstructor {
            let b = stream.bytes[Int(t.start)]
            if ByteClass.isAlpha(b) || b == 0x5F || b == 0x7E { tryNewFunction(text(t), f) }
        }
    }

    private mutating func global(_ t: LexToken, _ f: Int) {
        switch frames[f].kind {
        case .top:
            javaGlobal(t, f)
        case .classBody:
            if frames[f].afterStatic {
                frames[f].afterStatic = false
                if t.kind == .lbrace {
                    frames[f].classBodyBrace += 1
                    subScope(f, .functionBody(exitOnBraces: true), callback: .afterBlock, first: t)
                    return
                }
                tryNewFunction("static", f)
                javaGlobal(t, f)
                if t.kind == .rbrace && frames[f].classBodyBrace == 0 { frames[f].toExit = true }
                return
            }
            if t.kind == .kwStatic { frames[f].afterStatic = true; return }
            if t.kind == .lbrace, let last = frames[f].lastToken, [.lbrace, .rbrace, .semicolon].contains(last.kind) {
                frames[f].classBodyBrace += 1
                subScope(f, .functionBody(exitOnBraces: true), callback: .afterBlock, first: t)
                return
            }
            if t.kind == .kwNew { frames[f].state = .newType; return }
            javaGlobal(t, f)
            if t.kind == .lbrace { frames[f].classBodyBrace += 1 } else if t.kind == .rbrace { frames[f].classBodyBrace -= 1 }
            if t.kind == .rbrace && frames[f].classBodyBrace == 0 { frames[f].toExit = true }
        case .functionBody(let exitOnBraces):
            if t.kind == .lbrace || t.kind == .lparen { frames[f].bracketCount += 1 }
            else if t.kind == .rbrace || t.kind == .rparen { frames[f].bracketCount -= 1 }
            functionBodyGlobal(t, f, exitOnBraces: exitOnBraces)
            if frames[f].bracketCount == 0 { frames[f].state = .dummy }
        }
    }

    private mutating func functionBodyGlobal(_ t: LexToken, _ f: Int, exitOnBraces: Bool) {
        if consumeExpressionToken(t, f) { return }
        let afterAnnotation = frames[f].afterUnqualifiedAnnotation
        if t.kind != .kwRecord { frames[f].afterUnqualifiedAnnotation = false }
        if t.kind == .at { frames[f].state = .decorator; return }
        if tryStartClass(t, f, afterAnnotation: afterAnnotation) { return }
        if t.kind == .kwNew {
            frames[f].state = .newType
            return
        }
        if exitOnBraces {
            if t.kind == .lbrace || t.kind == .rbrace {
                frames[f].blockBrace += t.kind == .lbrace ? 1 : -1
                if frames[f].blockBrace == 0 { frames[f].toExit = true }
            }
        } else if frames[f].bracketCount == 0 {
            frames[f].toExit = true
        }
    }
}
