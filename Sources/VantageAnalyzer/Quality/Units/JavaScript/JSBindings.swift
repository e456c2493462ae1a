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

