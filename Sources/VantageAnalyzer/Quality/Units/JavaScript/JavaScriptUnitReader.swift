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
            switch ctx.account(t, bytes: stream.bytes, commentPrefixLength: 2) {
            case .stop: return
            case .layout: continue
            case .code: break
            }
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
