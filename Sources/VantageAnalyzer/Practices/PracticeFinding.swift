import VantageCore

/// The project practices Vantage checks.
public enum Practice: String, Codable, Sendable, CaseIterable {
    case readme, license, tests, ci, lockFile = "lock-file", gitignore, pinnedToolchain = "pinned-toolchain"

    /// Minutes to put the practice in place (a remediation estimate for the debt).
    public var remediationMinutes: Int {
        switch self {
        case .readme: return 30
        case .license: return 15
        case .tests: return 60
        case .ci: return 30
        case .lockFile: return 10
        case .gitignore: return 5
        case .pinnedToolchain: return 10
        }
    }
}

/// A practice a project lacks, with what to do about it.
public struct PracticeFinding: Codable, Sendable, Equatable {
    public var practice: Practice
    /// The file or folder that would fix it, relative to the project root (such as `LICENSE`).
    public var file: String
    public var message: String
    public var suggestion: String
    public var remediationMinutes: Int

    public init(practice: Practice, file: String, message: String, suggestion: String) {
        self.practice = practice
        self.file = file
        self.message = message
        self.suggestion = suggestion
        self.remediationMinutes = practice.remediationMinutes
    }

    public var remediationItem: RemediationItem {
        RemediationItem(kind: "missing-\(practice.rawValue)", file: file, line: 0, minutes: remediationMinutes)
    }
}

/// The practice checks of one project.
public struct PracticeReport: Codable, Sendable, Equatable {
    /// Kinds detected from the manifests at the root.
    public var kinds: [ProjectKind]
    public var findings: [PracticeFinding]
    /// Practices in place.
    public var passed: [Practice]
}
