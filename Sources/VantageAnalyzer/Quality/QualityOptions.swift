import VantageFormats

/// How `QualityAnalyzer` walks and reads files.
public struct QualityOptions: Sendable {
    /// Files larger than this are skipped with a reason (default 5 MB).
    public var maxFileBytes = 5 * 1024 * 1024
    /// Time allowed per file; a file that takes longer is reported as partially analysed.
    public var timeBudget: Duration = .seconds(2)
    /// Folders never entered: the one skip list and every hidden folder (`.hiddenOnly` enters
    /// the rest, as lizard does).
    public var skippedFolders = FolderSkipList.standardAndHidden
    /// Languages to read; all by default.
    public var languages: Set<SourceLanguage> = Set(SourceLanguage.allCases)
    public var findDuplicates = true
    /// Cognitive complexity and nesting depth per function.
    public var measureCognitive = true
    /// Documentation coverage per file.
    public var measureDocumentation = true
    /// Long function, complexity, parameter, nesting, file-size and god-type smells.
    public var detectSmells = true
    public var thresholds = SmellThresholds()

    public init() {}

    /// Only what lizard's columns need (CCN, NLOC, tokens, parameters, lines): the fastest pass.
    public static var lizardColumns: QualityOptions {
        var options = QualityOptions()
        options.findDuplicates = false
        options.measureCognitive = false
        options.measureDocumentation = false
        options.detectSmells = false
        return options
    }
}
