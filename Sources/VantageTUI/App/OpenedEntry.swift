import Foundation
import VantageCore

/// A Timeline or Troubleshooting entry opened whole (`Enter`, or `F` on a problem with no automatic
/// fix): kept as it was when opened, so new entries arriving do not change what is read.
public struct OpenedEntry: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable {
        case timeline, troubleshooting
    }
    public var source: Source
    public var time: Date
    public var project: ProjectID?
    /// "error", "state", or "ERR x3 web" for a problem.
    public var label: String
    public var text: String
    /// The knowledge base's suggestion for a problem (each project's others come from the state).
    public var suggestion: TroubleshootingAdvice?

    public init(source: Source, time: Date, project: ProjectID?, label: String, text: String,
                suggestion: TroubleshootingAdvice? = nil) {
        self.source = source
        self.time = time
        self.project = project
        self.label = label
        self.text = text
        self.suggestion = suggestion
    }

    public init(_ e: TimelineEntry) {
        self.init(source: .timeline, time: e.time, project: e.project, label: e.kind.rawValue, text: e.text)
    }

    public init(_ e: LogPane.Entry) {
        let severity = e.severity == .error ? "error" : e.severity == .warning ? "warning" : "info"
        self.init(source: .troubleshooting, time: e.time, project: e.project,
                  label: severity + (e.count > 1 ? ", \(e.count) times" : "") + " from " + e.source, text: e.text,
                  suggestion: e.suggestion)
    }

    /// How many output lines before and after the entry's time are shown.
    public static let contextLines = 5

    /// The project's output lines around the entry's time: up to `contextLines` before it and as
    /// many from it on.
    public func outputAround(_ lines: [LogLine]) -> [LogLine] {
        let at = lines.firstIndex { $0.time >= time } ?? lines.count
        return Array(lines[max(0, at - Self.contextLines)..<min(lines.count, at + Self.contextLines)])
    }
}
