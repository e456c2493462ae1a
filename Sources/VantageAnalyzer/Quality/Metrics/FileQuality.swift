/// The quality measurements of one source file.
public struct FileQuality: Codable, Sendable {
    /// Path as given to the analyzer (relative to the analysed root when a directory was given).
    public var path: String
    public var language: SourceLanguage
    /// Non-blank, non-comment lines of the whole file.
    public var nloc: Int
    public var tokenCount: Int
    public var lineCount: Int
    public var functions: [FunctionMetrics]
    /// Set when only part of the file could be analysed (time budget, "GENERATED CODE" marker).
    public var partialReason: String?
    public var documentation: DocCoverage

    public var averageCCN: Double {
        functions.isEmpty ? 0 : Double(functions.reduce(0) { $0 + $1.ccn }) / Double(functions.count)
    }
    public var maxCCN: Int { functions.map(\.ccn).max() ?? 0 }
}

/// A file the analyzer did not read, and why (for a person).
public struct SkippedFile: Codable, Sendable, Equatable, Error {
    public var path: String
    public var reason: String
}
