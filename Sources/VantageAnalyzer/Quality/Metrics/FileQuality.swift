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
    /// Aggregates over the file's functions (0 without functions).
    public var averageCCN: Double
    public var maxCCN: Int
    public var averageNLOC: Double

    public init(path: String, language: SourceLanguage, nloc: Int, tokenCount: Int, lineCount: Int,
                functions: [FunctionMetrics], partialReason: String?, documentation: DocCoverage) {
        self.path = path
        self.language = language
        self.nloc = nloc
        self.tokenCount = tokenCount
        self.lineCount = lineCount
        self.functions = functions
        self.partialReason = partialReason
        self.documentation = documentation
        let count = Double(max(1, functions.count))
        averageCCN = functions.isEmpty ? 0 : Double(functions.reduce(0) { $0 + $1.ccn }) / count
        maxCCN = functions.map(\.ccn).max() ?? 0
        averageNLOC = functions.isEmpty ? 0 : Double(functions.reduce(0) { $0 + $1.nloc }) / count
    }
}

/// A file the analyzer did not read, and why (for a person).
public struct SkippedFile: Codable, Sendable, Equatable, Error {
    public var path: String
    public var reason: String
}
