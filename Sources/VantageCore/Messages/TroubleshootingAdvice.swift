/// One suggestion for a problem seen in a project's output or in a diagnostic, as the screen shows
/// it: what to do, why, how sure the knowledge base is, and the fix Vantage could apply.
public struct TroubleshootingAdvice: Codable, Sendable, Equatable {
    /// The problem text the suggestion answers (a diagnostic's message or a log line).
    public var problem: String
    public var title: String
    public var explanation: String
    /// 0...1.
    public var confidence: Double
    /// The name of the automated fix ("reassign_port"), or nil when the fix is manual.
    public var automatedFix: String?
    /// What the automated fix acts on, when it names something (a missing variable's key).
    public var fixArgument: String?
    /// The learned fix's confidence after each recorded outcome, oldest first (empty before any).
    public var history: [Double]
    /// The kind of problem diagnosed ("missing_toolchain", "address_in_use"), when known.
    public var kind: String?

    public init(problem: String, title: String, explanation: String, confidence: Double, automatedFix: String? = nil,
                fixArgument: String? = nil, history: [Double] = [], kind: String? = nil) {
        self.kind = kind
        self.fixArgument = fixArgument
        self.history = history
        self.problem = problem
        self.title = title
        self.explanation = explanation
        self.confidence = min(1, max(0, confidence))
        self.automatedFix = automatedFix
    }

    /// The confidence as a whole percentage (82 for 0.82).
    public var percent: Int { Int((confidence * 100).rounded()) }
}
