import VantageFormats

/// A language the quality analyzer reads, chosen by file extension as lizard does. What the
/// analyzer does with each is its `LanguageSupport` (LanguageSupports.of).
public enum SourceLanguage: String, Codable, Sendable, CaseIterable {
    case python, swift, c, cpp, java, go, rust, javascript, typescript

    /// From `ProgrammingLanguage`'s extension table; the languages the analyzer does not measure are nil.
    public init?(path: String) {
        guard let language = ProgrammingLanguage(path: path), let measured = SourceLanguage(rawValue: language.rawValue) else { return nil }
        self = measured
    }
}
