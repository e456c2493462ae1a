/// The coverage report formats Vantage reads.
public enum CoverageFormat: String, Codable, Sendable, CaseIterable {
    case lcov
    case cobertura
    case coveragePy = "coverage.py"
    case llvmCov = "llvm-cov"
}

/// Line and branch coverage of one source file.
public struct FileCoverage: Codable, Sendable, Equatable {
    public var file: String
    public var linesFound: Int
    public var linesHit: Int
    /// Branch counts, when the report has them.
    public var branchesFound: Int?
    public var branchesHit: Int?

    public init(file: String, linesFound: Int, linesHit: Int, branchesFound: Int? = nil, branchesHit: Int? = nil) {
        self.file = file
        self.linesFound = linesFound
        self.linesHit = linesHit
        self.branchesFound = branchesFound
        self.branchesHit = branchesHit
    }

    /// Share of lines hit (0...1), nil when the file has no instrumented lines.
    public var lineRate: Double? { linesFound > 0 ? Double(linesHit) / Double(linesFound) : nil }
    /// Share of branches taken (0...1), nil when there are none or the report has no branch data.
    public var branchRate: Double? {
        guard let found = branchesFound, let hit = branchesHit, found > 0 else { return nil }
        return Double(hit) / Double(found)
    }

    private enum CodingKeys: String, CodingKey {
        case file, linesFound, linesHit, branchesFound, branchesHit, lineRate, branchRate
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(linesFound, forKey: .linesFound)
        try c.encode(linesHit, forKey: .linesHit)
        try c.encodeIfPresent(branchesFound, forKey: .branchesFound)
        try c.encodeIfPresent(branchesHit, forKey: .branchesHit)
        try c.encodeIfPresent(lineRate, forKey: .lineRate)
        try c.encodeIfPresent(branchRate, forKey: .branchRate)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        linesFound = try c.decode(Int.self, forKey: .linesFound)
        linesHit = try c.decode(Int.self, forKey: .linesHit)
        branchesFound = try c.decodeIfPresent(Int.self, forKey: .branchesFound)
        branchesHit = try c.decodeIfPresent(Int.self, forKey: .branchesHit)
    }
}

/// A coverage report: per file and in total, whatever tool wrote it.
public struct CoverageReport: Codable, Sendable, Equatable {
    public var format: CoverageFormat
    /// Files sorted by path.
    public var files: [FileCoverage]
    /// All files summed; its `file` is `"TOTAL"`.
    public var total: FileCoverage

    public init(format: CoverageFormat, files: [FileCoverage]) {
        self.format = format
        self.files = files.sorted { $0.file < $1.file }
        let hasBranches = files.contains { $0.branchesFound != nil }
        total = FileCoverage(
            file: "TOTAL",
            linesFound: files.reduce(0) { $0 + $1.linesFound },
            linesHit: files.reduce(0) { $0 + $1.linesHit },
            branchesFound: hasBranches ? files.reduce(0) { $0 + ($1.branchesFound ?? 0) } : nil,
            branchesHit: hasBranches ? files.reduce(0) { $0 + ($1.branchesHit ?? 0) } : nil)
    }
}
