import VantageCore

/// The column the Projects grid is sorted by (`<` and `>` move it, the header marks it, the title
/// says it). Each sorts the way a person looks for trouble: names A to Z, the busiest CPU and the
/// largest memory first, the worst health, the most debt and the states that need attention first.
/// Projects stay under their host, engine and compose headings; the sort applies within each.
public enum GridSort: String, CaseIterable, Sendable {
    case name, kind, status, cpu, memory, health, debt

    /// The grid's column (`ProjectGrid`'s table) this sorts by.
    public var column: Int {
        switch self {
        case .name: 0
        case .kind: 1
        case .status: 2
        case .cpu: 3
        case .memory: 4
        case .health: 5
        case .debt: 6
        }
    }

    /// Largest first (the header's down arrow), or smallest first.
    public var descending: Bool {
        switch self {
        case .cpu, .memory, .debt: true
        case .name, .kind, .status, .health: false
        }
    }

    /// "CPU", "memory": for the title and messages.
    public var label: String {
        switch self {
        case .cpu: "CPU"
        default: rawValue
        }
    }

    /// The next column to the right (`>`) or left (`<`); past either end, the grid's own order (nil).
    public static func step(_ current: GridSort?, forward: Bool) -> GridSort? {
        let all = allCases
        guard let current, let i = all.firstIndex(of: current) else { return forward ? all.first : all.last }
        let j = forward ? i + 1 : i - 1
        return all.indices.contains(j) ? all[j] : nil
    }

    /// Attention order of the states: failed first, stopped last.
    static func rank(_ state: RunState) -> Int {
        switch state {
        case .failed: 0
        case .lost: 1
        case .backoff: 2
        case .starting: 3
        case .stopping: 4
        case .paused: 5
        case .running: 6
        case .ready: 7
        case .external: 8
        case .stopped: 9
        }
    }

    /// Largest first once `reversed` (`I`) is applied to the column's own direction.
    public func descending(reversed: Bool) -> Bool { descending != reversed }

    /// "sorted by CPU, largest first", "sorted by name, Z to A": what the footer says after `<`,
    /// `>` or `I`.
    public func summary(reversed: Bool) -> String {
        let down = descending(reversed: reversed)
        let order: String
        switch self {
        case .name, .kind: order = down ? "Z to A" : "A to Z"
        case .status: order = down ? "stopped first" : "failed first"
        case .health: order = down ? "healthiest first" : "least healthy first"
        case .cpu, .memory, .debt: order = down ? "largest first" : "smallest first"
        }
        return "sorted by \(label), \(order)"
    }

    /// True when `a` comes before `b` by this column in `s` (unknown values last, then by name);
    /// `reversed` turns the column's own direction (names Z to A, the idlest CPU first).
    func before(_ a: Project, _ b: Project, in s: AppState, reversed: Bool = false) -> Bool {
        func figure(_ p: Project) -> Double? {
            let up = s.runState(p.id).isUp
            switch self {
            case .name, .kind: return nil
            case .status: return Double(Self.rank(s.runState(p.id)))
            case .cpu: return up ? s.samples[p.id]?.cpuPercent : nil
            case .memory: return up ? s.samples[p.id].map { Double($0.rssBytes) } : nil
            case .health: return s.health(of: p.id).value.map(Double.init)
            case .debt: return s.insights[p.id].map { Double($0.debt.minutes) }
            }
        }
        switch self {
        case .name:
            let x = (a.name.lowercased(), a.path), y = (b.name.lowercased(), b.path)
            return reversed ? x > y : x < y
        case .kind:
            if a.primaryKind != b.primaryKind { return reversed ? a.primaryKind.rawValue > b.primaryKind.rawValue : a.primaryKind.rawValue < b.primaryKind.rawValue }
            return (a.name.lowercased(), a.path) < (b.name.lowercased(), b.path)
        default:
            let x = figure(a), y = figure(b)
            if let x, let y, x != y { return descending(reversed: reversed) ? x > y : x < y }
            if (x == nil) != (y == nil) { return x != nil }
            return (a.name.lowercased(), a.path) < (b.name.lowercased(), b.path)
        }
    }
}
