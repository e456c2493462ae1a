import VantageCore

/// What `vantage deps list --json` prints and the HTTP API's `/dependencies/{project}/list` answers.
public struct DependencyListing: Encodable, Sendable {
    /// A file that could not be read, with where.
    public struct ReadError: Encodable, Sendable {
        public var file: String?
        public var line: Int?
        public var field: String?
        public var message: String
        public init(_ e: VantageError) { file = e.location?.file; line = e.location?.line; field = e.location?.field; message = e.message + (e.hint.map { " (\($0))" } ?? "") }
    }

    public var dependencies: [PackageDependency]
    public var skipped: [SkippedDependency]
    public var errors: [ReadError]

    public init(_ inventory: DependencyInventory) {
        dependencies = inventory.dependencies
        skipped = inventory.skipped
        errors = inventory.errors.map(ReadError.init)
    }
}
