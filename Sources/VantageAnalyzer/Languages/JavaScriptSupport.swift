/// JavaScript and TypeScript (one reader, lizard's TypeScriptStates): `export`ed API
/// documented with `/** */`.
struct JavaScriptSupport: LanguageSupport {
    let language: SourceLanguage
    let dialect = LexDialect.javascript
    let blocks = BlockSyntax.braces
    let visibilityKeywords = KindSet([.kwExport])
    let practices = PracticeRules(commentPrefixes: PracticeRules.slashComments, printCalls: ["console.log(", "console.debug(", "console.dir("], hasBraceCatch: true)

    init(language: SourceLanguage) {
        self.language = language
    }

    func readUnits(stream: TokenStream, context: UnitContext) {
        JavaScriptUnitReader(stream: stream, context: context).run()
    }

    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? {
        switch tokens[i].kind {
        case .kwFunction: Declaration(isFunction: true, nameIndex: tokens.nextCode(after: i))
        case .kwClass, .kwInterface: Declaration(isFunction: false, nameIndex: tokens.nextCode(after: i))
        default: nil
        }
    }
}

extension LexDialect {
    /// JavaScript and TypeScript: template literals, regular expressions, `#private`, `?.`.
    static let javascript = LexDialect(name: "javascript", forms: [.javaScriptTokens], templateLiterals: true)
}
