import VantageCore

/// What a key did: commands for the actors (possibly none, when only the screen changed), or why
/// it could not act, which the footer then says. No key ends without one of these.
public enum Outcome: Sendable, Equatable {
    case done([Command])
    case refused(String)
}

/// A one-line message in the footer: why a key did nothing, or what it did that the screen does
/// not show by itself. It stays until the next key.
public struct Notice: Sendable, Equatable {
    public var text: String
    public var role: StyleRole
    public init(_ text: String, role: StyleRole = .warn) {
        self.text = text
        self.role = role
    }
}
