/// Python: indentation blocks, docstrings, lizard's Python reader.
struct PythonSupport: LanguageSupport {
    let language = SourceLanguage.python
    let dialect = LexDialect.python
    let blocks = BlockSyntax.indentation
    let publicity = Publicity.notUnderscored
    let practices = PracticeRules(commentPrefixes: ["#"], printCalls: ["print("], hasBraceCatch: false, hasExceptClause: true)

    func readUnits(stream: TokenStream, context: UnitContext) {
        var reader = PythonUnitReader(stream: stream, context: context)
        reader.run()
    }
}

extension LexDialect {
    /// `#` comments, `//` floor division, triple quotes and f-strings, indentation kept.
    static let python = LexDialect(name: "python", forms: [.lineComment(marker: [0x23], continuesOverBackslash: false),
                                                           .floorDivision, .tripleQuotedStrings],
                                   emitsSpaces: true, expandsFStrings: true)
}
