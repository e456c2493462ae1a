import Foundation
import VantageCore
import VantageStore

/// Listens to the bus and remembers every `Event.timeline` entry of kind `.decision` as a
/// `DecisionRecord` in the store.
///
/// A timeline entry carries no author, so the actor is read from a leading "user:", "advisor:"
/// or "orchestrator:" in its text (the prefix is removed); otherwise it is the orchestrator.
/// A " because " in the text splits what was decided from why.
public actor MemoryRecorder {
    private let store: Store
    private var task: Task<Void, Never>?
    /// Decisions stored so far, and failures to store one (the recorder keeps going).
    public private(set) var recorded = 0
    public private(set) var failures = 0

    public init(store: Store) { self.store = store }

    /// Starts listening to `bus` (subscribing before returning, so no later event is missed).
    public func start(bus: Bus) {
        guard task == nil else { return }
        let events = bus.events([.timeline])
        task = Task { [weak self] in
            for await event in events {
                guard case .timeline(let entry) = event, entry.kind == .decision else { continue }
                await self?.record(entry)
            }
        }
    }

    public func stop() {
        task?.cancel()
        task = nil
    }

    /// Stores one decision entry; entries of other kinds are ignored.
    public func record(_ entry: TimelineEntry) async {
        guard entry.kind == .decision else { return }
        do {
            try await store.append(decision: Self.decision(from: entry))
            recorded += 1
        } catch {
            failures += 1
        }
    }

    /// The decision a timeline entry describes.
    public static func decision(from entry: TimelineEntry) -> DecisionRecord {
        var text = entry.text.trimmingCharacters(in: .whitespaces)
        var actor = DecisionRecord.Actor.orchestrator
        for candidate in DecisionRecord.Actor.allCases where text.lowercased().hasPrefix(candidate.rawValue + ":") {
            actor = candidate
            text = text.dropFirst(candidate.rawValue.count + 1).trimmingCharacters(in: .whitespaces)
        }
        var why = ""
        if let range = text.range(of: " because ") {
            why = String(text[range.upperBound...])
            text = String(text[..<range.lowerBound])
        }
        return DecisionRecord(time: entry.time, actor: actor, what: text, why: why, project: entry.project)
    }
}
