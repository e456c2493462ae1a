import Foundation

/// How far back the Timeline pane looks from the newest time seen: zoom in narrows it, zoom out
/// widens it (all → 1 day → 1 h → 5 min).
public enum TimelineWindow: String, Sendable, Equatable, CaseIterable {
    case all, day, hour, fiveMinutes

    /// The window's length, nil for everything.
    public var seconds: TimeInterval? {
        switch self {
        case .all: nil
        case .day: 86_400
        case .hour: 3_600
        case .fiveMinutes: 300
        }
    }

    /// As the pane title says it ("last 1 h").
    public var label: String {
        switch self {
        case .all: "all time"
        case .day: "last 1 day"
        case .hour: "last 1 h"
        case .fiveMinutes: "last 5 min"
        }
    }

    public var narrower: TimelineWindow {
        let all = Self.allCases
        return all[min(all.count - 1, all.firstIndex(of: self)! + 1)]
    }

    public var wider: TimelineWindow {
        let all = Self.allCases
        return all[max(0, all.firstIndex(of: self)! - 1)]
    }
}
