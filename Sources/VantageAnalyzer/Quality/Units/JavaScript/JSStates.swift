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
