/// Finds Rust function units (`fn`), on the shared brace scanning; each `match` arm after
/// the first and each `let … else` adds one to the complexity.
struct RustUnitReader: BraceScopedLanguage {
    enum State { case matchSubject }
    enum Callback { case ifBodyClosed }

    struct FrameState: BraceFrameFields {
        var inMatchArms = false
        var seenMatchArm = false
        var matchSubjectNesting = 0
        var ifBodyDepths: [Int] = []
        var elsePending = false
        var parenDepth = 0
    }

    typealias Scanner = BraceScopeScanner<Self>

    static let conditions = KindSet([.kwIf, .kwFor, .kwWhile, .kwCatch, .kwWhere, .ampAmp, .pipePipe, .question])

    static func global(_ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        if t.kind == .fatArrow {
            if scanner.frames[f].own.inMatchArms {
                if scanner.frames[f].own.seenMatchArm { scanner.ctx.current.ccn += 1 }
                scanner.frames[f].own.seenMatchArm = true
            }
            return
        }
        if t.kind == .kwMatch {
            scanner.frames[f].own.matchSubjectNesting = 0
            scanner.frames[f].state = .language(.matchSubject)
            return
        }
        if countLetElse(t, frame: f, &scanner) { return }
        scanner.keywordGlobal(t, frame: f, functionKeyword: .kwFn, typeKeyword: .kwType)
    }

    static func handle(_ state: State, _ t: LexToken, frame f: Int, _ scanner: inout Scanner) {
        switch state {
        case .matchSubject:
            if t.kind == .lparen || t.kind == .lbracket { scanner.frames[f].own.matchSubjectNesting += 1; return }
            if t.kind == .rparen || t.kind == .rbracket {
                if scanner.frames[f].own.matchSubjectNesting > 0 { scanner.frames[f].own.matchSubjectNesting -= 1 }
                return
            }
            if t.kind != .lbrace || scanner.frames[f].own.matchSubjectNesting > 0 { return }
            var arms = FrameState()
            arms.inMatchArms = true
            scanner.subScope(frame: f, callback: .backToGlobal, child: arms)
        }
    }

    static func run(_ callback: Callback, frame f: Int, _ scanner: inout Scanner) {
        switch callback {
        case .ifBodyClosed: scanner.frames[f].own.elsePending = true
        }
    }

    /// Counts `let … else`; the `else` of an `if` is not a condition.
    private static func countLetElse(_ t: LexToken, frame f: Int, _ scanner: inout Scanner) -> Bool {
        if t.kind != .kwElse { scanner.frames[f].own.elsePending = false }
        if t.kind == .lparen || t.kind == .lbracket {
            scanner.frames[f].own.parenDepth += 1
        } else if (t.kind == .rparen || t.kind == .rbracket) && scanner.frames[f].own.parenDepth > 0 {
            scanner.frames[f].own.parenDepth -= 1
        }
        if t.kind == .kwElse {
            if !scanner.frames[f].own.elsePending { scanner.ctx.current.ccn += 1 }
            scanner.frames[f].own.elsePending = false
            return true
        }
        if t.kind == .kwIf {
            scanner.frames[f].own.ifBodyDepths.append(scanner.frames[f].own.parenDepth)
            return false
        }
        if t.kind == .lbrace, let depth = scanner.frames[f].own.ifBodyDepths.last, depth == scanner.frames[f].own.parenDepth {
            scanner.frames[f].own.ifBodyDepths.removeLast()
            scanner.subScope(frame: f, callback: .language(.ifBodyClosed))
            return true
        }
        return false
    }
}
