import Foundation
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageDocker

/// Compose projects on the command line: `vantage launch|stop|restart NAME` for a compose folder of
/// the workspace (the current folder and below) go through `ComposeLauncher.perform`, the path the
/// screen's `s`, `x` and `R` take, so a missing engine gets the same words in both places and a
/// non-zero exit here.
enum ComposeCLI {
    /// Splits names into the workspace's compose projects and the rest.
    static func partition(_ names: [String], root: String = FileManager.default.currentDirectoryPath) -> (compose: [Project], others: [String]) {
        guard !names.isEmpty else { return ([], names) }
        let found = ((try? ProjectScanner().scan(roots: [root], maxDepth: 2))?.projects ?? []).filter { $0.primaryKind == .compose }
        var compose: [Project] = [], others: [String] = []
        for name in names {
            if let p = found.first(where: { $0.name == name }) { compose.append(p) } else { others.append(name) }
        }
        return (compose, others)
    }

    static func act(_ command: (ProjectID) -> Command, _ projects: [Project]) async throws {
        for project in projects {
            let outcome = try await ComposeLauncher.perform(command(project.id), project, endpoints: ContainerCLI.endpoints())
            for (service, reason) in outcome.skipped.sorted(by: { $0.key < $1.key }) { print("\(project.name): service \(service) not started: \(reason)") }
            print(outcome.summary)
        }
    }
}
