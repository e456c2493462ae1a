/// Cognitive complexity (SonarSource, "Cognitive Complexity", G. Ann Campbell, 2017)
/// and the deepest nesting of a function, from the tokens of its byte range.
///
/// Increments: +1 for each `if`, `else if`/`elif`, `else`, loop, `switch`/`match`,
/// `catch`/`except`, ternary or conditional expression, labelled jump and `goto`;
/// structures that nest (`if`, loops, `switch`, `catch`, ternaries) add the current
/// nesting level on top; +1 for every sequence of like boolean operators; +1 for a
/// recursive call. Nesting grows inside the bodies of those structures and of
/// nested functions and closures.
///
/// Python follows complexipy's reading of the paper (the tool users compare with):
/// the `else` of a loop or `try` adds nothing, comprehension clauses nest, filters
/// add one, and only statement expressions are read: not signatures, decorators,
/// `except` clauses, case patterns, subscripts, keyword arguments or operands of
/// arithmetic.
struct BlockStructure {
    let stream: TokenStream
    let blocks: BlockSyntax
    let rules: BraceFlowRules
    private let starts: [Int32]

    init(stream: TokenStream, support: some LanguageSupport) {
        self.stream = stream
        self.blocks = support.blocks
        self.rules = support.flow
        starts = stream.tokens.map(\.start)
    }

    struct Flow {
        var cognitive = 0
        var maxNesting = 0
    }

    /// Index of the first token starting at or after `offset`.
    private func index(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = starts.count
        let target = Int32(truncatingIfNeeded: offset)
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func flowMetrics(from start: Int, to end: Int, name: String) -> Flow {
        let first = index(atOrAfter: start)
        let last = end > start ? index(atOrAfter: end) : stream.tokens.count
        guard first < last else { return Flow() }
        let bare = Substring(name.split(separator: ".").last ?? Substring(name)).split(separator: ":").last.map(String.init) ?? name
        if blocks == .indentation { return pythonFlow(first, last, bareName: bare) }
        return braceFlow(first, last, bareName: bare)
    }

    // MARK: Brace languages

    private func braceFlow(_ first: Int, _ last: Int, bareName: String) -> Flow {
        var flow = Flow()
        let tokens = stream.tokens
        var nesting = 0
        var blockNests: [Bool] = []       // for each open `{`: did it raise nesting?
        var pendingNestingBlock = 0       // control headers waiting for their `{`
        var previous: TokenKind = .symbol
        var previousBool: TokenKind? = nil
        var parenDepth = 0
        var seenBody = false
        var lastClosedWasDo = false
        var guardElsePending = false
        var doBlocks: [Bool] = []
        let ternaryCounts = rules.ternaryCounts
        let nameBytes = Array(bareName.utf8)
        var i = first
        while i < last {
            let t = tokens[i]
            i += 1
            switch t.kind {
            case .comment, .newline, .space: continue
            default: break
            }
            defer { previous = t.kind }
            switch t.kind {
            case .kwIf, .kwGuard:
                if t.kind == .kwGuard { guardElsePending = true }
                if previous == .kwElse {
                    flow.cognitive += 1
                } else {
                    flow.cognitive += 1 + nesting
                }
                pendingNestingBlock += 1
            case .kwElse where guardElsePending:
                guardElsePending = false  // the else of a guard belongs to the guard
            case .kwElse:
                let next = nextCode(after: i - 1, limit: last)
                if next?.kind != .kwIf { flow.cognitive += 1 }
                if next?.kind != .kwIf { pendingNestingBlock += 1 }
            case .kwFor, .kwSwitch, .kwCatch:
                flow.cognitive += 1 + nesting
                pendingNestingBlock += 1
            case .kwWhile:
                if lastClosedWasDo && previous == .rbrace {
                    lastClosedWasDo = false  // the `while` of do { } while: already counted at `do`
                } else {
                    flow.cognitive += 1 + nesting
                    pendingNestingBlock += 1
                }
            case .kwDo:
                if rules.doIsLoop {
                    flow.cognitive += 1 + nesting
                    pendingNestingBlock += 1
                }
            case .kwMatch where rules.nestingKeywords.contains(.kwMatch), .kwRepeat where rules.nestingKeywords.contains(.kwRepeat):
                flow.cognitive += 1 + nesting
                pendingNestingBlock += 1
            case .question:
                if ternaryCounts && t.flags & TokenFlag.postfixOptional == 0 { flow.cognitive += 1 + nesting }
            case .ampAmp, .pipePipe:
                if previousBool != t.kind { flow.cognitive += 1 }
                previousBool = t.kind
            case .kwGoto:
                flow.cognitive += 1
            case .kwBreak, .kwContinue:
                if i < last, tokens[i].kind == .identifier { flow.cognitive += 1 }  // labelled jump
            case .identifier:
                if seenBody, t.length == nameBytes.count, previous != .dot, previous != .kwFunc, previous != .kwFn,
                   let next = nextCode(after: i - 1, limit: last), next.kind == .lparen, sameBytes(t, nameBytes) {
                    flow.cognitive += 1
                }
            case .lbrace:
                seenBody = true
                var nests = false
                if pendingNestingBlock > 0 && parenDepth == 0 {
                    pendingNestingBlock -= 1
                    nests = true
                } else if !blockNests.isEmpty && isClosureStart(previous) {
                    nests = true  // a closure or lambda inside the body
                }
                blockNests.append(nests)
                if nests {
                    nesting += 1
                    flow.maxNesting = max(flow.maxNesting, nesting)
                }
                doBlocks.append(previous == .kwDo)
                previousBool = nil
            case .rbrace:
                if let nests = blockNests.popLast(), nests { nesting -= 1 }
                lastClosedWasDo = doBlocks.popLast() ?? false
                previousBool = nil
            case .lparen:
                parenDepth += 1
                previousBool = nil
            case .rparen:
                parenDepth = max(0, parenDepth - 1)
                previousBool = nil
            case .semicolon, .comma:
                previousBool = nil
            default: break
            }
        }
        return flow
    }

    private func isClosureStart(_ previous: TokenKind) -> Bool {
        switch previous {
        case .lparen, .comma, .assign, .kwIn, .arrow, .fatArrow, .colon, .kwReturn: return true
        default: return false
        }
    }

    private func nextCode(after index: Int, limit: Int) -> LexToken? {
        var k = index + 1
        let tokens = stream.tokens
        while k < limit {
            let kind = tokens[k].kind
            if kind != .comment && kind != .newline && kind != .space { return tokens[k] }
            k += 1
        }
        return nil
    }

    private func sameBytes(_ t: LexToken, _ bytes: [UInt8]) -> Bool {
        for (k, b) in bytes.enumerated() where stream.bytes[Int(t.start) + k] != b { return false }
        return true
    }

    // MARK: Python

    private func pythonFlow(_ first: Int, _ last: Int, bareName: String) -> Flow {
        var flow = Flow()
        let nameBytes = Array(bareName.utf8)
        var recursionCounted = false
        let tokens = stream.tokens
        var blocks: [(indent: Int, nests: Bool)] = []
        // the kind of the last block closed at each indentation: an `else` after a loop
        // or `try` adds nothing, after an `if` it adds one
        var closedKind: [Int: TokenKind] = [:]
        var openKinds: [TokenKind] = []
        var comprehensionDepths: [Int] = []   // bracket depths where a comprehension `for` was seen
        var indent = 0
        var atLineStart = true
        var bracketDepth = 0
        var previousBool: TokenKind? = nil
        var firstLine = true
        var baseIndent = -1
        // complexipy reads expressions of statements only: not signatures, decorators,
        // except clauses, case patterns, match subjects, yield or await statements
        var lineCountsExpressions = false
        // open brackets: is an expression inside counted (complexipy does not descend into
        // subscripts, keyword arguments or operands of arithmetic), and keyword state
        var groups: [(blocked: Bool, keyword: Bool)] = []
        var previousCodeToken: LexToken? = nil
        var previousCode = TokenKind.newline
        var i = first
        while i < last {
            let t = tokens[i]
            i += 1
            switch t.kind {
            case .newline:
                if bracketDepth == 0 { atLineStart = true; indent = 0; previousBool = nil }
                continue
            case .space:
                if atLineStart { indent += Int(t.newlines) }
                continue
            case .comment, .backslashNewline:
                continue
            default: break
            }
            defer { previousCode = t.kind; previousCodeToken = t }
            let blockedHere = groups.last.map { $0.blocked || $0.keyword } ?? false
            let nestingLevel = blocks.reduce(0) { $0 + ($1.nests ? 1 : 0) }
            if atLineStart {
                atLineStart = false
                lineCountsExpressions = !firstLine && !Self.pythonLinesWithoutExpressions.contains(t.kind)
                    && !(t.kind == .identifier && ["yield", "await", "global", "nonlocal", "del"].contains(stream.text(t)))
                if firstLine { baseIndent = indent; firstLine = false }
                while let top = blocks.last, top.indent >= indent {
                    blocks.removeLast()
                    closedKind[top.indent] = openKinds.removeLast()
                }
                let level = blocks.reduce(0) { $0 + ($1.nests ? 1 : 0) }
                switch t.kind {
                case .kwIf, .kwFor, .kwWhile, .kwExcept, .kwMatch:
                    flow.cognitive += 1 + level
                    blocks.append((indent, true))
                case .kwElif:
                    flow.cognitive += 1
                    blocks.append((indent, true))
                case .kwElse:
                    let after = closedKind[indent]
                    if after == .kwIf || after == .kwElif { flow.cognitive += 1 }
                    blocks.append((indent, after == .kwIf || after == .kwElif))
                case .kwDef where indent > baseIndent, .kwLambda:
                    blocks.append((indent, true))
                case .kwAsync:
                    if let next = nextCode(after: i - 1, limit: last), next.kind == .kwDef, indent > baseIndent {
                        blocks.append((indent, true))
                    } else if let next = nextCode(after: i - 1, limit: last), next.kind == .kwFor || next.kind == .kwWith {
                        if next.kind == .kwFor {
                            flow.cognitive += 1 + level
                            blocks.append((indent, true))
                        } else {
                            blocks.append((indent, false))
                        }
                    } else {
                        blocks.append((indent, false))
                    }
                default:
                    blocks.append((indent, false))
                }
                openKinds.append(t.kind == .kwAsync ? (nextCode(after: i - 1, limit: last)?.kind ?? .kwAsync) : t.kind)
                flow.maxNesting = max(flow.maxNesting, blocks.reduce(0) { $0 + ($1.nests ? 1 : 0) })
                continue
            }
            switch t.kind {
            case .kwIf where !lineCountsExpressions, .kwFor where !lineCountsExpressions,
                 .kwAnd where !lineCountsExpressions, .kwOr where !lineCountsExpressions:
                break
            case .identifier where !recursionCounted && previousCode != .dot && previousCode != .kwDef
                    && t.length == nameBytes.count && sameBytes(t, nameBytes)
                    && nextCode(after: i - 1, limit: last)?.kind == .lparen:
                recursionCounted = true  // a direct recursive call: +1 once
                flow.cognitive += 1
            case .kwIf where blockedHere:
                break
            case .kwIf:
                if comprehensionDepths.last == bracketDepth && bracketDepth > 0 {
                    flow.cognitive += 1                 // comprehension filter
                } else {
                    flow.cognitive += 1 + nestingLevel  // conditional expression
                }
            case .kwFor:
                if comprehensionDepths.last != bracketDepth { comprehensionDepths.append(bracketDepth) }
                if previousKindIsCode(before: i - 1, first: first, kind: .kwAsync) { break }
                flow.cognitive += 1 + nestingLevel     // comprehension clause
            case .kwAnd, .kwOr:
                // a sequence of like operators counts once; not inside call arguments (as complexipy)
                if !blockedHere && previousBool != t.kind { flow.cognitive += 1 }
                previousBool = t.kind
            case .lparen, .lbracket, .lbrace:
                bracketDepth += 1
                let afterOperand = [.identifier, .rparen, .rbracket, .string].contains(previousCode)
                let isSubscript = t.kind == .lbracket && afterOperand
                let arithmetic = [.plus, .minus, .star, .slash, .slashSlash, .percent, .starStar, .amp].contains(previousCode)
                    || (previousCode == .symbol && previousCodeToken.map { ["|", "^", "@"].contains(stream.text($0)) } == true)
                groups.append((blockedHere || isSubscript || arithmetic, false))
                previousBool = nil
            case .rparen, .rbracket, .rbrace:
                if comprehensionDepths.last == bracketDepth { comprehensionDepths.removeLast() }
                bracketDepth = max(0, bracketDepth - 1)
                _ = groups.popLast()
                previousBool = nil
            case .assign where !groups.isEmpty && previousCode == .identifier:
                groups[groups.count - 1].keyword = true  // name=value argument
            case .comma:
                if !groups.isEmpty { groups[groups.count - 1].keyword = false }
                previousBool = nil
            case .colon:
                previousBool = nil
            default: break
            }
        }
        return flow
    }

    private static let pythonLinesWithoutExpressions = KindSet([
        .kwDef, .kwClass, .at, .kwExcept, .kwCase, .kwMatch, .kwImport, .kwAsync, .kwLambda,
    ])

    private func previousKindIsCode(before index: Int, first: Int, kind: TokenKind) -> Bool {
        var k = index - 1
        while k >= first {
            let t = stream.tokens[k]
            if t.kind != .space && t.kind != .comment { return t.kind == kind }
            k -= 1
        }
        return false
    }
}
