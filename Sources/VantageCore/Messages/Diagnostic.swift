import Foundation

/// A warning or error for the Troubleshooting pane: from Vantage itself or from a project's output.
public struct Diagnostic: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }
    public var time: Date
    public var severity: Severity
    /// Where it came from: "vantage", a project name, or a file path.
    public var source: String
    public var project: ProjectID?
    public var message: String

    public init(time: Date, severity: Severity, source: String, project: ProjectID? = nil, message: String) {
        self.time = time
        self.severity = severity
        self.source = source
        self.project = project
        self.message = message
    }
}
