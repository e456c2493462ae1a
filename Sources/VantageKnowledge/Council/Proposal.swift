import VantageCore

/// The four advisors of the council.
public enum AdvisorRole: String, Codable, Sendable, CaseIterable, Comparable {
    case security, reliability, performance, maintainability
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// An action an advisor proposes for a project.
public enum ProposedAction: Codable, Sendable, Equatable, Hashable {
    case upgradeDependency(package: String, to: String?)
    case restartWithBackoff
    case raiseMemoryLimit
    case investigateCrashes
    case refactorHotspot(file: String)

    public var summary: String {
        switch self {
        case .upgradeDependency(let package, let to): "upgrade \(package)\(to.map { " to \($0)" } ?? "")"
        case .restartWithBackoff: "restart with backoff"
        case .raiseMemoryLimit: "raise the memory limit"
        case .investigateCrashes: "investigate the crashes"
        case .refactorHotspot(let file): "refactor \(file)"
        }
    }
}

/// One advisor's proposal, with its reason and the advisor's own score (0...1).
public struct Proposal: Sendable, Equatable {
    public var advisor: AdvisorRole
    public var project: ProjectID
    public var projectName: String
    public var action: ProposedAction
    public var rationale: String
    public var score: Double

    public init(advisor: AdvisorRole, project: ProjectID, projectName: String, action: ProposedAction, rationale: String, score: Double) {
        self.advisor = advisor
        self.project = project
        self.projectName = projectName
        self.action = action
        self.rationale = rationale
        self.score = score
    }
}
