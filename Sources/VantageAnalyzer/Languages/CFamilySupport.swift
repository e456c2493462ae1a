/// C and C++ (one reader, lizard's CLikeReader): every non-static definition without a
/// leading underscore is API, documented with `///` or `/** */`.
struct CFamilySupport: LanguageSupport {
    let language: SourceLanguage
    let dialect = LexDialect.clike
    let blocks = BlockSyntax.braces
    let publicity = Publicity.notUnderscoredOrStatic
    let practices: PracticeRules

    init(language: SourceLanguage) {
        self.language = language
        // C has no exceptions; C++'s `catch (...) {}` is the catch-all.
        practices = PracticeRules(commentPrefixes: PracticeRules.slashComments, printCalls: [], hasBraceCatch: language == .cpp)
    }

    func readUnits(stream: TokenStream, context: UnitContext) {
        var reader = CLikeUnitReader(stream: stream, context: context)
        reader.run()
    }

    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? {
        let t = tokens[i]
        if t.kind == .identifier {
            let open = tokens.nextCode(after: i)
            guard open < tokens.count, tokens[open].kind == .lparen else { return nil }
            // a definition: the matching `)` is followed by `{`
            let after = tokens.nextCode(after: tokens.closingParenthesis(from: open))
            if after < tokens.count, tokens[after].kind == .lbrace { return Declaration(isFunction: true, nameIndex: i) }
            return nil
        }
        if t.kind == .kwStruct || t.kind == .kwClass {
            let name = tokens.nextCode(after: i)
            let after = tokens.nextCode(after: name)
            if after < tokens.count, tokens[after].kind == .lbrace { return Declaration(isFunction: false, nameIndex: name) }
        }
        return nil
    }
}

extension LexDialect {
    /// C and C++: raw strings and decimal floats on top of the shared C-like rules.
    static let clike = LexDialect(name: "clike", forms: [.cppRawStrings, .decimalFloats])
}
