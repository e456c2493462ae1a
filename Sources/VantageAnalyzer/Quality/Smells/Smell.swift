/// A maintainability problem found in code, where it is, and how long fixing it
/// should take. The debt calculator sums `remediationMinutes` (SQALE).
public struct Smell: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case longFunction = "long-function"
        case highComplexity = "high-complexity"
        case tooManyParameters = "too-many-parameters"
        case deepNesting = "deep-nesting"
        case largeFile = "large-file"
        case godType = "god-type"
        case duplicatedBlock = "duplicated-block"
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var endLine: Int
    /// For a person: what is wrong and what to do.
    public var message: String
    public var remediationMinutes: Int

    public init(kind: Kind, file: String, line: Int, endLine: Int, message: String, remediationMinutes: Int) {
        self.kind = kind
        self.file = file
        self.line = line
        self.endLine = endLine
        self.message = message
        self.remediationMinutes = remediationMinutes
    }
}

/// Where the smells start, and what each costs to fix. Defaults follow common
/// tool defaults (lizard's CCN 15 and 1000-line files, SonarQube's 7 parameters
/// and nesting 4, CPD-style duplicates of at least 10 lines).
public struct SmellThresholds: Codable, Sendable, Equatable {
    public var functionNLOC = 60
    public var ccn = 15
    public var parameters = 7
    public var nestingDepth = 4
    public var fileNLOC = 1000
    public var typeMethods = 20
    public var typeNLOC = 500
    public var duplicateMinLines = 10
    public var duplicateMinTokens = 60

    public init() {}
}
