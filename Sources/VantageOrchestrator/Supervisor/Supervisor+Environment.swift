import Foundation
import VantageCore
import VantageFormats

extension Supervisor {
    /// Every variable the project gets in that environment, with the file and line it came from.
    public func resolvedEnvironment(_ id: ProjectID, environment: String? = nil) throws(VantageError) -> [ResolvedVariable] {
        guard let mp = projects[id] else { throw unknown(id) }
        return try Self.launchVariables(project: mp.project, environment: environment ?? mp.environment, secrets: secrets,
                                        overrides: mp.overrides, port: mp.state.isUp ? mp.ports.first : nil).variables
    }

    /// The variables a project is launched with in `environment` (its layers, secrets and
    /// `overrides`, then what Vantage adds: the kind's variables and the assigned `port`), and the
    /// folder it runs in. `env show` and the console's shell (`ProjectShell`) read these.
    public static func launchVariables(project: Project, environment env: String, secrets: (any SecretsSource)?,
                                       overrides: [String: String], port: Int?) throws(VantageError) -> (variables: [ResolvedVariable], directory: String) {
        let config = try ProjectConfigReader.read(projectPath: project.path)
        let secretValues = try secrets?.values(project: project.name, environment: env) ?? [:]
        var vars = try EnvironmentLayers.resolve(projectPath: project.path, config: config, environment: env,
                                                 secrets: secretValues, overrides: overrides)
        let directory = config.cwd.map { $0.hasPrefix("/") ? $0 : project.path + "/" + $0 } ?? project.path
        if let plan = try? LaunchPlan.make(project: project, config: config, directory: directory) {
            for (k, v) in plan.kindEnvironment.sorted(by: { $0.key < $1.key }) where !vars.contains(where: { $0.key == k }) {
                vars.append(ResolvedVariable(key: k, value: v, source: "set by Vantage for \(project.primaryKind.rawValue)", isSecret: false))
            }
        }
        if let port {
            vars.removeAll { $0.key == "PORT" }
            vars.append(ResolvedVariable(key: "PORT", value: String(port), source: "assigned by Vantage after a free-port check", isSecret: false))
        }
        return (vars, directory)
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
