/// One thing to fix and what fixing it costs: a smell, an anti-pattern, a missing practice.
///
/// The debt calculator takes any list of these, so every check (quality's smells, the anti-pattern
/// scanner, the practice checker) feeds it without the calculator depending on them.
public struct RemediationItem: Codable, Sendable, Equatable {
    /// What kind of finding, such as `long-function`, `catch-all`, `missing-license`.
    public var kind: String
    /// Path of the file (relative to the project root), or the project root for project-wide findings.
    public var file: String
    /// 1-based line, or 0 for a file- or project-wide finding.
    public var line: Int
    /// Estimated minutes to fix.
    public var minutes: Int

    public init(kind: String, file: String, line: Int, minutes: Int) {
        self.kind = kind
        self.file = file
        self.line = line
        self.minutes = minutes
    }
}
