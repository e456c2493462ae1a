/// A token as the JavaScript readers compare it: by spelling, with the spellings the
/// readers test most often also as a small code (cheaper than comparing strings).
struct JSTok {
    enum Code: UInt8 {
        case other, kwStatic, kwAsync, kwNew, question, colon, dot, optionalDot, kwFunction
        case kwIf, kwSwitch, kwFor, kwWhile, kwCatch, kwElse, kwDo, kwTry, kwFinal, arrow, assign
        case lparen, rparen, lbracket, rbracket, lbrace, rbrace, semicolon, comma, backtick
        case kwDeclare, kwType, kwInterface, kwAbstract, kwGet, kwSet, lt, star, templateOpen
    }

    private static let codes: [String: Code] = [
        "static": .kwStatic, "async": .kwAsync, "new": .kwNew, "?": .question, ":": .colon, ".": .dot,
        "?.": .optionalDot, "function": .kwFunction, "if": .kwIf, "switch": .kwSwitch, "for": .kwFor,
        "while": .kwWhile, "catch": .kwCatch, "else": .kwElse, "do": .kwDo, "try": .kwTry, "final": .kwFinal,
        "=>": .arrow, "=": .assign, "(": .lparen, ")": .rparen, "[": .lbracket, "]": .rbracket, "{": .lbrace,
        "}": .rbrace, ";": .semicolon, ",": .comma, "`": .backtick, "declare": .kwDeclare, "type": .kwType,
        "interface": .kwInterface, "abstract": .kwAbstract, "get": .kwGet, "set": .kwSet, "<": .lt, "*": .star,
        "${": .templateOpen,
    ]

    let text: String
    let code: Code

    init(text: String) {
        self.text = text
        code = Self.codes[text] ?? .other
    }

    init(text: String, kind: TokenKind, flags: UInt8) {
        self.text = text
        switch kind {
        case .kwStatic: code = .kwStatic
        case .kwAsync: code = .kwAsync
        case .kwNew: code = .kwNew
        case .question: code = .question
        case .colon: code = .colon
        case .dot: code = flags & TokenFlag.gluedSuffix != 0 ? .optionalDot : .dot
        case .kwFunction: code = .kwFunction
        case .kwIf: code = .kwIf
        case .kwSwitch: code = .kwSwitch
        case .kwFor: code = .kwFor
        case .kwWhile: code = .kwWhile
        case .kwCatch: code = .kwCatch
        case .kwElse: code = .kwElse
        case .kwDo: code = .kwDo
        case .kwTry: code = .kwTry
        case .kwFinal: code = .kwFinal
        case .fatArrow: code = .arrow
        case .assign: code = .assign
        case .lparen: code = .lparen
        case .rparen: code = .rparen
        case .lbracket: code = .lbracket
        case .rbracket: code = .rbracket
        case .lbrace: code = .lbrace
        case .rbrace: code = .rbrace
        case .semicolon: code = .semicolon
        case .comma: code = .comma
        case .backtick: code = .backtick
        case .kwType: code = .kwType
        case .kwInterface: code = .kwInterface
        case .kwAbstract: code = .kwAbstract
        case .kwGet: code = .kwGet
        case .kwSet: code = .kwSet
        case .lt: code = .lt
        case .star: code = .star
        case .identifier where text.utf8.count == 7 && text == "declare": code = .kwDeclare
        case .symbol where flags & TokenFlag.templateOpen != 0: code = .templateOpen
        default: code = .other
        }
    }
}
