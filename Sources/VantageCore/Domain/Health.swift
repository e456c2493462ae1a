/// A project's health, 0–100, and why it is not 100: the one formula behind the grid, the details
/// overlay and `vantage ps`.
///
/// Health describes a project that runs, or that should run and does not:
///
///     stopped, stopping or paused:  no value ("n/a"): nothing runs to be healthy or not
///     100
///     - state:     failed 60, lost 50, backoff 40; running but not ready yet 10
///     - restarts:  5 per crash in the last hour, at most 20
///     - errors:    15 per error in the last 10 minutes, at most 45
///     - warnings:  5 per warning in the last 10 minutes, at most 15
///     - CPU:       above 50 % of a core, half the excess, at most 20; counted only once the
///                  project is ready (or runs unsupervised): a build before readiness is work,
///                  not a symptom
///     - memory:    against its limit when it has one (over 90 % 20, over 75 % 10), else above
///                  10 % of the machine, the excess in points, at most 20
///     - OOM kills: 15 when the kernel killed it for memory
///     clamped to 0...100
public struct Health: Codable, Sendable, Equatable {
    /// nil when the project does not run ("n/a").
    public var value: Int?
    public var reasons: [String]

    /// The score as shown: "87", or "n/a".
    public var text: String { value.map(String.init) ?? "n/a" }

    public init(value: Int?, reasons: [String]) {
        self.value = value
        self.reasons = reasons
    }

    /// What the formula reads.
    public struct Inputs: Sendable, Equatable {
        public var state: RunState
        /// Crashes (restarts, backoffs, failures) in the last hour.
        public var recentRestarts = 0
        /// Error and warning lines or diagnostics in the last 10 minutes.
        public var recentErrors = 0
        public var recentWarnings = 0
        /// Share of one core, summed over the tree.
        public var cpuPercent: Double = 0
        public var rssBytes: UInt64 = 0
        public var memoryLimitBytes: UInt64?
        public var machineMemoryBytes: UInt64?
        public var oomKills = 0

        public init(state: RunState, recentRestarts: Int = 0, recentErrors: Int = 0, recentWarnings: Int = 0, cpuPercent: Double = 0,
                    rssBytes: UInt64 = 0, memoryLimitBytes: UInt64? = nil, machineMemoryBytes: UInt64? = nil, oomKills: Int = 0) {
            self.state = state
            self.recentRestarts = recentRestarts
            self.recentErrors = recentErrors
            self.recentWarnings = recentWarnings
            self.cpuPercent = cpuPercent
            self.rssBytes = rssBytes
            self.memoryLimitBytes = memoryLimitBytes
            self.machineMemoryBytes = machineMemoryBytes
            self.oomKills = oomKills
        }
    }

    public static func of(_ i: Inputs) -> Health {
        switch i.state {
        case .stopped, .stopping, .paused:
            return Health(value: nil, reasons: ["\(i.state.rawValue): health is measured while a project runs"])
        default: break
        }
        var score = 100.0
        var reasons: [String] = []
        func take(_ points: Double, _ why: String) {
            guard points > 0 else { return }
            score -= points
            reasons.append("-\(Int(points.rounded())) \(why)")
        }
        switch i.state {
        case .failed: take(60, "state is failed")
        case .lost: take(50, "state is lost")
        case .backoff: take(40, "waiting to restart after a crash")
        case .running: take(10, "running but not ready yet")
        default: break
        }
        if i.recentRestarts > 0 { take(Double(min(20, 5 * i.recentRestarts)), "\(i.recentRestarts) crash\(i.recentRestarts == 1 ? "" : "es") in the last hour") }
        if i.recentErrors > 0 { take(Double(min(45, 15 * i.recentErrors)), "\(i.recentErrors) error\(i.recentErrors == 1 ? "" : "s") in the last 10 min") }
        if i.recentWarnings > 0 { take(Double(min(15, 5 * i.recentWarnings)), "\(i.recentWarnings) warning\(i.recentWarnings == 1 ? "" : "s") in the last 10 min") }
        if (i.state == .ready || i.state == .external) && i.cpuPercent > 50 {
            take(min(20, (i.cpuPercent - 50) / 2), "CPU at \(Int(i.cpuPercent.rounded())) % of a core")
        }
        if let limit = i.memoryLimitBytes, limit > 0, i.state.isUp {
            let ratio = Double(i.rssBytes) / Double(limit)
            if ratio > 0.9 { take(20, "memory at \(Int((ratio * 100).rounded())) % of its limit") }
            else if ratio > 0.75 { take(10, "memory at \(Int((ratio * 100).rounded())) % of its limit") }
        } else if let total = i.machineMemoryBytes, total > 0, i.state.isUp {
            let share = Double(i.rssBytes) / Double(total) * 100
            if share > 10 { take(min(20, share - 10), "memory at \(Int(share.rounded())) % of the machine") }
        }
        if i.oomKills > 0 { take(15, "killed for memory \(i.oomKills) time\(i.oomKills == 1 ? "" : "s")") }
        if reasons.isEmpty { reasons.append("no problems seen") }
        return Health(value: Int(min(100, max(0, score)).rounded()), reasons: reasons)
    }
}
