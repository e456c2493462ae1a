import VantageCore

/// A project's health as the screen draws it: Core's one formula (`Health`, also behind
/// `vantage ps`), read from what the screen knows (state, the latest sample, recent errors and
/// warnings), and the role it is drawn in.
public struct HealthScore: Sendable, Equatable {
    /// nil when the project does not run: drawn as "n/a".
    public var value: Int?
    public var reasons: [String]

    /// How far back errors and warnings count, in seconds.
    public static let recentWindow: Double = 600

    public static func compute(state: RunState, sample: ProjectSample?, recentErrors: Int, recentWarnings: Int,
                               memTotalBytes: UInt64?) -> HealthScore {
        let health = Health.of(Health.Inputs(state: state, recentErrors: recentErrors, recentWarnings: recentWarnings,
                                             cpuPercent: sample?.cpuPercent ?? 0, rssBytes: sample?.rssBytes ?? 0,
                                             machineMemoryBytes: memTotalBytes))
        return HealthScore(value: health.value, reasons: health.reasons)
    }

    /// The score as drawn: "87" or "n/a".
    public var text: String { value.map(String.init) ?? "n/a" }

    /// The role the score is drawn in.
    public var role: StyleRole {
        guard let value else { return .muted }
        return value >= 80 ? .ok : value >= 50 ? .warn : .error
    }
}
