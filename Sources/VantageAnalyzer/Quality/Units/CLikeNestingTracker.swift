/// Tracks `{ }` nesting and the namespaces that `class`/`struct`/`namespace`/`union`
/// bodies open (lizard's CLikeNestingStackStates): a function ends at the `}` that
/// closes its body, and methods are named `Scope::method`.
struct CLikeNestingTracker {
    private enum State { case global, templateDeclaration, dot, readNamespace, readNamespaceName, readAttribute }

    private let stream: TokenStream
    private let ctx: UnitContext
    private var state = State.global
    private var bracketCount = 0
    private var namespaceTokens: [LexToken] = []

    init(stream: TokenStream, context: UnitContext, java: Bool = false) {
        self.stream = stream
        self.ctx = context
    }

    mutating func step(_ t: LexToken) {
        switch state {
        case .global:
            switch t.kind {
            case .kwTemplate: state = .templateDeclaration
            case .dot: state = .dot
            case .kwStruct, .kwClass, .kwNamespace, .kwUnion: state = .readNamespace
            case .lbrace: ctx.addBareNesting()
            case .rbrace: ctx.popNesting()
            default: break
            }
        case .dot:
            state = .global
        case .readNamespace:
            if t.kind == .lbracket {
                state = .readAttribute
            } else {
                state = .readNamespaceName
                namespaceTokens = []
            }
            step(t)
        case .readNamespaceName:
            if t.kind == .rparen || t.kind == .lparen || t.kind == .lbrace || t.kind == .semicolon {
                state = .global
                if t.kind == .lbrace {
                    var name = ""
                    for token in namespaceTokens {
                        if token.kind == .lt || token.kind == .colon || token.kind == .kwFinal || token.kind == .lbracket
                            || token.kind == .kwExtends || token.kind == .kwImplements { break }
                        name += stream.text(token)
                    }
                    ctx.addNamespace(name)
                }
            } else {
                namespaceTokens.append(t)
            }
        case .templateDeclaration:
            if t.kind == .lt { bracketCount += 1 } else if t.kind == .gt { bracketCount -= 1 }
            if bracketCount == 0 { state = .global }
        case .readAttribute:
            if t.kind == .lbracket { bracketCount += 1 } else if t.kind == .rbracket { bracketCount -= 1 }
            if bracketCount == 0 { state = .readNamespace }
        }
    }
}
