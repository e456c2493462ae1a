import Foundation
import GRDB
import VantageCore

extension Store {
    /// Persists a batch of bus events in one transaction: samples become metric rows, scans update
    /// the projects, timeline entries and diagnostics are appended, and a state change becomes a
    /// timeline entry of kind `.state`. An analyzer insight is kept per project
    /// (the newest `InsightRows.keptPerProject`). Logs and graph frames are not stored here.
    public func persist(_ events: [Event], at time: Date) async throws {
        guard events.contains(where: EventRows.isStored) else { return }
        try await write("save \(events.count) events") { db in
            for event in events { try EventRows.apply(db, event, time: time) }
        }
    }
}

enum EventRows {
    /// The events the store keeps (the recorder subscribes to these only).
    static let storedKinds: Set<Event.Kind> = [.scanned, .systemSampled, .projectsSampled, .stateChanged, .timeline, .diagnostic, .insight]

    static func isStored(_ event: Event) -> Bool { storedKinds.contains(event.kind) }

    static func apply(_ db: Database, _ event: Event, time: Date) throws {
        switch event {
        case .scanned(let roots, let projects):
            _ = try ProjectRows.saveScan(db, roots: roots, projects: projects, duration: nil, time: time)
        case .systemSampled(let sample):
            try MetricRows.insert(db, system: sample)
        case .projectsSampled(let samples):
            try MetricRows.insert(db, projects: samples)
        case .stateChanged(let project, let from, let to):
            try TimelineRows.insert(db, TimelineEntry(time: time, kind: .state, project: project,
                                                      text: "\(project.displayName): \(from.rawValue) → \(to.rawValue)"))
        case .timeline(let entry):
            try TimelineRows.insert(db, entry)
        case .diagnostic(let diagnostic):
            try TimelineRows.insert(db, diagnostic)
        case .insight(let insight):
            try InsightRows.insert(db, insight)
        case .log, .graph, .discovered, .engine, .suggestions, .council, .environments, .throttled, .portsInUse, .schedule,
             .runStates, .pastTimeline, .metricHistory, .host, .processes, .signalSent:
            break
        }
    }
}

