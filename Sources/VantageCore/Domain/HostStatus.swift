import Foundation

/// A host whose daemon a console is attached to: the local one, or one reached over SSH
/// (`--connect ssh://user@host`, `[[hosts]]` in `vantage.toml`). The grid shows a heading per host
/// and "disconnected, retrying" while it cannot be reached.
public struct HostStatus: Codable, Sendable, Equatable {
    /// The name projects are qualified with (`ProjectID.qualified(_:host:)`) and the grid shows.
    public var name: String
    /// Where it is reached: `ssh://user@host:port`, or the local control socket's path.
    public var address: String
    public var connected: Bool
    /// When it connected, or since when it cannot be reached.
    public var since: Date
    /// Why it is not connected (the ssh error, "the daemon stopped"), or nil.
    public var problem: String?

    public init(name: String, address: String, connected: Bool, since: Date, problem: String? = nil) {
        self.name = name
        self.address = address
        self.connected = connected
        self.since = since
        self.problem = problem
    }
}
