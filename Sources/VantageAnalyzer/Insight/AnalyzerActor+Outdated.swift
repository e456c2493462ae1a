import Foundation
import VantageCore
import VantageDependencies

extension AnalyzerActor {
    /// Answers `Command.checkOutdated` until the stream ends. Subscribe with `bus.commands(Self.commandKinds)`.
    public func run(commands: AsyncStream<Command>) async {
        for await command in commands {
            if case .checkOutdated(let id) = command { await checkOutdated(id) }
        }
    }

    /// Asks the project's ecosystem tools for newer versions (`UpdateChecker`: pip, npm, cargo,
    /// swift; they may use the network) at utility priority, then republishes the project's last
    /// insight with them. A tool that cannot reach its index says "unknown (offline)"; nothing is guessed.
    public func checkOutdated(_ id: ProjectID) async {
        guard let project = projects[id], project.engine == nil else {
            bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: id.displayName, project: id,
                                               message: "cannot check outdated dependencies of \(id.displayName): the analyzer reads folder projects of the last scan only")))
            return
        }
        let updates = await Task.detached(priority: .utility) { UpdateChecker().check(project.path) }.value
        let rows = updates.map { DependencyDetails.Outdated(name: $0.name, current: $0.current, latest: $0.latest, status: $0.status) }
        outdated[id] = (rows, Self.outdatedSummary(updates))
        if let last = lastInsights[id] { publish(last) }
    }

    /// "2 available", "up to date", "unknown (offline)", or "nothing pinned to look up".
    public static func outdatedSummary(_ updates: [AvailableUpdate]) -> String {
        if updates.isEmpty { return "nothing pinned to look up" }
        let available = updates.filter { $0.latest != nil && $0.status == "available" }.count
        let unknown = updates.filter { $0.latest == nil && $0.status != "up to date" }
        if available > 0 { return "\(available) available" + (unknown.isEmpty ? "" : ", \(unknown.count) unknown") }
        if !unknown.isEmpty { return unknown.allSatisfy { $0.status == "unknown (offline)" } ? "unknown (offline)" : "unknown (\(unknown.count) not answered)" }
        return "up to date"
    }
}
