import Foundation

/// A rate as users write it: `10/min`, `1/s`, `30/h` (also `/sec`, `/m`, `/hour`). The one rate
/// reader, for `[[notify]] rate_limit`.
public struct RateLimit: Sendable, Equatable {
    /// At most this many …
    public var count: Int
    /// … in any window of this many seconds.
    public var seconds: Int

    public init(count: Int, seconds: Int) {
        self.count = count
        self.seconds = seconds
    }

    /// "10/min".
    public var text: String {
        switch seconds {
        case 1: "\(count)/s"
        case 60: "\(count)/min"
        default: "\(count)/h"
        }
    }

    /// The rate, or why the text is not one. Counts run from 1 to 100,000 (never a trap).
    public static func parse(_ text: String) -> Result<RateLimit, RateLimitProblem> {
        let parts = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(RateLimitProblem("\"\(text)\" is not a rate: write COUNT/UNIT, e.g. \"10/min\"")) }
        let countText = parts[0].trimmingCharacters(in: .whitespaces)
        guard !countText.isEmpty, countText.allSatisfy(\.isASCII), countText.allSatisfy(\.isNumber),
              countText.count <= 6, let count = Int(countText), (1...100_000).contains(count) else {
            return .failure(RateLimitProblem("\"\(text)\": the count before '/' must be a whole number from 1 to 100000"))
        }
        let seconds: Int
        switch parts[1].trimmingCharacters(in: .whitespaces) {
        case "s", "sec", "second": seconds = 1
        case "m", "min", "minute": seconds = 60
        case "h", "hour": seconds = 3600
        default: return .failure(RateLimitProblem("\"\(text)\": the unit after '/' must be s, min or h"))
        }
        return .success(RateLimit(count: count, seconds: seconds))
    }
}

public struct RateLimitProblem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
