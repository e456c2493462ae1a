import Foundation
import VantageCore

extension Supervisor {
    /// Every variable the project gets in that environment, with the file and line it came from.
    public func resolvedEnvironment(_ id: ProjectID, environment: String? = nil) throws(VantageError) -> [ResolvedVariable] {
        guard let mp = projects[id] else { throw unknown(id) }
        let config = try ProjectConfigReader.read(projectPath: mp.project.path)
        let env = environment ?? mp.environment
        let secretValues = try secrets?.values(project: mp.name, environment: env) ?? [:]
        return try EnvironmentLayers.resolve(projectPath: mp.project.path, config: config, environment: env,
                                             secrets: secretValues, overrides: mp.overrides)
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
