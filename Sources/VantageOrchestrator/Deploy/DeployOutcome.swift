import Foundation

/// What a deploy or a rollback did, for `vantage deploy` / `vantage rollback` (and `--json`).
public struct DeployOutcome: Codable, Sendable, Equatable {
    public var project: String
    /// The release the project runs from afterwards (nil when nothing is deployed).
    public var current: String?
    /// The release made by this deploy, or gone to by this rollback.
    public var release: String?
    public var commit: String?
    public var steps: [StepReport]
    /// `current` was switched to the new release (it may have been switched back: `rolledBack`).
    public var switched: Bool
    /// The healthcheck failed after the switch and `current` went back to the release before.
    public var rolledBack: Bool
    public var succeeded: Bool
    /// What happened and what to do next, for a person.
    public var message: String

    public init(project: String, current: String?, release: String?, commit: String?, steps: [StepReport], switched: Bool,
                rolledBack: Bool, succeeded: Bool, message: String) {
        self.project = project
        self.current = current
        self.release = release
        self.commit = commit
        self.steps = steps
        self.switched = switched
        self.rolledBack = rolledBack
        self.succeeded = succeeded
        self.message = message
    }
}
