/// The one table from a file's extension to its programming language, used by the quality
/// analyzer (`SourceLanguage`, the languages it measures) and the practice scanner (its
/// `PracticeRules`). A `.h` header is C++ (docs/DECISIONS.md: C++ is the superset, and lizard
/// reads headers the same way).
public enum ProgrammingLanguage: String, Sendable, CaseIterable {
    case python, swift, c, cpp, java, kotlin, go, rust, javascript, typescript, csharp, ruby, php

    /// The extensions (lower case, without the dot) that mean this language.
    public var extensions: [String] {
        switch self {
        case .python: ["py", "pyw"]
        case .swift: ["swift"]
        case .c: ["c"]
        case .cpp: ["cpp", "cc", "cxx", "h", "hh", "hpp", "hxx"]
        case .java: ["java"]
        case .kotlin: ["kt", "kts"]
        case .go: ["go"]
        case .rust: ["rs"]
        case .javascript: ["js", "jsx", "mjs", "cjs"]
        case .typescript: ["ts", "tsx", "mts", "cts"]
        case .csharp: ["cs"]
        case .ruby: ["rb"]
        case .php: ["php"]
        }
    }

    private static let byExtension: [String: ProgrammingLanguage] = {
        var table: [String: ProgrammingLanguage] = [:]
        for language in allCases {
            for ext in language.extensions where table[ext] == nil { table[ext] = language }
        }
        return table
    }()

    /// The language of the file at `path`, from the extension of its last component.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        guard let language = Self.byExtension[path[path.index(after: dot)...].lowercased()] else { return nil }
        self = language
    }
}
