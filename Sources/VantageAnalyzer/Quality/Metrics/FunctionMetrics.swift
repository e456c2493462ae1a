/// The measurements of one function unit. Field meanings follow lizard's
/// (`nloc`, `ccn`, `tokenCount`, `parameterCount`, start/end line), plus cognitive
/// complexity and the deepest block nesting inside the unit.
public struct FunctionMetrics: Codable, Sendable, Equatable {
    public var name: String
    public var longName: String
    public var startLine: Int
    public var endLine: Int
    public var nloc: Int
    public var ccn: Int
    public var tokenCount: Int
    public var parameterCount: Int
    public var cognitiveComplexity: Int
    public var maxNestingDepth: Int

    /// Lines from start to end inclusive (lizard's `length`).
    public var length: Int { endLine - startLine + 1 }

    public init(name: String, longName: String, startLine: Int, endLine: Int, nloc: Int, ccn: Int,
                tokenCount: Int, parameterCount: Int, cognitiveComplexity: Int = 0, maxNestingDepth: Int = 0) {
        self.name = name
        self.longName = longName
        self.startLine = startLine
        self.endLine = endLine
        self.nloc = nloc
        self.ccn = ccn
        self.tokenCount = tokenCount
        self.parameterCount = parameterCount
        self.cognitiveComplexity = cognitiveComplexity
        self.maxNestingDepth = maxNestingDepth
    }
}
