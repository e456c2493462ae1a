/// What a brace-scoped language adds to `BraceScopeScanner`: the tokens that count as
/// conditions, its global state, and the states, frame fields and callbacks only it uses.
/// A value of the conforming type holds the reader-wide state of one file.
protocol BraceScopedLanguage {
    /// Fields of one frame that only this language reads.
    associatedtype FrameState: BraceFrameFields
    /// States only this language enters.
    associatedtype State
    /// Work that runs when a nested frame this language opened closes.
    associatedtype Callback
    init()
    /// Tokens that add one to the cyclomatic complexity of the current unit.
    static var conditions: KindSet { get }
    /// Rewrites tokens before reading (Swift's argument labels); by default nothing.
    static func prepare(_ stream: inout TokenStream)
    /// The global state: the token outside any declaration being read.
    static func global(_ t: LexToken, frame f: Int, _ scanner: inout BraceScopeScanner<Self>)
    static func handle(_ state: State, _ t: LexToken, frame f: Int, _ scanner: inout BraceScopeScanner<Self>)
    static func run(_ callback: Callback, frame f: Int, _ scanner: inout BraceScopeScanner<Self>)
}

/// A frame's language-only fields start empty.
protocol BraceFrameFields { init() }

extension BraceScopedLanguage {
    static func prepare(_ stream: inout TokenStream) {}

    /// Reads the units of `stream` into `context`.
    static func read(stream: TokenStream, context: UnitContext) {
        var scanner = BraceScopeScanner<Self>(stream: stream, context: context)
        scanner.run()
    }
}

/// The brace scanning Swift, Rust and Go share: every `{ … }` is read by a fresh scope (a
/// frame), as lizard's GoLikeStates clone themselves, so a function ends exactly at its
/// closing brace. The states a keyword-introduced function passes through (name, type
/// parameters, parameters, body) are here; each language adds its own (`Language`).
struct BraceScopeScanner<Language: BraceScopedLanguage> {
    enum State {
        case global, functionName, memberFunction, expectFunctionDec, skipTypeParameters, functionDec
        case expectFunctionImpl, functionImpl, typeDefinition, afterTypeName, structBody, scope
        case language(Language.State)
    }

    enum Callback { case none, endFunction, backToGlobal, language(Language.Callback) }

    struct Frame {
        var state = State.global
        var savedState = State.global
        var callback = Callback.none
        var bracketCount = 0
        var toExit = false
        var typeParameterOpen = TokenKind.lt
        var typeParameterClose = TokenKind.gt
        var own = Language.FrameState()
    }

    var stream: TokenStream
    let ctx: UnitContext
    var frames = [Frame()]
    /// The token before the current one, as every enclosing frame saw it.
    private(set) var lastToken: LexToken?
    private(set) var currentIndex = 0
    /// The reader-wide state of the language.
    var language = Language()
    /// lizard's root reader keeps `to_exit` once a `}` closed more than was opened (a brace
    /// swallowed by a `#` line such as `if #[cfg(x)] {`, a `//` comment ending in `\`).
    private var rootExited = false

    init(stream: TokenStream, context: UnitContext) {
        self.stream = stream
        self.ctx = context
    }

    mutating func run() {
        Language.prepare(&stream)
        let tokens = stream.tokens
        let conditions = Language.conditions
        for i in 0..<tokens.count {
            if ctx.outOfTime(tokenIndex: i) { return }
            let t = tokens[i]
            currentIndex = i
            switch ctx.account(t, bytes: stream.bytes, commentPrefixLength: 2) {
            case .stop: return
            case .layout: continue
            case .code: break
            }
            if conditions.contains(t.kind) && t.flags & TokenFlag.postfixOptional == 0 { ctx.current.ccn += 1 }
            dispatch(t)
            lastToken = t
        }
    }

    // MARK: Frame machinery

    mutating func dispatch(_ t: LexToken) {
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
        case .backToGlobal:
            frames[f].state = .global
        case .language(let callback):
            Language.run(callback, frame: f, &self)
        }
    }

    /// Opens a nested frame (`child` holds its first language fields); `callback` runs when it closes.
    mutating func subScope(frame f: Int, callback: Callback, child: Language.FrameState = .init()) {
        frames[f].savedState = frames[f].state
        frames[f].callback = callback
        frames[f].state = .scope
        var frame = Frame()
        frame.own = child
        frames.append(frame)
    }

    mutating func handle(_ t: LexToken, frame f: Int) {
        switch frames[f].state {
        case .scope:
            // Only reached while replaying rejected accessor tokens into a frame that opened a scope.
            dispatch(t)
        case .global: Language.global(t, frame: f, &self)
        case .language(let state): Language.handle(state, t, frame: f, &self)
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
        case .typeDefinition:
            frames[f].state = .afterTypeName
        case .afterTypeName:
            frames[f].state = (t.kind == .kwStruct || t.kind == .kwInterface) ? .structBody : .global
        case .structBody:
            bracket(t, frame: f, open: .lbrace, close: .rbrace)
            if frames[f].bracketCount == 0 { frames[f].state = .global }
        }
    }

    /// Whether the frame is reading a nested scope (its tokens go to the child frame).
    func isInScope(frame f: Int) -> Bool {
        if case .scope = frames[f].state { return true }
        return false
    }

    mutating func bracket(_ t: LexToken, frame f: Int, open: TokenKind, close: TokenKind) {
        if t.kind == open { frames[f].bracketCount += 1 } else if t.kind == close { frames[f].bracketCount -= 1 }
    }

    /// The global state Swift, Rust and Go share: a function keyword starts a unit, a type
    /// keyword a type definition, braces open and close scopes.
    mutating func keywordGlobal(_ t: LexToken, frame f: Int, functionKeyword: TokenKind, typeKeyword: TokenKind?) {
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

    mutating func functionName(_ t: LexToken, text: String?, frame f: Int) {
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
}
