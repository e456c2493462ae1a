/// A type declaration's name and line extent (class, struct, enum, actor,
/// extension, impl, interface, trait), used to find god types.
struct TypeSpan: Sendable {
    var name: String
    var startLine: Int
    var endLine: Int

    static let braceTypeKeywords = KindSet([
        .kwClass, .kwStruct, .kwEnum, .kwActor, .kwExtension, .kwImpl, .kwInterface, .kwTrait, .kwProtocol,
    ])

    static func find(in stream: TokenStream, blocks: BlockSyntax) -> [TypeSpan] {
        blocks == .indentation ? python(stream) : braces(stream)
    }

    private static func braces(_ stream: TokenStream) -> [TypeSpan] {
        var spans: [TypeSpan] = []
        var open: [(name: String, line: Int, depth: Int)] = []
        var pending: (name: String, line: Int)?
        var depth = 0
        var line = 1
        var parens = 0
        for t in stream.tokens {
            switch t.kind {
            case .newline: line += 1; continue
            case .space, .comment: line += Int(t.kind == .comment ? t.newlines : 0); continue
            case .lparen: parens += 1
            case .rparen: parens = max(0, parens - 1)
            case .semicolon: pending = nil
            case .lbrace:
                depth += 1
                if let p = pending { open.append((p.name, p.line, depth)); pending = nil }
            case .rbrace:
                if let last = open.last, last.depth == depth {
                    open.removeLast()
                    spans.append(TypeSpan(name: last.name, startLine: last.line, endLine: line))
                }
                depth = max(0, depth - 1)
            default:
                if parens == 0 && braceTypeKeywords.contains(t.kind) { pending = ("", line) }
                else if let p = pending, p.name.isEmpty, t.kind == .identifier { pending = (stream.text(t), p.line) }
            }
            line += Int(t.newlines)
        }
        return spans
    }

    private static func python(_ stream: TokenStream) -> [TypeSpan] {
        var spans: [TypeSpan] = []
        var open: [(name: String, line: Int, indent: Int)] = []
        var line = 1
        var lastCodeLine = 1
        var indent = 0
        var atLineStart = true
        var tokens = stream.tokens[...]
        while let t = tokens.popFirst() {
            switch t.kind {
            case .newline: line += 1; atLineStart = true; indent = 0; continue
            case .space: if atLineStart { indent += Int(t.newlines) }; continue
            case .comment: continue
            default: break
            }
            if atLineStart {
                while let last = open.last, last.indent >= indent {
                    open.removeLast()
                    spans.append(TypeSpan(name: last.name, startLine: last.line, endLine: lastCodeLine))
                }
                if t.kind == .kwClass, let name = tokens.first(where: { $0.kind != .space }) {
                    open.append((stream.text(name), line, indent))
                }
            }
            atLineStart = false
            line += Int(t.newlines)
            lastCodeLine = line
        }
        for last in open.reversed() { spans.append(TypeSpan(name: last.name, startLine: last.line, endLine: lastCodeLine)) }
        return spans
    }
}
