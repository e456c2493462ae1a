import Foundation
import VantageCore

/// Turns the bus's events into the notifications `[[notify]]` entries can send: an alert fired or
/// resolved (the timeline's `alert` entries), a crash (a project going into backoff, or failed for
/// good), a vulnerability the project's previous analysis did not list. The first analysis of a
/// project after start is its baseline: only vulnerabilities that appear after it are new.
public struct NotificationSource: Sendable {
    /// The event kinds `notifications(from:)` reads.
    public static let eventKinds: Set<Event.Kind> = [.scanned, .discovered, .timeline, .stateChanged, .insight]

    private var names: [ProjectID: String] = [:]
    private var vulnerabilities = VulnerabilityChanges()

    public init() {}

    /// `now`: the bus clock's time, for the notifications whose events carry none.
    public mutating func notifications(from event: Event, now: Date) -> [OutboundNotification] {
        switch event {
        case .scanned(_, let projects), .discovered(_, let projects):
            for p in projects { names[p.id] = p.name }
            return []
        case .timeline(let entry) where entry.kind == .alert:
            return [OutboundNotification(kind: .alert, time: entry.time, project: entry.project.map(name), text: entry.text)]
        case .stateChanged(let project, let from, let to):
            return crash(project, from: from, to: to, now: now).map { [$0] } ?? []
        case .insight(let insight):
            return newVulnerabilities(insight)
        default:
            return []
        }
    }

    private func name(_ id: ProjectID) -> String { names[id] ?? id.displayName }

    private func crash(_ project: ProjectID, from: RunState, to: RunState, now: Date) -> OutboundNotification? {
        // A stop asked for passes through `stopping`; a crash goes from a running state straight to backoff or failed.
        guard from.isUp, from != .stopping, from != .paused else { return nil }
        let text: String
        switch to {
        case .backoff: text = "crashed (was \(from.rawValue)); restarting with backoff"
        case .failed: text = "failed (was \(from.rawValue)); not restarted"
        default: return nil
        }
        return OutboundNotification(kind: .crash, time: now, project: name(project), text: text)
    }

    private mutating func newVulnerabilities(_ insight: ProjectInsight) -> [OutboundNotification] {
        guard let change = vulnerabilities.update(insight) else { return [] }
        return change.added.map { p in
            OutboundNotification(kind: .vulnerability, time: insight.time, project: name(insight.project),
                                 text: "new vulnerability: " + VulnerabilityChanges.describe(p))
        }
    }
}
