/// A proposal of the council of advisors, after the vote, as the screen shows it.
public struct CouncilProposal: Codable, Sendable, Equatable {
    public struct Vote: Codable, Sendable, Equatable {
        /// The advisor's name ("security", "reliability", "performance", "maintainability").
        public var advisor: String
        /// -1 (against) ... 1 (for).
        public var value: Double
        public var weight: Double
        public init(advisor: String, value: Double, weight: Double) {
            self.advisor = advisor
            self.value = value
            self.weight = weight
        }
    }

    /// The advisor who proposed it.
    public var advisor: String
    public var project: ProjectID
    public var projectName: String
    /// What is proposed, for a person ("restart with backoff").
    public var action: String
    public var rationale: String
    /// The weighted mean of the votes, -1...1.
    public var score: Double
    public var passed: Bool
    public var votes: [Vote]

    public init(advisor: String, project: ProjectID, projectName: String, action: String, rationale: String,
                score: Double, passed: Bool, votes: [Vote]) {
        self.advisor = advisor
        self.project = project
        self.projectName = projectName
        self.action = action
        self.rationale = rationale
        self.score = score
        self.passed = passed
        self.votes = votes
    }
}
