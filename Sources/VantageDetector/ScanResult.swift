import Foundation
import VantageCore

/// What a scan found: the projects, and a warning for every manifest it could not fully read.
/// A malformed manifest never hides a project or stops the scan; it only adds a warning here.
public struct ScanResult: Sendable, Equatable {
    /// Every project found, sorted by path.
    public var projects: [Project]
    /// Problems in users' files, each naming the file and, where known, the line and field.
    public var warnings: [VantageError]

    public init(projects: [Project] = [], warnings: [VantageError] = []) {
        self.projects = projects
        self.warnings = warnings
    }

    /// The warnings as Troubleshooting-pane diagnostics (severity warning, source = the file).
    public func diagnostics(at time: Date) -> [Diagnostic] {
        warnings.map { warning in
            Diagnostic(time: time, severity: .warning, source: warning.location?.file ?? "vantage scan",
                       message: warning.description)
        }
    }
}
