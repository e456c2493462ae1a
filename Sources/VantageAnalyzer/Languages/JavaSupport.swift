/// Java: `public`/`protected` API documented with `/** */`.
struct JavaSupport: LanguageSupport {
    let language = SourceLanguage.java
    let dialect = LexDialect.java
    let blocks = BlockSyntax.braces
    let visibilityKeywords = KindSet([.kwPublic, .kwProtected])
    let practices = PracticeRules(commentPrefixes: PracticeRules.slashComments,
                                  printCalls: ["System.out.println(", "System.out.print(", "System.err.println(", "e.printStackTrace("],
                                  hasBraceCatch: true)

    func readUnits(stream: TokenStream, context: UnitContext) {
        var reader = JavaUnitReader(stream: stream, context: context)
        reader.run()
    }

    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? {
        switch tokens[i].kind {
        case .kwClass, .kwInterface, .kwEnum, .kwRecord: return Declaration(isFunction: false, nameIndex: tokens.nextCode(after: i))
        case .identifier:
            let next = tokens.nextCode(after: i)
            if next < tokens.count, tokens[next].kind == .lparen, i > 0 { return Declaration(isFunction: true, nameIndex: i) }
            return nil
        default: return nil
        }
    }
}

extension LexDialect {
    /// Java reads as C does (its literals are C's).
    static let java = LexDialect(name: "java", forms: [.cppRawStrings, .decimalFloats])
}
