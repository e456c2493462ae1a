import Foundation
import VantageCore

/// A decision remembered: what was decided, by whom, why, from which inputs, and how it turned out.
public struct DecisionRecord: Codable, Sendable, Equatable {
    public enum Actor: String, Codable, Sendable, CaseIterable {
        case user, orchestrator, advisor
    }
    /// The row id once stored.
    public var id: Int64?
    public var time: Date
    public var actor: Actor
    public var what: String
    public var why: String
    public var inputs: [String]
    public var outcome: String?
    public var project: ProjectID?

    public init(id: Int64? = nil, time: Date, actor: Actor, what: String, why: String,
                inputs: [String] = [], outcome: String? = nil, project: ProjectID? = nil) {
        self.id = id
        self.time = time
        self.actor = actor
        self.what = what
        self.why = why
        self.inputs = inputs
        self.outcome = outcome
        self.project = project
    }
}

/// An error signature mapped to a fix, with its record of outcomes and the confidence after each.
public struct LearnedFixRecord: Codable, Sendable, Equatable {
    public struct ConfidencePoint: Codable, Sendable, Equatable {
        public var time: Date
        public var confidence: Double
        public init(time: Date, confidence: Double) {
            self.time = time
            self.confidence = confidence
        }
    }
    public var signature: String
    public var fix: String
    public var successes: Int
    public var failures: Int
    /// Oldest first: one point per recorded outcome.
    public var history: [ConfidencePoint]

    public init(signature: String, fix: String, successes: Int = 0, failures: Int = 0, history: [ConfidencePoint] = []) {
        self.signature = signature
        self.fix = fix
        self.successes = successes
        self.failures = failures
        self.history = history
    }

    /// The latest confidence, 0 before any outcome.
    public var confidence: Double { history.last?.confidence ?? 0 }
}
