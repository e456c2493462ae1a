/// Go: exported (capitalised) names documented by a comment that starts with the name.
struct GoSupport: LanguageSupport {
    let language = SourceLanguage.go
    let dialect = LexDialect.go
    let blocks = BlockSyntax.braces
    let publicity = Publicity.capitalisedName
    let practices = PracticeRules(commentPrefixes: PracticeRules.slashComments, printCalls: ["fmt.Println(", "fmt.Printf(", "fmt.Print(", "println("], hasBraceCatch: false)

    func readUnits(stream: TokenStream, context: UnitContext) {
        GoUnitReader.read(stream: stream, context: context)
    }

    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? {
        switch tokens[i].kind {
        case .kwFunc:
            var name = tokens.nextCode(after: i)
            if name < tokens.count, tokens[name].kind == .lparen {  // method receiver
                name = tokens.nextCode(after: tokens.closingParenthesis(from: name))
            }
            return Declaration(isFunction: true, nameIndex: name)
        case .kwType: return Declaration(isFunction: false, nameIndex: tokens.nextCode(after: i))
        default: return nil
        }
    }

    /// `// Name does …`, `// Deprecated: …`, or a block comment.
    func isDocComment(_ text: String, name: String) -> Bool {
        let body = text.drop(while: { $0 == "/" || $0 == " " })
        return text.hasPrefix("//") && (body.hasPrefix(name + " ") || body == name || body.hasPrefix("Deprecated"))
            || text.hasPrefix("/*")
    }
}

extension LexDialect {
    /// Go: backtick raw strings.
    static let go = LexDialect(name: "go", forms: [.rawStrings(delimiter: 0x60)])
}
