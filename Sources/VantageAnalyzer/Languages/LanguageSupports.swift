import VantageFormats

/// The table of languages the analyzer measures: one `LanguageSupport` per `SourceLanguage`.
enum LanguageSupports {
    static let all: [any LanguageSupport] = [
        PythonSupport(),
        SwiftSupport(),
        CFamilySupport(language: .c),
        CFamilySupport(language: .cpp),
        JavaSupport(),
        GoSupport(),
        RustSupport(),
        JavaScriptSupport(language: .javascript),
        JavaScriptSupport(language: .typescript),
    ]

    private static let byLanguage: [SourceLanguage: any LanguageSupport] = {
        var table: [SourceLanguage: any LanguageSupport] = [:]
        for support in all where table[support.language] == nil { table[support.language] = support }
        return table
    }()

    /// The support of `language` (the table has one for every case; `LanguageSupportTests` checks it).
    static func of(_ language: SourceLanguage) -> any LanguageSupport {
        guard let support = byLanguage[language] else {
            preconditionFailure("no LanguageSupport for \(language) in LanguageSupports.all")
        }
        return support
    }

    /// The practice scanner's line rules for a file's language: a measured language's own, or
    /// those of a language it only scans.
    static func practices(for language: ProgrammingLanguage) -> PracticeRules? {
        if let measured = SourceLanguage(rawValue: language.rawValue) { return of(measured).practices }
        return PracticeRules.scannedOnly[language]
    }
}
