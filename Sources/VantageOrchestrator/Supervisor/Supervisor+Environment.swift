import Foundation
import VantageCore
import VantageFormats

extension Supervisor {
    /// Every variable the project gets in that environment, with the file and line it came from.
    public func resolvedEnvironment(_ id: ProjectID, environment: String? = nil) throws(VantageError) -> [ResolvedVariable] {
        guard let mp = projects[id] else { throw unknown(id) }
        let config = try ProjectConfigReader.read(projectPath: mp.project.path)
        let env = environment ?? mp.environment
        let secretValues = try secrets?.values(project: mp.name, environment: env) ?? [:]
        var vars = try EnvironmentLayers.resolve(projectPath: mp.project.path, config: config, environment: env,
                                                 secrets: secretValues, overrides: mp.overrides)
        // What Vantage adds at launch: the kind's variables and the port it assigned.
        let directory = config.cwd.map { $0.hasPrefix("/") ? $0 : mp.project.path + "/" + $0 } ?? mp.project.path
        if let plan = try? LaunchPlan.make(project: mp.project, config: config, directory: directory) {
            for (k, v) in plan.kindEnvironment.sorted(by: { $0.key < $1.key }) where !vars.contains(where: { $0.key == k }) {
                vars.append(ResolvedVariable(key: k, value: v, source: "set by Vantage for \(mp.project.primaryKind.rawValue)", isSecret: false))
            }
        }
        if mp.state.isUp, let port = mp.ports.first {
            vars.removeAll { $0.key == "PORT" }
            vars.append(ResolvedVariable(key: "PORT", value: String(port), source: "assigned by Vantage after a free-port check", isSecret: false))
        }
        return vars
    }

    /// Switches the project to another environment; a running project restarts in it.
    public func useEnvironment(_ id: ProjectID, _ environment: String) async throws(VantageError) {
        guard let mp = projects[id] else { throw unknown(id) }
        let wasUp = mp.state.isUp
        projects[id]?.environment = environment
        saveSettings()
        recordDecision(id, "\(mp.name): environment switched to \(environment)")
        if wasUp { try await restart(id, environment: environment) }
    }
}
