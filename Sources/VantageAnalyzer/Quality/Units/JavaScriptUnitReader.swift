/// Finds JavaScript/TypeScript function units (spec §5.4): declarations, methods,
/// object members, arrow and anonymous functions (`(anonymous)` or the name they are
/// assigned to), +1 per default value in parameter and destructuring bindings.
/// Every bracket opens a nested reader, as in lizard's TypeScriptStates, so units and
/// the complexity that belongs to each agree with lizard.
struct JavaScriptUnitReader {
    private let stream: TokenStream
    private let shared: JSShared

    init(stream: TokenStream, context: UnitContext) {
        self.stream = stream
        self.shared = JSShared(context: context)
    }

    private static let conditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwCase, .ampAmp, .pipePipe, .questionQuestion, .question])

    /// Every one-byte ASCII spelling, made once: most tokens are one punctuation byte.
    private static let oneByteTexts: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    @inline(__always) private func text(_ t: LexToken) -> String {
        if t.end - t.start == 1 {
            let b = stream.bytes[Int(t.start)]
            if b < 0x80 { return Self.oneByteTexts[Int(b)] }
        }
        return stream.text(t)
    }

    func run() {
        let ctx = shared.ctx
        let root = JSStates(shared)
        for (i, t) in stream.tokens.enumerated() {
            if ctx.outOfTime(tokenIndex: i) { return }
            switch t.kind {
            case .comment:
                ctx.accountComment(t, bytes: stream.bytes, commentPrefixLength: 2)
                if ctx.stopped { return }
                continue
            case .newline: ctx.accountNewline(); continue
            case .space: continue
            default: break
            }
            ctx.tokenOffset = Int(t.start)
            ctx.accountCode(t)
            if Self.conditions.contains(t.kind) && t.flags & TokenFlag.gluedSuffix == 0 { ctx.current.ccn += 1 }
            if t.flags & TokenFlag.templateChunk != 0 {
                _ = root.call(JSTok(text: "`" + stream.text(t) + "`"))
            } else {
                _ = root.call(JSTok(text: text(t), kind: t.kind, flags: t.flags))
            }
            if shared.depth > JSShared.maximumDepth {
                ctx.stop(because: "brackets nested deeper than \(JSShared.maximumDepth) levels at line \(ctx.currentLine); the rest was not read")
                return
            }
        }
        root.beforeReturn()
    }
}

/// A token as the JavaScript readers compare it: by spelling, with the spellings the
/// readers test most often also as a small code (cheaper than comparing strings).
struct JSTok {
    enum Code: UInt8 {
        case other, kwStatic, kwAsync, kwNew, question, colon, dot, optionalDot, kwFunction
        case kwIf, kwSwitch, kwFor, kwWhile, kwCatch, kwElse, kwDo, kwTry, kwFinal, arrow, assign
        case lparen, rparen, lbracket, rbracket, lbrace, rbrace, semicolon, comma, backtick
        case kwDeclare, kwType, kwInterface, kwAbstract, kwGet, kwSet, lt, star, templateOpen
    }

    private static let codes: [String: Code] = [
        "static": .kwStatic, "async": .kwAsync, "new": .kwNew, "?": .question, ":": .colon, ".": .dot,
        "?.": .optionalDot, "function": .kwFunction, "if": .kwIf, "switch": .kwSwitch, "for": .kwFor,
        "while": .kwWhile, "catch": .kwCatch, "else": .kwElse, "do": .kwDo, "try": .kwTry, "final": .kwFinal,
        "=>": .arrow, "=": .assign, "(": .lparen, ")": .rparen, "[": .lbracket, "]": .rbracket, "{": .lbrace,
        "}": .rbrace, ";": .semicolon, ",": .comma, "`": .backtick, "declare": .kwDeclare, "type": .kwType,
        "interface": .kwInterface, "abstract": .kwAbstract, "get": .kwGet, "set": .kwSet, "<": .lt, "*": .star,
        "${": .templateOpen,
    ]

    let text: String
    let code: Code

    init(text: String) {
        self.text = text
        code = Self.codes[text] ?? .other
    }

    init(text: String, kind: TokenKind, flags: UInt8) {
        self.text = text
        switch kind {
        case .kwStatic: code = .kwStatic
        case .kwAsync: code = .kwAsync
        case .kwNew: code = .kwNew
        case .question: code = .question
        case .colon: code = .colon
        case .dot: code = flags & TokenFlag.gluedSuffix != 0 ? .optionalDot : .dot
        case .kwFunction: code = .kwFunction
        case .kwIf: code = .kwIf
        case .kwSwitch: code = .kwSwitch
        case .kwFor: code = .kwFor
        case .kwWhile: code = .kwWhile
        case .kwCatch: code = .kwCatch
        case .kwElse: code = .kwElse
        case .kwDo: code = .kwDo
        case .kwTry: code = .kwTry
        case .kwFinal: code = .kwFinal
        case .fatArrow: code = .arrow
        case .assign: code = .assign
        case .lparen: code = .lparen
        case .rparen: code = .rparen
        case .lbracket: code = .lbracket
        case .rbracket: code = .rbracket
        case .lbrace: code = .lbrace
        case .rbrace: code = .rbrace
        case .semicolon: code = .semicolon
        case .comma: code = .comma
        case .backtick: code = .backtick
        case .kwType: code = .kwType
        case .kwInterface: code = .kwInterface
        case .kwAbstract: code = .kwAbstract
        case .kwGet: code = .kwGet
        case .kwSet: code = .kwSet
        case .lt: code = .lt
        case .star: code = .star
        case .identifier where text.utf8.count == 7 && text == "declare": code = .kwDeclare
        case .symbol where flags & TokenFlag.templateOpen != 0: code = .templateOpen
        default: code = .other
        }
    }
}

final class JSShared {
    /// Each bracket level is a nested reader; past this depth reading stops (and says so).
    static let maximumDepth = 400
    let ctx: UnitContext
    /// Readers currently nested.
    @exclusivity(unchecked) var depth = 0
    init(context: UnitContext) { ctx = context }
}

/// lizard's CodeStateMachine: a state is a function of the token; a state that is a
/// nested reader returns true when that reader is done, which restores the saved
/// state and runs the callback.
class JSMachine {
    typealias State = (JSTok) -> Bool
    let shared: JSShared
    var ctx: UnitContext { shared.ctx }
    @exclusivity(unchecked) var state: State = { _ in false } {
        didSet { stateMethod = 0 }
    }
    @exclusivity(unchecked) var savedState: State = { _ in false } {
        didSet { savedStateMethod = 0 }
    }
    /// Nonzero while the state is one of the reader's own methods (numbered by the reader; set
    /// only together with `state`): `call` then runs `step` directly, as a closure call retains
    /// and releases its context on every token.
    @exclusivity(unchecked) var stateMethod: UInt8 = 0
    @exclusivity(unchecked) var savedStateMethod: UInt8 = 0

    /// Runs the state method numbered `method` (readers that number their states override it).
    func step(_ method: UInt8, _ t: JSTok) -> Bool { state(t) }
    @exclusivity(unchecked) var callback: (() -> Void)?
    @exclusivity(unchecked) var toExit = false
    var bracketCount = 0

    init(_ shared: JSShared) {
        self.shared = shared
    }

    /// The nested reader the state currently delegates to (lizard: a state that is a machine).
    /// `child` owns it; `childRef` is the same reader, read without retaining it on every token
    /// (it stays alive while `child` holds it, and only this reader's own `call` clears that
    /// after the child's call returned).
    var child: JSMachine? {
        didSet { childRef = child.map { Unmanaged.passUnretained($0) } }
    }
    @exclusivity(unchecked) private var childRef: Unmanaged<JSMachine>?

    /// lizard's JavaScriptBindings reading every token this reader and its nested readers see
    /// (`bindingRef`: the same, read without a retain on every token).
    var bindingCandidate: JSBindings? {
        didSet { bindingRef = bindingCandidate.map { Unmanaged.passUnretained($0) } }
    }
    @exclusivity(unchecked) private var bindingRef: Unmanaged<JSBindings>?

    final func call(_ t: JSTok) -> Bool {
        if let candidate = bindingRef { _ = candidate._withUnsafeGuaranteedRef { $0.read(t) } }
        let done: Bool
        if let c = childRef {
            done = c._withUnsafeGuaranteedRef { $0.call(t) }
            if done { shared.depth -= 1 }
        } else {
            done = stateMethod != 0 ? step(stateMethod, t) : state(t)
        }
        if done {
            child = nil
            state = savedState
            stateMethod = savedStateMethod
            if let cb = callback {
                callback = nil
                cb()
            }
        }
        return toExit
    }

    func next(_ s: @escaping State, _ t: JSTok? = nil) {
        state = s
        if child != nil { child = nil }
        if let t { _ = call(t) }
    }

    func subState(_ machine: JSMachine, callback: (() -> Void)? = nil, token: JSTok? = nil) {
        savedState = state
        savedStateMethod = stateMethod
        self.callback = callback
        shared.depth += 1
        child = machine
        if let token { _ = call(token) }
    }

    func statemachineReturn() {
        toExit = true
        beforeReturn()
    }

    func beforeReturn() {}

    /// `read_inside_brackets_then(open close)` without an end state: calls `done` at depth 0.
    func insideBrackets(_ open: String, _ close: String, _ t: JSTok, done: () -> Void) {
        if t.text == open { bracketCount += 1 } else if t.text == close { bracketCount -= 1 }
        if bracketCount == 0 { done() }
    }
}

/// Type annotations (`: T`, `: {…}`, `: (a) => b`, `: Map<K, V>`) read and dropped.
final class JSTypeAnnotationStates: JSMachine {
    var savedToken: JSTok?

    override init(_ shared: JSShared) {
        super.init(shared)
        state = { [unowned(unsafe) self] t in self.global(t) }
        savedState = state
    }

    private func global(_ t: JSTok) -> Bool {
        if t.text == "{" {
            next({ [unowned(unsafe) self] in self.bracketed("{", "}", $0) }, t)
        } else {
            next({ [unowned(unsafe) self] in self.simpleType($0) }, t)
        }
        return false
    }

    private func simpleType(_ t: JSTok) -> Bool {
        let x = t.text
        let c = t.code
        if x == "<" {
            next({ [unowned(unsafe) self] in self.bracketed("<", ">", $0) }, t)
        } else if c == .lbrace || x == "=" || x == ";" || x == ")" || x.isEmpty {
            savedToken = t
            statemachineReturn()
        } else if c == .lparen {
            next({ [unowned(unsafe) self] in self.bracketed("(", ")", $0) }, t)
        } else if c == .arrow {
            savedToken = t
            statemachineReturn()
        }
        return false
    }

    private func bracketed(_ open: String, _ close: String, _ t: JSTok) -> Bool {
        insideBrackets(open, close, t) { statemachineReturn() }
        return false
    }
}

/// lizard's JavaScriptBindings: defaults in binding patterns, not in initializers.
final class JSBindings {
    struct Event {
        var ended: Bool
        var inExpression: Bool
        var initializerStarted: Bool
        var initializerEnded: Bool
        var rootSeparator: Bool
    }

    typealias Code = JSTok.Code
    // Every reader reads these once per token: no dynamic exclusivity check (a reader is used by
    // one thread, and no access to them overlaps another).
    @exclusivity(unchecked) private var frames: [(closing: Code, initializing: Bool)]
    @exclusivity(unchecked) private var expressionBrackets: [Code] = []
    /// The previous token's code; nil before the first token.
    @exclusivity(unchecked) private(set) var previous: Code?
    @exclusivity(unchecked) private(set) var defaults = 0
    /// No open expression bracket and the innermost pattern not in an initializer (kept after
    /// every token that may change it), so `read` need not look into the arrays.
    @exclusivity(unchecked) private var plain = true

    init(_ closing: Code) {
        frames = [(closing, false)]
    }

    private static func closing(of code: Code) -> Code? {
        switch code {
        case .lparen: .rparen
        case .lbracket: .rbracket
        case .lbrace, .templateOpen: .rbrace
        default: nil
        }
    }

    var inExpression: Bool { (frames.last?.initializing ?? false) || !expressionBrackets.isEmpty }
    var atStart: Bool { previous == nil }

    func read(_ t: JSTok) -> Event {
        let code = t.code
        // Most tokens: a plain word or operator outside any initializer changes nothing but `previous`.
        if code == .other && plain {
            previous = t.text.isEmpty ? nil : .other
            return Event(ended: false, inExpression: false, initializerStarted: false, initializerEnded: false, rootSeparator: false)
        }
        defer { plain = expressionBrackets.isEmpty && frames.last.map { !$0.initializing } ?? false }
        guard let frame = frames.last else { return Event(ended: true, inExpression: false, initializerStarted: false, initializerEnded: false, rootSeparator: false) }
        let token = t.code
        let initializing = inExpression
        let initializerEnded = initializing && expressionBrackets.isEmpty && (token == .comma || token == frame.closing)
        let rootSeparator = token == .comma && frames.count == 1 && expressionBrackets.isEmpty
        let before = defaults
        if !expressionBrackets.isEmpty {
            if let close = Self.closing(of: token) {
                expressionBrackets.append(close)
            } else if token == expressionBrackets.last {
                expressionBrackets.removeLast()
            }
        } else if token == frame.closing {
            frames.removeLast()
        } else if token == .comma {
            frames[frames.count - 1].initializing = false
        } else if frame.initializing || token == .lparen
                    || (token == .lbracket && frame.closing == .rbrace && (previous == nil || previous == .lbrace || previous == .comma)) {
            if let close = Self.closing(of: token) { expressionBrackets.append(close) }
        } else if token == .lbracket || token == .lbrace {
            frames.append((token == .lbracket ? .rbracket : .rbrace, false))
        } else if token == .assign {
            defaults += 1
            frames[frames.count - 1].initializing = true
        }
        let ended = frames.isEmpty
        if !ended { previous = token == .other && t.text.isEmpty ? nil : token }
        return Event(ended: ended, inExpression: initializing, initializerStarted: defaults != before,
                     initializerEnded: initializerEnded, rootSeparator: rootSeparator)
    }
}

/// lizard's TypeScriptStates with its bindings, functions, objects and declarations mixins.
final class JSStates: JSMachine {
    struct Summary {
        var defaults: Int
        var expressionComplexity: Int
        var confirmedDefaults: Int
    }

    private static let typeKeywords: Set<String> = ["string", "number", "boolean", "void", "any", "object", "unknown", "never"]
    private static let namingPrevious = ["=", "async", ">"]
    private static let indexingPrevious = [".", ")", "]", "}"]
    private static let bindingKeywords = ["const", "let", "var", "return", "throw", "yield", "await"]
    private static let parameterOperators = ["*", "+", "-", "/", "%", "=", "."]

    @exclusivity(unchecked) var lastTokens = ""
    @exclusivity(unchecked) var functionName = ""
    @exclusivity(unchecked) var startedFunction = false
    @exclusivity(unchecked) var asObject = false
    var getterSetterPrefix: String?
    @exclusivity(unchecked) var tsDeclare = false
    @exclusivity(unchecked) var staticSeen = false
    @exclusivity(unchecked) var asyncSeen = false
    @exclusivity(unchecked) var prevToken = ""
    @exclusivity(unchecked) var inPropValue = false
    var inAbstractContext = false
    var conditionKind = ""
    @exclusivity(unchecked) var ternaryDepth = 0
    // bindings
    var pendingBindings: Summary?
    var initializerReader: JSStates?
    var confirmedBindingDefaults = 0
    // functions
    lazy var parameterBindings = JSBindings(.rparen)
    var genericDepthInDeclaration = 0

    override init(_ shared: JSShared) {
        super.init(shared)
        become(.global)
        savedState = state
        savedStateMethod = stateMethod
    }

    /// The states that are methods of this reader, run by `step` without a closure.
    private enum Method: UInt8 {
        case global = 1, field, function, declaration, expectingStatementOrBlock, expectingConditionAndStatementBlock
        case arrowFunction, expectingFunctionOpeningBracket, templateLiteral
    }

    override func step(_ method: UInt8, _ t: JSTok) -> Bool {
        switch Method(rawValue: method) {
        case .global: global(t)
        case .field: field(t)
        case .function: function(t)
        case .declaration: declaration(t)
        case .expectingStatementOrBlock: expectingStatementOrBlock(t)
        case .expectingConditionAndStatementBlock: expectingConditionAndStatementBlock(t)
        case .arrowFunction: arrowFunction(t)
        case .expectingFunctionOpeningBracket: expectingFunctionOpeningBracket(t)
        case .templateLiteral: templateLiteral(t)
        case nil: state(t)
        }
    }

    /// lizard's `self._state = method`.
    private func become(_ method: Method) {
        state = Self.methodMarker
        stateMethod = method.rawValue
    }

    /// lizard's `self.next(method, token)`.
    private func nextMethod(_ method: Method, _ t: JSTok? = nil) {
        become(method)
        if child != nil { child = nil }
        if let t { _ = call(t) }
    }

    /// lizard's `next(_state_global, token)`, marking the state global so `call` runs `global` directly.
    private func nextGlobal(_ t: JSTok? = nil) { nextMethod(.global, t) }

    override func beforeReturn() {
        if startedFunction { popFunctionFromStack() }
    }

    /// Stands in for `state` while `stateMethod` names the state: never called.
    private static func methodMarker(_: JSTok) -> Bool { false }

    /// For an ASCII token, whether it names a parameter once its `?`s are dropped: letters, digits
    /// and `_`, at least one of them not `_`, starting with a letter. Nil for other tokens.
    private static func asciiParameterName(_ x: String) -> Bool? {
        var first: UInt8 = 0
        var sawNonUnderscore = false
        var allNameBytes = true
        for b in x.utf8 {
            if b >= 0x80 { return nil }
            if b == 0x3F { continue }
            if first == 0 { first = b }
            if b == 0x5F { continue }
            sawNonUnderscore = true
            let isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
            if !isLetter && !(b >= 0x30 && b <= 0x39) { allNameBytes = false }
        }
        let startsWithLetter = (first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A)
        return sawNonUnderscore && allNameBytes && startsWithLetter
    }

    /// Python's `str.isalpha` for one character, ASCII without a Unicode property lookup.
    private static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        return c.properties.isAlphabetic
    }

    /// Alphabetic or numeric (`str.isalnum` for one character).
    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isAlphabetic(c) || (c.value >= 0x30 && c.value <= 0x39) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    private static func startsName(_ s: String) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        if c.isASCII {  // the common case, without a Unicode property lookup
            let v = c.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F || v == 0x24 || v == 0x23
        }
        return c.properties.isAlphabetic
    }

    // MARK: _state_global

    private func global(_ t: JSTok) -> Bool {
        let x = t.text
        let c = t.code
        resolvePendingBindings(t)
        if handleTypeDeclaration(t) { return false }
        if c == .kwStatic { staticSeen = true; prevToken = x; return false }
        if c == .kwAsync { asyncSeen = true; prevToken = x; return false }
        if c == .kwNew { prevToken = x; return false }
        if c == .question {
            ternaryDepth += 1
        } else if c == .colon && ternaryDepth > 0 {
            ternaryDepth -= 1
            lastTokens = x
            prevToken = x
            return false
        }
        if handleObjectMember(t) { return false }
        if c == .dot || c == .optionalDot {
            become(.field)
            lastTokens += x
            prevToken = "."
            return false
        }
        if c == .kwFunction {
            if startedFunction && !asObject { popFunctionFromStack() }
            become(.function)
        } else if c == .kwIf || c == .kwSwitch || c == .kwFor || c == .kwWhile || c == .kwCatch {
            conditionKind = x
            nextMethod(.expectingConditionAndStatementBlock)
        } else if c == .kwElse || c == .kwDo || c == .kwTry || c == .kwFinal {
            nextMethod(.expectingStatementOrBlock)
        } else if c == .arrow {
            become(.arrowFunction)
        } else if c == .assign {
            if Self.startsName(lastTokens) { functionName = lastTokens }
        } else if c == .lparen {
            if prevToken == "." || prevToken == "new" {
                subState(JSStates(shared))
            } else if let candidate = bindingCandidate, candidate.inExpression {
                _ = readBindingCandidate(")")
            } else if !functionName.isEmpty {
                if lastTokens != functionName && !Self.namingPrevious.contains(prevToken) {
                    functionName = ""
                    subState(JSStates(shared))
                } else {
                    if !startedFunction { _ = function(JSTok(text: functionName)) }
                    nextMethod(.function, t)
                }
            } else {
                _ = readBindingCandidate(")")
            }
        } else if c == .lbracket && !Self.indexingPrevious.contains(prevToken) {
            let previous = prevToken
            var operand = false
            if let c = previous.unicodeScalars.first {
                operand = Self.isAlphanumeric(c) || "_$#'\"`".unicodeScalars.contains(c)
            }
            if !operand || Self.bindingKeywords.contains(previous) {
                _ = readBindingCandidate("]")
            }
        } else if c == .lbrace {
            if startedFunction {
                subState(JSStates(shared), callback: { [unowned(unsafe) self] in self.popFunctionFromStack() })
            } else {
                readObject()
            }
        } else if c == .rbrace || c == .rparen || (c == .rbracket && bindingCandidate != nil) {
            statemachineReturn()
        } else if ctx.newline || c == .semicolon {
            functionName = ""
            popFunctionFromStack()
            staticSeen = false
            asyncSeen = false
            inAbstractContext = false
            inPropValue = false
            prevToken = ""
        }
        if c == .backtick { nextMethod(.templateLiteral) }
        if !asObject && c == .colon {
            consumeTypeAnnotation()
            prevToken = x
            return false
        }
        if asObject && c == .comma { inPropValue = false }
        lastTokens = x
        if prevToken != "new" && prevToken != "." { prevToken = x }
        return false
    }

    private func expectingConditionAndStatementBlock(_ t: JSTok) -> Bool {
        let after = { [unowned(unsafe) self] in self.nextMethod(.expectingStatementOrBlock) }
        if t.text == "await" { return false }
        if t.code != .lparen {
            nextGlobal(t)
            return false
        }
        if conditionKind == "catch" {
            _ = readBindingCandidate(")", callback: { [unowned(unsafe) self] summary in
                self.ctx.current.ccn += summary.defaults
                after()
            }, trackComplexity: false)
            return false
        }
        subState(JSStates(shared), callback: after)
        return false
    }

    private func expectingStatementOrBlock(_ t: JSTok) -> Bool {
        if t.code == .lbrace {
            subState(JSStates(shared), callback: { [unowned(unsafe) self] in
                self.prevToken = ""
                self.nextGlobal()
            })
        } else {
            nextGlobal(t)
        }
        return false
    }

    private func field(_ t: JSTok) -> Bool {
        if t.code == .lparen || t.code == .lbracket {
            functionName = ""
            prevToken = "."
            nextGlobal(t)
            return false
        }
        lastTokens += t.text
        become(.global)
        return false
    }

    private func templateLiteral(_ t: JSTok) -> Bool {
        if t.text == "`" { nextGlobal() }
        return false
    }

    // MARK: Functions

    private func pushFunctionToStack() {
        if inAbstractContext { return }
        startedFunction = true
        ctx.pushNewFunction(functionName.isEmpty ? "(anonymous)" : functionName)
    }

    func popFunctionFromStack() {
        if startedFunction { ctx.endOfFunction() }
        startedFunction = false
        inPropValue = false
    }

    private func abandonFunction() {
        ctx.forgive = true
        ctx.endOfFunction()
        startedFunction = false
    }

    private func arrowFunction(_ t: JSTok) -> Bool {
        pushArrowFunction()
        functionName = ""
        asyncSeen = false
        staticSeen = false
        nextGlobal(t)
        return false
    }

    private func function(_ t: JSTok) -> Bool {
        let x = t.text
        if x == "*" { return false }
        if x == "<" { consumeGenericTypeParams(); return false }
        if x.hasPrefix("<") && x.hasSuffix(">") && x.count > 1 { return false }
        if x != "(" {
            functionName = Self.startsName(x) ? x : ""
            staticSeen = false
            asyncSeen = false
        } else {
            if !startedFunction { pushFunctionToStack() }
            genericDepthInDeclaration = 0
            parameterBindings = JSBindings(.rparen)
            become(.declaration)
            ctx.current.addToLongName(" " + x)
        }
        return false
    }

    private func declaration(_ t: JSTok) -> Bool {
        let x = t.text
        if x == "(" && parameterBindings.atStart {
            abandonFunction()
            nextGlobal()
            _ = readBindingCandidate(")")
            return false
        }
        if x == "function" && parameterBindings.defaults == 0 {
            abandonFunction()
            nextGlobal(t)
            return false
        }
        let event = readParameterBinding(t)
        if event.ended {
            become(.expectingFunctionOpeningBracket)
        } else if (!event.inExpression || event.rootSeparator) && x != "(" {
            if x == "," {
                if event.rootSeparator && genericDepthInDeclaration == 0 { ctx.current.addParameter(",") }
            } else if x == "<" {
                genericDepthInDeclaration += 1
            } else if x == ">" {
                if genericDepthInDeclaration > 0 { genericDepthInDeclaration -= 1 }
            } else if Self.typeKeywords.contains(x) || Self.parameterOperators.contains(x) {
            } else if genericDepthInDeclaration == 0 {
                if let isName = Self.asciiParameterName(x) {  // the usual case, without making strings
                    if isName { ctx.current.addParameter(x.utf8.contains(0x3F) ? x.replacingQuestionMarks() : x) }
                } else {
                    let bare = x.replacingQuestionMarks()
                    let compact = bare.filter { $0 != "_" }
                    if !compact.isEmpty, compact.unicodeScalars.allSatisfy(Self.isAlphanumeric),
                       let first = bare.unicodeScalars.first, Self.isAlphabetic(first) {
                        ctx.current.addParameter(bare)
                    }
                }
            }
            return false
        }
        ctx.current.addToLongName(" " + x)
        return false
    }

    private func expectingFunctionOpeningBracket(_ t: JSTok) -> Bool {
        let x = t.text
        if x == ":" {
            nextGlobal()
            consumeTypeAnnotation()
            return false
        } else if x == ";" && asObject && inAbstractContext {
            if startedFunction { popFunctionFromStack() }
            inAbstractContext = false
            nextGlobal()
        } else if x != "{" && x != "=>" {
            if startedFunction { abandonFunction() }
        }
        nextGlobal(t)
        return false
    }

    // MARK: Bindings

    private func resolvePendingBindings(_ t: JSTok) {
        guard let pending = pendingBindings else { return }
        let x = t.text
        pendingBindings = nil
        if x == "=" || x == "of" || x == "in" {
            if bindingCandidate != nil { confirmedBindingDefaults += pending.defaults } else { ctx.current.ccn += pending.defaults }
        } else if x == "=>" {
            pendingBindings = pending
        } else {
            ctx.current.ccn += pending.confirmedDefaults
        }
    }

    private func readBindingCandidate(_ closing: String, callback: ((Summary) -> Void)? = nil, asObject: Bool = false,
                                      trackComplexity: Bool = true) -> JSStates {
        let candidate = JSStates(shared)
        candidate.asObject = asObject
        let bindings = JSBindings(closing == ")" ? .rparen : closing == "]" ? .rbracket : .rbrace)
        candidate.bindingCandidate = bindings
        let function = ctx.current
        let complexity = function.ccn
        subState(candidate, callback: { [unowned(unsafe) self] in
            let summary = Summary(defaults: bindings.defaults,
                                  expressionComplexity: trackComplexity ? function.ccn - complexity : 0,
                                  confirmedDefaults: trackComplexity ? candidate.confirmedBindingDefaults : 0)
            if let callback { callback(summary) } else { self.pendingBindings = summary }
        })
        return candidate
    }

    private func pushArrowFunction() {
        let pending = pendingBindings
        pendingBindings = nil
        if startedFunction { return }
        if let pending { ctx.current.ccn -= pending.expressionComplexity }
        pushFunctionToStack()
        if let pending { ctx.current.ccn += pending.defaults + pending.expressionComplexity }
    }

    private func readParameterBinding(_ t: JSTok) -> JSBindings.Event {
        let event = parameterBindings.read(t)
        if event.initializerStarted {
            ctx.current.ccn += 1
            initializerReader = JSStates(shared)
        } else if event.inExpression {
            if event.initializerEnded {
                initializerReader?.beforeReturn()
                initializerReader = nil
            } else if let reader = initializerReader {
                _ = reader.call(t)
            }
        }
        return event
    }

    // MARK: Objects

    private func handleObjectMember(_ t: JSTok) -> Bool {
        guard asObject else { return false }
        let x = t.text
        let c = t.code  // each code stands for exactly one spelling: compared instead of the text
        if c == .kwGet || c == .kwSet { getterSetterPrefix = x; return true }
        if let prefix = getterSetterPrefix {
            lastTokens = "\(prefix) \(x)"
            getterSetterPrefix = nil
            return true
        }
        if c == .lbracket { collectComputedName(); return true }
        if c == .colon {
            if Self.startsName(lastTokens) { functionName = lastTokens }
            inPropValue = true
            return true
        } else if c == .lt || (x.utf8.first == 0x3C && x.hasSuffix(">") && x.count > 1) {
            if c == .lt { consumeGenericTypeParams() }
            return true
        } else if c == .lparen {
            if prevToken == "." || prevToken == "new" {
                subState(JSStates(shared))
                prevToken = x
                return true
            }
            if inPropValue && (functionName.isEmpty || lastTokens != functionName) {
                subState(JSStates(shared))
                prevToken = x
                return true
            }
            if !startedFunction {
                if lastTokens == "=" && !functionName.isEmpty {
                    _ = function(JSTok(text: functionName))
                } else {
                    _ = function(JSTok(text: lastTokens))
                }
            }
            nextMethod(.function, t)
            return true
        } else if (asyncSeen || staticSeen) && x != "*" && x != "function" && x != "=>" {
            if x == "=" {
                staticSeen = false
                asyncSeen = false
            } else {
                lastTokens = x
                return true
            }
        }
        return false
    }

    private func readObject() {
        let reader = readBindingCandidate("}", callback: { [unowned(unsafe) self] summary in
            self.pendingBindings = summary
            self.nextGlobal()
        }, asObject: true, trackComplexity: false)
        reader.staticSeen = staticSeen
        reader.asyncSeen = asyncSeen
        staticSeen = false
        asyncSeen = false
    }

    private func collectComputedName() {
        var parts: [String] = []
        next({ [unowned(unsafe) self] t in
            if t.text == "]" {
                var name = parts.joined().filter { $0 != "'" && $0 != "\"" && $0 != "+" && $0 != " " }
                if let first = name.first { name = first.lowercased() + name.dropFirst() }
                self.lastTokens = name
                self.nextGlobal()
                return true
            }
            parts.append(t.text)
            return false
        })
    }

    // MARK: Declarations (TypeScript)

    private func handleTypeDeclaration(_ t: JSTok) -> Bool {
        let c = t.code
        switch c {
        case .kwDeclare, .kwFunction, .kwType, .kwInterface, .kwAbstract: break
        default:
            tsDeclare = false
            return false
        }
        let x = t.text
        if x == "declare" { tsDeclare = true; return true }
        if x == "function" && tsDeclare {
            tsDeclare = false
            next({ [unowned(unsafe) self] t in
                if t.text == ";" || self.ctx.newline {
                    self.nextGlobal()
                    return true
                }
                return false
            })
            return true
        }
        tsDeclare = false
        if x == "type" && !asObject {
            var phase = 0
            var braces = 0
            var generics = 0
            next({ [unowned(unsafe) self] t in
                let y = t.text
                switch phase {
                case 0:
                    if let c = y.unicodeScalars.first, c.properties.isAlphabetic {
                        phase = 1
                    } else {
                        self.lastTokens = "type"
                        self.nextGlobal()
                        _ = self.global(t)
                        return true
                    }
                case 1:
                    if y == "<" { generics = 1; phase = 3 } else if y == "=" { phase = 2 } else if y == ";" {
                        self.nextGlobal()
                        return true
                    }
                case 2:
                    if y == "{" {
                        braces = 1
                        phase = 4
                    } else if y == ";" || self.ctx.newline {
                        self.nextGlobal()
                        if y != ";" { _ = self.global(t) }
                        return true
                    }
                case 3:
                    if y == "<" { generics += 1 } else if y == ">" {
                        generics -= 1
                        if generics == 0 { phase = 1 }
                    }
                default:
                    if y == "{" { braces += 1 } else if y == "}" {
                        braces -= 1
                        if braces == 0 {
                            self.nextGlobal()
                            return true
                        }
                    }
                }
                return false
            })
            return true
        }
        if x == "interface" {
            var braces = 0
            var started = false
            next({ [unowned(unsafe) self] t in
                if t.text == "{" {
                    started = true
                    braces += 1
                } else if t.text == "}" && started {
                    braces -= 1
                    if braces == 0 {
                        self.nextGlobal()
                        return true
                    }
                }
                return false
            })
            return true
        }
        if x == "abstract" && asObject {
            inAbstractContext = true
            return true
        }
        return false
    }

    private func consumeGenericTypeParams() {
        var depth = 1
        next({ [unowned(unsafe) self] t in
            if t.text == "<" {
                depth += 1
            } else if t.text == ">" {
                depth -= 1
                if depth == 0 { self.nextGlobal() }
            }
            return false
        })
    }

    private func consumeTypeAnnotation() {
        let typeStates = JSTypeAnnotationStates(shared)
        subState(typeStates, callback: { [unowned(unsafe) self] in
            if let saved = typeStates.savedToken { _ = self.call(saved) }
        })
    }
}

private extension String {
    func replacingQuestionMarks() -> String { filter { $0 != "?" } }
}
