import Foundation

/// What each advisor proposes and how it judges any proposed action, from its own concern.
public enum Advisor {
    /// The proposals `role` makes for one project, best first.
    public static func propose(_ role: AdvisorRole, for h: ProjectHealth) -> [Proposal] {
        func proposal(_ action: ProposedAction, _ why: String, _ score: Double) -> Proposal {
            Proposal(advisor: role, project: h.project, projectName: h.name, action: action, rationale: why, score: min(1, max(0, score)))
        }
        switch role {
        case .security:
            return h.vulnerabilities.sorted { $0.severity > $1.severity || ($0.severity == $1.severity && $0.package < $1.package) }.map { v in
                proposal(.upgradeDependency(package: v.package, to: v.fixedIn),
                         "\(v.package) has a \(v.severity.rawValue) vulnerability\(v.fixedIn.map { ", fixed in \($0)" } ?? "")",
                         severityWeight(v.severity))
            }
        case .reliability:
            guard h.restarts > 0 else { return [] }
            // A restart cannot help a cause a restart leaves in place (a missing toolchain, a syntax
            // error, an undeclared module): the proposal is to look at the cause, never to restart.
            if let cause = h.diagnoses.first(where: { !restartCanHelp($0.kind) }) {
                return [proposal(.investigateCrashes, "\(h.name) fails because \(cause.title.lowercasedFirst); a restart cannot help that",
                                 0.7)]
            }
            if h.restarts >= 3 {
                return [proposal(.investigateCrashes, "\(h.name) restarted \(h.restarts) times in the last hour", 0.5 + 0.1 * Double(min(h.restarts, 5)))]
            }
            return [proposal(.restartWithBackoff, "\(h.name) restarted \(h.restarts) time\(h.restarts == 1 ? "" : "s") in the last hour", 0.5)]
        case .performance:
            guard h.memoryPressure >= 0.85 else { return [] }
            return [proposal(.raiseMemoryLimit, "\(h.name) uses \(Int((h.memoryPressure * 100).rounded())) % of its memory limit", h.memoryPressure)]
        case .maintainability:
            guard h.debt >= 50, let file = h.hotspots.first else { return [] }
            return [proposal(.refactorHotspot(file: file), "\(h.name) carries debt \(Int(h.debt))/100 and \(file) is its worst hotspot", h.debt / 100)]
        }
    }

    /// How `role` judges `action` on this project: -1 (against) ... 1 (for).
    public static func assess(_ role: AdvisorRole, _ action: ProposedAction, on h: ProjectHealth) -> Double {
        switch (role, action) {
        case (.security, .upgradeDependency(let package, _)):
            return h.vulnerabilities.filter { $0.package == package }.map { severityWeight($0.severity) }.max() ?? 0.2
        case (.security, _):
            return 0
        case (.reliability, .upgradeDependency):
            // A change to a crashing service adds risk; to a stable one, little.
            return h.restarts > 0 ? -0.4 : -0.1
        case (.reliability, .restartWithBackoff) where h.diagnoses.contains(where: { !restartCanHelp($0.kind) }):
            return -0.8
        case (.reliability, .restartWithBackoff), (.reliability, .investigateCrashes):
            return h.restarts > 0 ? 0.8 : -0.2
        case (.reliability, .raiseMemoryLimit):
            return h.memoryPressure >= 0.85 ? 0.6 : 0
        case (.reliability, .refactorHotspot):
            return -0.2
        case (.performance, .raiseMemoryLimit):
            return h.memoryPressure >= 0.85 ? 0.8 : -0.3
        case (.performance, .refactorHotspot):
            return 0.3
        case (.performance, .restartWithBackoff):
            return -0.1
        case (.performance, _):
            return 0
        case (.maintainability, .refactorHotspot):
            return h.debt / 100
        case (.maintainability, .upgradeDependency):
            return 0.3
        case (.maintainability, .raiseMemoryLimit):
            return -0.3   // hides a leak rather than fixing it
        case (.maintainability, .investigateCrashes):
            return 0.4
        case (.maintainability, .restartWithBackoff):
            return -0.1
        }
    }

    /// Causes that a restart (with backoff) can outlast: a dependency that was not up yet, a port
    /// that was still held. Every other diagnosed cause stays until someone changes something.
    static func restartCanHelp(_ kind: ProblemKind) -> Bool {
        kind == .connectionRefused || kind == .addressInUse
    }

    static func severityWeight(_ s: ProjectHealth.Vulnerability.Severity) -> Double {
        switch s {
        case .critical: 1
        case .high: 0.8
        case .medium: 0.5
        case .low: 0.2
        }
    }
}

extension String {
    /// "Go is not installed" → "go is not installed" (for a title inside a sentence).
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
