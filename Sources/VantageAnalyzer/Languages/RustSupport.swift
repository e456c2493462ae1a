/// Rust: `pub` API documented with `///` or `//!`; `match` nests, `?` is not a ternary.
struct RustSupport: LanguageSupport {
    let language = SourceLanguage.rust
    let dialect = LexDialect.rust
    let blocks = BlockSyntax.braces
    let flow = BraceFlowRules(ternaryCounts: false, nestingKeywords: KindSet([.kwMatch]))
    let visibilityKeywords = KindSet([.kwPub])
    let practices = PracticeRules(commentPrefixes: PracticeRules.slashComments, printCalls: ["println!(", "print!(", "dbg!(", "eprintln!("], hasBraceCatch: false)

    func readUnits(stream: TokenStream, context: UnitContext) {
        RustUnitReader.read(stream: stream, context: context)
    }

    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? {
        switch tokens[i].kind {
        case .kwFn: Declaration(isFunction: true, nameIndex: tokens.nextCode(after: i))
        case .kwStruct, .kwEnum, .kwTrait, .kwType, .kwUnion: Declaration(isFunction: false, nameIndex: tokens.nextCode(after: i))
        default: nil
        }
    }
}

extension LexDialect {
    /// Rust: lifetimes and labels (`'a`) are not characters.
    static let rust = LexDialect(name: "rust", forms: [.lifetimes])
}
