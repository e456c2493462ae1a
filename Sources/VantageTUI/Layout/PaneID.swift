/// The five panes of the dashboard, in focus order (Tab moves forward through this order).
public enum PaneID: String, CaseIterable, Sendable, Hashable, Codable {
    case projects, metrics, graph, timeline, troubleshooting

    /// The word each pane's title starts with (tests and tmux checks look for these words).
    public var title: String {
        switch self {
        case .projects: return "Projects"
        case .metrics: return "Metrics"
        case .graph: return "Graph"
        case .timeline: return "Timeline"
        case .troubleshooting: return "Troubleshooting"
        }
    }

    public var next: PaneID {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public var previous: PaneID {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
    }
}
