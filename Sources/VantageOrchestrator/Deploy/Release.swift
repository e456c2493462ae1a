import Foundation

/// One folder under a deploy's `releases/`: its UTC id (`20261207123456`, `.2` and up when two are
/// made in the same second), the commit it was built from and where it stands.
public struct Release: Sendable, Equatable, Codable {
    public var id: String
    public var path: String
    /// The full commit id written to the release's `REVISION` file; nil when the file is missing.
    public var commit: String?
    /// When the release was made (from its id).
    public var created: Date?
    /// `current` points here.
    public var isCurrent: Bool
    /// The release just before the current one: what `vantage rollback` goes back to.
    public var isPrevious: Bool

    public init(id: String, path: String, commit: String?, created: Date?, isCurrent: Bool, isPrevious: Bool) {
        self.id = id
        self.path = path
        self.commit = commit
        self.created = created
        self.isCurrent = isCurrent
        self.isPrevious = isPrevious
    }
}
