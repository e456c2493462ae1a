import Foundation

/// Something worth telling people who are not looking at the screen: what the `[[notify]]` entries
/// of `vantage.toml` send to Slack, Discord or a webhook.
public struct OutboundNotification: Sendable, Equatable {
    /// The events a `[[notify]]` entry can subscribe to (`events = ["alert", "crash"]`).
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// An alert rule fired or was resolved.
        case alert
        /// A supervised project crashed (restarting with backoff) or was given up on.
        case crash
        /// A dependency vulnerability that the last analysis of the project did not have.
        case vulnerability
        /// A deployment or rollback ended.
        case deploy
        /// A backup ended, or failed.
        case backup
    }

    public var kind: Kind
    public var time: Date
    /// The project's name as the grid shows it; nil for the whole workspace.
    public var project: String?
    public var text: String

    public init(kind: Kind, time: Date, project: String?, text: String) {
        self.kind = kind
        self.time = time
        self.project = project
        self.text = text
    }
}
