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

    /// The environments the project has (files and `[env.NAME]` sections), sorted.
    public func environments(of id: ProjectID) throws(VantageError) -> [String] {
        guard let mp = projects[id] else { throw unknown(id) }
        let config = try ProjectConfigReader.read(projectPath: mp.project.path)
        return ProjectEnvironments.available(projectPath: mp.project.path, config: config)
    }

    /// Tells the screen which environments each project has and which one it uses (`e`, Details).
    func publishEnvironments(_ ids: [ProjectID]) {
        for id in ids {
            guard let mp = projects[id] else { continue }
            let config = (try? ProjectConfigReader.read(projectPath: mp.project.path)) ?? mp.config
            bus.publish(.environments(project: id, available: ProjectEnvironments.available(projectPath: mp.project.path, config: config),
                                      current: mp.environment))
        }
    }

    /// Switches the project to another environment it has; a running project restarts in it. An
    /// unknown name is refused with the list of the project's environments.
    public func useEnvironment(_ id: ProjectID, _ environment: String) async throws(VantageError) {
        guard let mp = projects[id] else { throw unknown(id) }
        try ProjectEnvironments.check(environment, project: mp.name, available: try environments(of: id))
        let wasUp = mp.state.isUp
        projects[id]?.environment = environment
        saveSettings()
        recordDecision(id, "\(mp.name): environment switched to \(environment)")
        publishEnvironments([id])
        if wasUp { try await restart(id, environment: environment) }
    }
}
