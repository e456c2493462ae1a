/// The bookkeeping every unit reader drives while it walks a file's tokens: which
/// function is current, the nesting stack, per-line and per-token accounting.
/// It follows lizard's FileInfoBuilder/NestingStack so that units, start and end
/// lines, NLOC and token counts come out the way lizard reports them.
final class UnitContext {
    enum Nesting {
        case bare
        case namespace(String)
        case function(FunctionInfo)
    }

    let global = FunctionInfo(name: "*global*", startLine: 0, isGlobal: true)
    var current: FunctionInfo
    var stacked: [FunctionInfo] = []
    var nesting: [Nesting] = []
    var pending: FunctionInfo?
    var currentLine = 1
    private(set) var functions: [FunctionInfo] = []
    var forgive = false
    var forgiveGlobal = false
    var fileNloc = 0
    var fileTokens = 0
    /// Byte offset of the token being processed; units record where they start and end.
    var tokenOffset = 0
    /// lizard's line_counter state: the next token starts a line.
    private var atLineStart: Int = 1
    /// Set when a comment says "GENERATED CODE": lizard stops reading the file there.
    private(set) var stopped = false
    /// Why reading stopped early, for a person (set with `stop(because:)`).
    private(set) var stopReason: String?

    func stop(because reason: String) {
        stopped = true
        if stopReason == nil { stopReason = reason }
    }

    /// lizard's `context.newline`: the current token starts a line (or spans several).
    private(set) var newline = false

    /// When reading must end whatever the file holds (the per-file time budget).
    var deadline: ContinuousClock.Instant?
    private(set) var timedOut = false

    init(deadline: ContinuousClock.Instant? = nil) {
        current = global
        self.deadline = deadline
    }

    /// Checked by the readers every few thousand tokens; true once the budget is spent.
    func outOfTime(tokenIndex: Int) -> Bool {
        guard tokenIndex & 4095 == 0, let deadline else { return timedOut }
        if ContinuousClock.now > deadline { timedOut = true; stop(because: "time budget spent") }
        return timedOut
    }

    // MARK: Nesting stack

    func withNamespace(_ name: String) -> String {
        var result = ""
        for entry in nesting {
            switch entry {
            case .bare: break
            case .namespace(let n): if !n.isEmpty { result += n + "::" }
            case .function(let f): result += f.name + "."
            }
        }
        return result + name
    }

    func addBareNesting() {
        if let p = pending {
            nesting.append(.function(p))
        } else {
            nesting.append(.bare)
        }
        pending = nil
    }

    func addNamespace(_ name: String) {
        pending = nil
        nesting.append(.namespace(name))
    }

    var lastFunctionOnStack: FunctionInfo? {
        for entry in nesting.reversed() {
            if case .function(let f) = entry { return f }
        }
        return nil
    }

    func popNesting() {
        pending = nil
        guard let top = nesting.popLast() else { return }
        if case .function = top {
            let endLine = current.endLine
            endOfFunction()
            current = lastFunctionOnStack ?? global
            current.endLine = endLine
        }
    }

    var nestingLevel: Int { nesting.count }

    // MARK: Functions

    func tryNewFunction(_ name: String) {
        let f = FunctionInfo(name: withNamespace(name), startLine: currentLine)
        f.topNestingLevel = nesting.count
        f.firstToken = tokenOffset
        current = f
    }

    func confirmNewFunction() {
        pending = current
        current.ccn = 1
    }

    func restartNewFunction(_ name: String) {
        tryNewFunction(name)
        confirmNewFunction()
    }

    func pushNewFunction(_ name: String) {
        stacked.append(current)
        restartNewFunction(name)
    }

    func endOfFunction() {
        if !forgive && (!current.isGlobal || !forgiveGlobal) {
            current.lastToken = tokenOffset
            functions.append(current)
        }
        forgive = false
        current = stacked.popLast() ?? global
    }

    func addNloc(_ count: Int) {
        fileNloc += count
        current.nloc += count
        current.endLine = currentLine
    }

    // MARK: Per-token accounting (lizard's comment, line and token counters)

    /// Accounts for a comment token; returns false when reading must stop.
    func accountComment(_ token: LexToken, bytes: UnsafeBufferPointer<UInt8>, commentPrefixLength: Int) {
        // lizard yields one line per `splitlines()` element after the first: a comment
        // ending in a line break (a `//` comment continued by a backslash) loses one.
        let endsWithNewline = token.end > token.start && bytes[Int(token.end) - 1] == 0x0A
        for _ in 0..<max(0, Int(token.newlines) - (endsWithNewline ? 1 : 0)) {
            currentLine += 1
            atLineStart = 1
        }
        var start = Int(token.start) + commentPrefixLength
        let end = Int(token.end)
        while start < end && (ByteClass.isSpace(bytes[start])) { start += 1 }
        if commentPrefixLength == 1 {  // Python: leading '#'s are stripped too
            while start < end && (bytes[start] == 0x23 || ByteClass.isSpace(bytes[start])) { start += 1 }
        } else if start < end && bytes[start] == 0x23 {
            start += 1
        } else {
            start = end  // C-style: only "#lizard …" directives matter
        }
        if start < end && bytes[start] == 0x6C && Self.hasPrefix("lizard forgive", bytes, start, end) {
            if Self.hasPrefix("lizard forgive global", bytes, start, end) {
                forgiveGlobal = true
            } else if !Self.hasPrefix("lizard forgives(", bytes, start, end) {
                forgive = true
            }
        }
        if Self.contains("GENERATED CODE", bytes, Int(token.start), end) {
            stop(because: "stopped at a \"GENERATED CODE\" comment, as lizard does")
        }
    }

    /// A newline token: the next token starts a new line.
    /// What a reader does with a token once `account` has counted it.
    enum TokenRole { case code, layout, stop }

    /// Counts a comment, newline or space (`.layout`; `.stop` when a comment ended the reading)
    /// or a code token (`.code`, its offset recorded): the accounting every unit reader does first.
    @inline(__always) func account(_ t: LexToken, bytes: UnsafeBufferPointer<UInt8>, commentPrefixLength: Int) -> TokenRole {
        switch t.kind {
        case .comment:
            accountComment(t, bytes: bytes, commentPrefixLength: commentPrefixLength)
            return stopped ? .stop : .layout
        case .newline:
            accountNewline()
            return .layout
        case .space:
            return .layout
        default:
            tokenOffset = Int(t.start)
            accountCode(t)
            return .code
        }
    }

    @inline(__always) func accountNewline() {
        currentLine += 1
        atLineStart = 1
    }

    /// Line and token accounting for a code token (everything but newlines and comments).
    @inline(__always) func accountCode(_ token: LexToken) {
        let count = Int(token.newlines)
        currentLine += count
        let added = count + atLineStart
        fileNloc += added
        current.nloc += added
        current.endLine = currentLine
        atLineStart = 0
        newline = added > 0
        fileTokens += 1
        current.tokenCount += 1
    }

    private static func hasPrefix(_ text: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = text.utf8CodeUnitCount
        if end - start < n { return false }
        let p = text.utf8Start
        for i in 0..<n where bytes[start + i] != p[i] { return false }
        return true
    }

    private static func contains(_ text: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = text.utf8CodeUnitCount
        if end - start < n { return false }
        let first = text.utf8Start[0]
        var i = start
        while i + n <= end {
            if bytes[i] == first && hasPrefix(text, bytes, i, end) { return true }
            i += 1
        }
        return false
    }
}
