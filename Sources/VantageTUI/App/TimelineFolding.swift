import Foundation
import VantageCore

/// A crash loop writes a state change every second or two; the timeline shows such a run as one
/// line: "rust-cli restarted 5× in 6 s, now failed".
enum TimelineFolding {
    /// State changes of one project at most this far apart belong to one run.
    static let gap: TimeInterval = 30
    /// Runs shorter than this stay as they are.
    static let shortest = 4

    /// `entries` with every run of state changes of one project folded into one entry at the
    /// run's last time. Entries of other kinds or projects in between end a run.
    static func folded(_ entries: [TimelineEntry], names: [ProjectID: String]) -> [TimelineEntry] {
        var out: [TimelineEntry] = []
        var run: [TimelineEntry] = []
        func flush() {
            if run.count >= shortest, let first = run.first, let last = run.last, let project = last.project {
                out.append(TimelineEntry(time: last.time, kind: .state, project: project,
                                         text: summary(run, name: names[project] ?? project.rawValue, seconds: last.time.timeIntervalSince(first.time))))
            } else {
                out += run
            }
            run = []
        }
        for e in entries {
            if e.kind == .state, e.project != nil, let last = run.last, last.project == e.project,
               e.time.timeIntervalSince(last.time) <= gap {
                run.append(e)
            } else {
                flush()
                if e.kind == .state, e.project != nil { run = [e] } else { out.append(e) }
            }
        }
        flush()
        return out
    }

    /// The state a change went to: the word after its last arrow ("api: backoff → starting").
    static func target(_ e: TimelineEntry) -> String? {
        guard let arrow = e.text.range(of: "→", options: .backwards) else { return nil }
        let word = e.text[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
        return word.isEmpty ? nil : word
    }

    static func summary(_ run: [TimelineEntry], name: String, seconds: TimeInterval) -> String {
        let restarts = run.filter { target($0) == RunState.backoff.rawValue }.count
        let span = seconds < 120 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds / 60).rounded())) min"
        let what = restarts > 0 ? "restarted \(restarts)×" : "changed state \(run.count)×"
        return "\(name) \(what) in \(span)" + (run.last.flatMap(target).map { ", now \($0)" } ?? "")
    }
}
