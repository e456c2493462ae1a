/// One diagnosis of an error, with what to do about it.
public struct Suggestion: Codable, Sendable, Equatable {
    public var problem: ProblemKind
    public var title: String
    public var explanation: String
    /// 0...1: the built-in rule's confidence, moved by learned outcomes of the same fix.
    public var confidence: Double
    /// The fix Vantage can apply, when one is safe.
    public var automated: FixAction?
    /// The line of the error text that matched.
    public var evidence: String

    public init(problem: ProblemKind, title: String, explanation: String, confidence: Double,
                automated: FixAction? = nil, evidence: String) {
        self.problem = problem
        self.title = title
        self.explanation = explanation
        self.confidence = confidence
        self.automated = automated
        self.evidence = evidence
    }

    /// The error signature learned fixes are keyed by: the problem kind.
    public var signature: String { problem.rawValue }
}
