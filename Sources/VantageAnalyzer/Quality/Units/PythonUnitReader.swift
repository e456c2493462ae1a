/// Finds Python function units and counts their complexity (spec §5.2).
///
/// Units start at `def NAME` and end when indentation returns to or left of the
/// `def` line; nesting is tracked from the leading whitespace of each logical line,
/// as lizard's PythonReader does. The soft keyword `case` counts only at the start
/// of a line when what follows is a pattern, not an assignment or call.
struct PythonUnitReader {
    private enum State { case global, function, typeParameters, declaration, defaultValue, colon, firstLine, typeAnnotation }

    private static let conditions = KindSet([.kwIf, .kwElif, .kwFor, .kwWhile, .kwExcept, .kwFinally, .kwAnd, .kwOr])
    private static let variableFollowers = KindSet([.assign, .dot, .colon, .comma, .augmentedAssign, .walrus])
    private static let expressionPrefixes = KindSet([
        .assign, .augmentedAssign, .lparen, .kwReturn, .comma, .lbracket, .plus, .minus, .star, .slash, .slashSlash, .percent,
    ])

    private let stream: TokenStream
    private let ctx: UnitContext
    private var state = State.global
    private var bracketCount = 0
    private var lambdaHeads = 0
    private var indents = [0]
    private var leadingSpaces = 0
    private var readingLeadingSpace = true
    private var atLineStart = true
    private var keywordCase = false
    private var lookaheadEnd = 0
    private var lastMeaningfulIsExpressionPrefix = false

    init(stream: TokenStream, context: UnitContext) {
        self.stream = stream
        self.ctx = context
    }

    mutating func run() {
        let tokens = stream.tokens
        var i = 0
        let n = tokens.count
        while i < n {
            if ctx.outOfTime(tokenIndex: i) { return }
            let t = tokens[i]
            if i >= lookaheadEnd { trackSoftKeyword(at: i, t) }
            // Indentation: the first token of each line adjusts the nesting.
            if t.kind == .newline {
                readingLeadingSpace = true
                leadingSpaces = 0
            } else if readingLeadingSpace {
                if t.kind == .space {
                    leadingSpaces += Int(t.newlines)
                } else {
                    if t.kind != .comment && (ctx.current.isGlobal || ctx.current.longNameEndsWithParen) {
                        ctx.tokenOffset = Int(t.start)
                        setNesting(leadingSpaces, closing: t.kind == .rparen)
                    }
                    readingLeadingSpace = false
                }
            }
            i += 1
            switch ctx.account(t, bytes: stream.bytes, commentPrefixLength: 1) {
            case .stop: return
            case .layout: continue
            case .code: break
            }
            if Self.conditions.contains(t.kind) { ctx.current.ccn += 1 }
            if t.kind == .kwCase && keywordCase { ctx.current.ccn += 1 }
            if t.flags & TokenFlag.tripleQuoted != 0 && state != .firstLine && !lastMeaningfulIsExpressionPrefix {
                // A standalone triple-quoted string is a comment for NLOC.
                ctx.addNloc(-(Int(t.newlines) + 1))
            }
            lastMeaningfulIsExpressionPrefix = Self.expressionPrefixes.contains(t.kind)
            step(t)
        }
        ctx.tokenOffset = stream.bytes.count
        setNesting(0, closing: false)
    }

    private mutating func trackSoftKeyword(at i: Int, _ t: LexToken) {
        switch t.kind {
        case .newline: atLineStart = true
        case .space: break
        case .kwCase, .kwMatch:
            if atLineStart {
                let (isKeyword, end) = softKeywordLookahead(after: i)
                if t.kind == .kwCase { keywordCase = isKeyword }
                lookaheadEnd = end
            } else if t.kind == .kwCase {
                keywordCase = false
            }
            atLineStart = false
        default:
            if t.kind == .kwCase { keywordCase = false }
            atLineStart = false
        }
    }

    /// Is the `case`/`match` at `i` a soft keyword? Also returns the index after the
    /// tokens examined (they bypass line-start tracking, as in lizard).
    private func softKeywordLookahead(after i: Int) -> (Bool, Int) {
        let tokens = stream.tokens
        var j = i + 1
        var next: LexToken?
        while j < tokens.count {
            let t = tokens[j]
            j += 1
            if t.kind != .newline && t.kind != .space { next = t; break }
        }
        guard let next else { return (true, j) }
        if Self.variableFollowers.contains(next.kind) { return (false, j) }
        guard next.kind == .lparen || next.kind == .lbracket else { return (true, j) }
        var depth = 1
        while j < tokens.count {
            let t = tokens[j]
            j += 1
            switch t.kind {
            case .lparen, .lbracket, .lbrace: depth += 1
            case .rparen, .rbracket, .rbrace: depth -= 1
            case .colon where depth == 0: return (true, j)
            case .newline where depth == 0: return (false, j)
            default: break
            }
        }
        return (false, j)
    }

    private mutating func setNesting(_ spaces: Int, closing: Bool) {
        while indents[indents.count - 1] > spaces && !closing {
            indents.removeLast()
            ctx.popNesting()
        }
        if indents[indents.count - 1] < spaces {
            indents.append(spaces)
            ctx.addBareNesting()
        }
    }

    // MARK: Function declaration states

    private mutating func step(_ t: LexToken) {
        switch state {
        case .global:
            if t.kind == .kwDef { state = .function }
        case .function:
            if t.kind == .lbracket {
                bracketCount = 0
                state = .typeParameters
                step(t)
            } else if t.kind != .lparen {
                ctx.restartNewFunction(stream.text(t))
            } else {
                ctx.current.addToLongName("(")
                state = .declaration
            }
        case .typeParameters:
            if t.kind == .kwDef || t.kind == .kwClass {
                bracketCount = 0
                state = .global
                step(t)
                return
            }
            ctx.current.addToLongName(" " + stream.text(t))
            if t.kind == .lbracket { bracketCount += 1 } else if t.kind == .rbracket { bracketCount -= 1 }
            if bracketCount == 0 { state = .function }
        case .declaration:
            if t.flags & TokenFlag.fStringExpression != 0 {
                tokenInParameter(t)
                return
            }
            switch t.kind {
            case .rparen:
                state = .colon
            case .lbracket:
                bracketCount = 1
                state = .typeAnnotation
            case .lparen, .lbrace, .kwLambda:
                bracketCount = 0
                lambdaHeads = 0
                state = .defaultValue
                step(t)
                return
            default:
                ctx.current.addParameter(stream.text(t))
                return
            }
            ctx.current.addToLongName(" " + stream.text(t))
        case .defaultValue:
            if t.flags & TokenFlag.fStringExpression != 0 {
                tokenInParameter(t)
                return
            }
            if t.kind == .comma { tokenInParameter(t) } else { ctx.current.addParameter(stream.text(t)) }
            switch t.kind {
            case .lparen, .lbracket, .lbrace: bracketCount += 1
            case .rparen, .rbracket, .rbrace: bracketCount -= 1
            case .kwLambda where bracketCount == 0: lambdaHeads += 1
            case .colon where bracketCount == 0 && lambdaHeads > 0: lambdaHeads -= 1
            default: break
            }
            if bracketCount < 0 || (bracketCount == 0 && lambdaHeads == 0) { state = .declaration }
        case .colon:
            state = t.kind == .colon ? .firstLine : .global
        case .firstLine:
            state = .global
            if t.kind == .string && isTripleQuoteStart(t) {
                ctx.addNloc(-Int(t.newlines) - 1)
            }
            step(t)
        case .typeAnnotation:
            ctx.current.addToLongName(" " + stream.text(t))
            if t.flags & TokenFlag.fStringExpression != 0 { return }
            if t.kind == .lbracket { bracketCount += 1 } else if t.kind == .rbracket { bracketCount -= 1 }
            if bracketCount == 0 { state = .declaration }
        }
    }

    private func isTripleQuoteStart(_ t: LexToken) -> Bool {
        if t.flags & TokenFlag.tripleQuoted != 0 { return true }
        let s = Int(t.start)
        guard t.length >= 3 else { return false }
        let q = stream.bytes[s]
        return (q == 0x22 || q == 0x27) && stream.bytes[s + 1] == q && stream.bytes[s + 2] == q
    }

    private func tokenInParameter(_ t: LexToken) {
        let text = " " + stream.text(t)
        ctx.current.addToLongName(text)
        if ctx.current.fullParameters.isEmpty { ctx.current.fullParameters.append("") }
        ctx.current.fullParameters[ctx.current.fullParameters.count - 1] += text
    }
}
