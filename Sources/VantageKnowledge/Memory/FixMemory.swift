import Foundation
import VantageStore

/// Learned fixes: an error signature mapped to a fix, whose confidence (Wilson lower bound at
/// 95 %) is recomputed and stored after every outcome.
public struct FixMemory: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Records one outcome of applying `fix` to the error `signature`; returns the updated fix
    /// with its confidence history.
    @discardableResult
    public func record(signature: String, fix: String, succeeded: Bool, at time: Date) async throws -> LearnedFixRecord {
        try await store.recordFixOutcome(signature: signature, fix: fix, succeeded: succeeded, time: time) { s, f in
            WilsonScore.lowerBound(successes: s, failures: f)
        }
    }

    /// Every learned fix with its history.
    public func all() async throws -> [LearnedFixRecord] { try await store.learnedFixes() }
}
