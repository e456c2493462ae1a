/// Everything `vantage analyze quality` measured under one root.
public struct QualityReport: Codable, Sendable {
    public var root: String
    public var files: [FileQuality]
    public var skipped: [SkippedFile]
    public var smells: [Smell]
    public var totals: QualityTotals

    public init(root: String, files: [FileQuality], skipped: [SkippedFile], smells: [Smell]) {
        self.root = root
        self.files = files
        self.skipped = skipped
        self.smells = smells
        self.totals = QualityTotals(files: files, smells: smells)
    }

    /// Every function with the file it is in, worst CCN first.
    public func worstFunctions(limit: Int) -> [(file: String, function: FunctionMetrics)] {
        let all = files.flatMap { file in file.functions.map { (file: file.path, function: $0) } }
        return Array(all.sorted {
            ($0.function.ccn, $0.function.nloc) > ($1.function.ccn, $1.function.nloc)
        }.prefix(limit))
    }
}

/// Project-wide aggregates.
public struct QualityTotals: Codable, Sendable, Equatable {
    public var files: Int
    public var functions: Int
    public var nloc: Int
    public var functionNLOC: Int
    public var averageCCN: Double
    public var maxCCN: Int
    public var averageCognitive: Double
    public var documentation: DocCoverage
    public var remediationMinutes: Int

    init(files: [FileQuality], smells: [Smell]) {
        let functions = files.flatMap(\.functions)
        self.files = files.count
        self.functions = functions.count
        nloc = files.reduce(0) { $0 + $1.nloc }
        functionNLOC = functions.reduce(0) { $0 + $1.nloc }
        averageCCN = functions.isEmpty ? 0 : Double(functions.reduce(0) { $0 + $1.ccn }) / Double(functions.count)
        maxCCN = functions.map(\.ccn).max() ?? 0
        averageCognitive = functions.isEmpty ? 0 : Double(functions.reduce(0) { $0 + $1.cognitiveComplexity }) / Double(functions.count)
        var docs = DocCoverage()
        for f in files { docs = docs + f.documentation }
        docs.undocumented = []
        documentation = docs
        remediationMinutes = smells.reduce(0) { $0 + $1.remediationMinutes }
    }
}
