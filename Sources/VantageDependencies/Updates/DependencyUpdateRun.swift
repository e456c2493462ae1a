import VantageCore

/// One `deps update`: the newer versions the ecosystems' tools know of, then (unless a dry run)
/// each group applied in a scratch copy and kept only if the tests pass. What `vantage deps update`
/// prints and the HTTP API's update operation ends with.
public struct DependencyUpdateRun: Encodable, Sendable {
    public var updates: [AvailableUpdate]
    public var groups: [UpdateApplier.GroupOutcome]

    public init(updates: [AvailableUpdate], groups: [UpdateApplier.GroupOutcome]) {
        self.updates = updates
        self.groups = groups
    }

    public static func run(folder: String, limit: UpdateType?, testCommand: String?, dryRun: Bool) throws(VantageError) -> DependencyUpdateRun {
        let updates = UpdateChecker(limit: limit).check(folder)
        let groups = dryRun ? [] : try UpdateApplier(testCommand: testCommand).apply(updates, in: folder)
        return DependencyUpdateRun(updates: updates, groups: groups)
    }
}
