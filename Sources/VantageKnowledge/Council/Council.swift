import Foundation
import VantageCore

/// One proposal after the vote.
public struct Deliberation: Sendable, Equatable {
    public struct Vote: Sendable, Equatable {
        public var advisor: AdvisorRole
        /// -1 (against) ... 1 (for).
        public var value: Double
        public var weight: Double
    }
    public var proposal: Proposal
    /// One vote per advisor, in advisor order.
    public var votes: [Vote]
    /// The weighted mean of the votes, -1...1.
    public var score: Double
    /// True when `score` reaches the council's threshold.
    public var passed: Bool

    /// The decision as the timeline shows it (and as `MemoryRecorder` remembers it).
    public func timelineEntry(at time: Date) -> TimelineEntry {
        let tally = votes.map { "\($0.advisor.rawValue) \(String(format: "%+.2f", $0.value))" }.joined(separator: ", ")
        let verdict = passed ? "proposes" : "rejects"
        return TimelineEntry(time: time, kind: .decision, project: proposal.project,
                             text: "advisor: council \(verdict) \(proposal.action.summary) for \(proposal.projectName) "
                                 + "(score \(String(format: "%.2f", score)); \(tally)) because \(proposal.rationale)")
    }
}

/// The council of four advisors. Each proposes actions for each project; every advisor votes on
/// every proposal from its own concern (`Advisor.assess`); the weighted mean decides.
///
/// Weights start at 1 and are learned from the outcomes of accepted proposals: after an outcome,
/// each advisor's weight is multiplied by `exp(learningRate × vote × (+1 success | −1 failure))`
/// and kept within 0.1...10, so advisors who backed what worked count more.
public struct Council: Sendable, Equatable {
    public static let threshold = 0.2
    public static let learningRate = 0.5
    public private(set) var weights: [AdvisorRole: Double]

    public init(weights: [AdvisorRole: Double] = [:]) {
        var w: [AdvisorRole: Double] = [:]
        for role in AdvisorRole.allCases { w[role] = min(10, max(0.1, weights[role] ?? 1)) }
        self.weights = w
    }

    /// Every proposal for every project, voted; passed ones first, then by score, advisor, project.
    public func deliberate(_ projects: [ProjectHealth]) -> [Deliberation] {
        var result: [Deliberation] = []
        for health in projects {
            for role in AdvisorRole.allCases {
                for proposal in Advisor.propose(role, for: health) {
                    result.append(vote(on: proposal, health))
                }
            }
        }
        return result.sorted { a, b in
            if a.passed != b.passed { return a.passed }
            if a.score != b.score { return a.score > b.score }
            if a.proposal.advisor != b.proposal.advisor { return a.proposal.advisor < b.proposal.advisor }
            return a.proposal.project < b.proposal.project
        }
    }

    public func vote(on proposal: Proposal, _ health: ProjectHealth) -> Deliberation {
        let votes = AdvisorRole.allCases.map { role in
            // The proposer votes its own score; the others judge the action.
            let value = role == proposal.advisor ? proposal.score : Advisor.assess(role, proposal.action, on: health)
            return Deliberation.Vote(advisor: role, value: value, weight: weights[role] ?? 1)
        }
        let total = votes.map(\.weight).reduce(0, +)
        let score = votes.map { $0.value * $0.weight }.reduce(0, +) / total
        return Deliberation(proposal: proposal, votes: votes, score: score, passed: score >= Self.threshold - 1e-9)  // a score of exactly the threshold passes despite rounding
    }

    /// Learns from the outcome of an accepted proposal.
    public mutating func learn(from deliberation: Deliberation, succeeded: Bool) {
        for vote in deliberation.votes {
            let current = weights[vote.advisor] ?? 1
            let factor = exp(Self.learningRate * vote.value * (succeeded ? 1 : -1))
            weights[vote.advisor] = min(10, max(0.1, current * factor))
        }
    }
}
