import Foundation
import Synchronization
import VantageCore

/// A readiness `pattern` from `.vantage.toml`, matched against output lines with a time budget.
///
/// A user's regular expression can backtrack exponentially (`^(a+)+$` on 41 characters takes
/// hours). Matching runs on a thread of its own (never Swift's cooperative pool, which has one
/// thread per core), ICU reports progress while it works, and the match is abandoned when a line
/// takes longer than the budget or the waiting task is cancelled (a `stop`).
final class ReadinessPattern: @unchecked Sendable {
    enum Outcome: Sendable, Equatable {
        case matched
        case noMatch
        /// Matching this line went over the budget and was stopped.
        case overBudget(line: String)
    }

    static let budgetMillis = 100
    /// One matching at a time: a runaway pattern occupies one thread, never the pool.
    private static let queue = DispatchQueue(label: "vantage.readiness.pattern")

    let source: String
    // NSRegularExpression is immutable once made and documented as safe to share between threads.
    private let regex: NSRegularExpression

    init(_ source: String) throws(VantageError) {
        self.source = source
        do { regex = try NSRegularExpression(pattern: source) } catch {
            throw VantageError(.config, "not a valid regular expression: \(source)", at: SourceLocation(file: ".vantage.toml", field: "readiness.pattern"))
        }
    }

    /// Whether one of the lines matches, stopping at the first match, at a line over budget, or
    /// when the calling task is cancelled.
    func firstMatch(in lines: [String], budgetMillis: Int = ReadinessPattern.budgetMillis) async -> Outcome {
        guard !lines.isEmpty else { return .noMatch }
        let flag = CancelFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Outcome, Never>) in
                Self.queue.async {
                    c.resume(returning: self.match(lines, budgetMillis: budgetMillis, cancelled: { flag.value.load(ordering: .relaxed) }))
                }
            }
        } onCancel: {
            flag.value.store(true, ordering: .relaxed)
        }
    }

    /// The same, on the calling thread.
    func match(_ lines: [String], budgetMillis: Int, cancelled: @escaping () -> Bool) -> Outcome {
        for line in lines {
            if cancelled() { return .noMatch }
            let start = ContinuousClock.now
            let limit = Duration.milliseconds(budgetMillis)
            var found = false
            var over = false
            let range = NSRange(location: 0, length: (line as NSString).length)
            regex.enumerateMatches(in: line, options: [.reportProgress], range: range) { match, _, stop in
                if match != nil { found = true; stop.pointee = true; return }
                if cancelled() || ContinuousClock.now - start > limit { over = !cancelled(); stop.pointee = true }
            }
            if found { return .matched }
            if over { return .overBudget(line: line) }
        }
        return .noMatch
    }
}

/// Set when the task waiting for a match is cancelled; read by the matching thread.
private final class CancelFlag: Sendable {
    let value = Atomic<Bool>(false)
}
