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

    /// Where a proposal is in its life: the council proposes it, the user accepts or rejects it
    /// (once), an accepted one with an automatic action is carried out, and its outcome is judged.
    public enum Status: String, Codable, Sendable, Equatable {
        /// Waiting for the user's answer (whatever the council's vote said).
        case proposed
        /// Accepted; carried out by hand (the outcome says what to do) or about to be carried out.
        case accepted
        case rejected
        /// Accepted and carried out; its outcome is not judged yet.
        case carriedOut = "carried out"
        /// Carried out, and it helped.
        case worked
        /// Carried out, and it did not help.
        case failed
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
    /// The council's recommendation: the weighted vote reached its threshold. Not a decision:
    /// only the user accepts or rejects (`status`).
    public var passed: Bool
    public var votes: [Vote]
    public var status: Status
    /// What happened, for a person: "restarted; ready again after 2 s", "to do by hand: …".
    public var outcome: String?

    public init(advisor: String, project: ProjectID, projectName: String, action: String, rationale: String,
                score: Double, passed: Bool, votes: [Vote], status: Status = .proposed, outcome: String? = nil) {
        self.status = status
        self.outcome = outcome
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
