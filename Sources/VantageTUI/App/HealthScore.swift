import VantageCore

/// A project's health from 0 to 100 and the reasons it is not 100. One formula, used by the grid
/// and explained by the details overlay:
///
///     100
///     - state:    failed 60, lost 50, backoff 40 (stopped, running and the rest: 0)
///     - errors:   15 per error in the last 10 minutes, at most 45
///     - warnings: 5 per warning in the last 10 minutes, at most 15
///     - CPU:      above 50 % of a core, half of the excess, at most 20
///     - memory:   above 10 % of the machine's memory, the excess in points, at most 20
///     clamped to 0...100
public struct HealthScore: Sendable, Equatable {
    public var value: Int
    public var reasons: [String]

    /// How far back errors and warnings count, in seconds.
    public static let recentWindow: Double = 600

    public static func compute(state: RunState, sample: ProjectSample?, recentErrors: Int, recentWarnings: Int,
                               memTotalBytes: UInt64?) -> HealthScore {
        var score = 100.0
        var reasons: [String] = []
        let statePenalty: Double = switch state {
        case .failed: 60
        case .lost: 50
        case .backoff: 40
        default: 0
        }
        if statePenalty > 0 { score -= statePenalty; reasons.append("-\(Int(statePenalty)) state is \(state.rawValue)") }
        if recentErrors > 0 {
            let p = min(45, 15 * recentErrors)
            score -= Double(p)
            reasons.append("-\(p) \(recentErrors) error\(recentErrors == 1 ? "" : "s") in the last 10 min")
        }
        if recentWarnings > 0 {
            let p = min(15, 5 * recentWarnings)
            score -= Double(p)
            reasons.append("-\(p) \(recentWarnings) warning\(recentWarnings == 1 ? "" : "s") in the last 10 min")
        }
        if let s = sample, state.isUp {
            if s.cpuPercent > 50 {
                let p = min(20, (s.cpuPercent - 50) / 2)
                score -= p
                reasons.append("-\(Int(p.rounded())) CPU at \(Formatting.percent(s.cpuPercent)) of a core")
            }
            if let total = memTotalBytes, total > 0 {
                let share = Double(s.rssBytes) / Double(total) * 100
                if share > 10 {
                    let p = min(20, share - 10)
                    score -= p
                    reasons.append("-\(Int(p.rounded())) memory at \(Formatting.percent(share)) of the machine")
                }
            }
        }
        let value = Int(min(100, max(0, score)).rounded())
        if reasons.isEmpty { reasons.append("no problems seen") }
        return HealthScore(value: value, reasons: reasons)
    }

    /// The role the score is drawn in.
    public var role: StyleRole { value >= 80 ? .ok : value >= 50 ? .warn : .error }
}
