import VantageCore

/// The environments one project has (`development`, `.env.NAME` files, `[env.NAME]` sections) and
/// the one it uses, as the supervisor last reported them (`Event.environments`).
public struct EnvironmentList: Sendable, Equatable {
    public var available: [String]
    public var current: String

    public init(available: [String], current: String) {
        self.available = available
        self.current = current
    }

    /// "development, staging and production".
    public var names: String {
        available.count <= 1 ? available.joined() : available.dropLast().joined(separator: ", ") + " and " + available.last!
    }
}
