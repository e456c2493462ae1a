/// Swift: `public`/`open` API documented with `///` or `/** */`.
struct SwiftSupport: LanguageSupport {
    let language = SourceLanguage.swift
    let dialect = LexDialect.swift
    let blocks = BlockSyntax.braces
    let flow = BraceFlowRules(doIsLoop: false, nestingKeywords: KindSet([.kwRepeat]))
    let visibilityKeywords = KindSet([.kwPublic, .kwOpen])
    let practices = PracticeRules(commentPrefixes: PracticeRules.slashComments, printCalls: ["print(", "debugPrint(", "dump("], hasBraceCatch: true)

    func readUnits(stream: TokenStream, context: UnitContext) {
        SwiftUnitReader.read(stream: stream, context: context)
    }

    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? {
        switch tokens[i].kind {
        case .kwFunc: Declaration(isFunction: true, nameIndex: tokens.nextCode(after: i))
        case .kwInit, .kwInitFailable, .kwSubscript: Declaration(isFunction: true, nameIndex: i)
        case .kwClass, .kwStruct, .kwEnum, .kwProtocol, .kwActor, .kwTypealias:
            Declaration(isFunction: false, nameIndex: tokens.nextCode(after: i))
        default: nil
        }
    }
}

extension LexDialect {
    /// Nested comments, raw / multi-line strings with interpolation, `#selector`, `` `name` ``,
    /// `??`, and optional suffixes.
    static let swift = LexDialect(name: "swift", forms: [.lineComment(marker: [0x2F, 0x2F], continuesOverBackslash: true),
                                                         .nestedBlockComments, .hashDelimitedStrings, .poundWords,
                                                         .backtickIdentifiers, .doubleQuestion],
                                  sharedBlockComments: false, optionalSuffixes: true)
}
