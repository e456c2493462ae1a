import Foundation

/// Something that happened, for the Timeline pane and the memory of decisions.
public struct TimelineEntry: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case scan, detection, state, decision, fix, analysis, error
        /// A scheduled job started or ended (`vantage schedule`).
        case schedule
        /// An alert rule of `vantage.toml` fired or resolved.
        case alert
    }
    public var time: Date
    public var kind: Kind
    /// The project concerned, if any.
    public var project: ProjectID?
    public var text: String

    public init(time: Date, kind: Kind, project: ProjectID? = nil, text: String) {
        self.time = time
        self.kind = kind
        self.project = project
        self.text = text
    }
}
