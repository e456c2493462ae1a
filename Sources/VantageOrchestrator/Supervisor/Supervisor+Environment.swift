import Foundation
import VantageCore
import VantageFormats

extension Supervisor {
    /// Every variable the project gets in that environment, with the file and line it came from.
    public func resolvedEnvironment(_ id: ProjectID, environment: String? = nil) throws(VantageError) -> [ResolvedVariable] {
        guard let mp = projects[id] else { throw unknown(id) }
        return try Self.launchVariables(project: mp.project, environment: environment ?? mp.environment, secrets: secrets,
                                        overrides: mp.overrides, port: mp.state.isUp ? mp.ports.first : nil,
                                        lastGood: lastGoodConfigs).variables
    }

    /// The variables a project is launched with in `environment` (its layers, secrets and
    /// `overrides`, then what Vantage adds: the kind's variables and the assigned `port`), and the
    /// folder it runs in. `env show` and the console's shell (`ProjectShell`) read these.
    public static func launchVariables(project: Project, environment env: String, secrets: (any SecretsSource)?,
                                       overrides: [String: String], port: Int?,
                                       lastGood: LastGoodConfigStore? = nil) throws(VantageError) -> (variables: [ResolvedVariable], directory: String) {
        let config = try ProjectConfigReader.read(projectPath: project.path, lastGood: lastGood)
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
        let config = try ProjectConfigReader.read(projectPath: mp.project.path, lastGood: lastGoodConfigs)
        return ProjectEnvironments.available(projectPath: mp.project.path, config: config)
    }

    /// Tells the screen which environments each project has and which one it uses (`e`, Details).
    func publishEnvironments(_ ids: [ProjectID]) {
        for id in ids {
            guard let mp = projects[id] else { continue }
            let config = (try? ProjectConfigReader.read(projectPath: mp.project.path, lastGood: lastGoodConfigs)) ?? mp.config
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

extension Supervisor {
    /// What `setVariables` did: the file written, the keys set, and whether the project restarted.
    public struct VariablesSet: Sendable, Equatable {
        public var file: String
        public var keys: [String]
        public var environment: String
        public var restarted: Bool
    }

    /// Sets variables for one environment of a project (its current one when nil) in
    /// `.env.<env>.local`, the highest file layer and the one for this machine's own values, each
    /// written in place by `DotEnvWriter` (comments and order kept, atomic). A key whose value comes
    /// from a higher layer (`.vantage.toml`, a secret) is refused before anything is written, since
    /// the file would not change what the project gets. A running project in that environment
    /// restarts so it takes the values, as switching environments does.
    public func setVariables(_ id: ProjectID, environment: String?, _ variables: [String: String]) async throws(VantageError) -> VariablesSet {
        guard let mp = projects[id] else { throw unknown(id) }
        guard !variables.isEmpty else { throw VantageError(.usage, "no variable to set: give KEY=VALUE") }
        let env = environment ?? mp.environment
        if let environment { try ProjectEnvironments.check(environment, project: mp.name, available: try environments(of: id)) }
        let file = mp.project.path + "/.env.\(env).local"
        for key in variables.keys.sorted() where !DotEnvFile.isValidKey(key) {
            throw VantageError(.usage, "\"\(TerminalText.escaped(key))\" is not a variable name (letters, digits, _, . and -, not starting with a digit)",
                               at: SourceLocation(file: file, field: key))
        }
        let current = try Self.launchVariables(project: mp.project, environment: env, secrets: secrets, overrides: [:], port: nil).variables
        for key in variables.keys.sorted() {
            guard let now = current.first(where: { $0.key == key }) else { continue }
            let fromFile = now.source.hasPrefix(mp.project.path + "/.env")
            guard fromFile else {
                throw VantageError(.config, "\(key) of \(mp.name) comes from \(now.source), which overrides .env files: nothing was written",
                                   at: SourceLocation(file: file, field: key), hint: "change it where it is set (or `vantage secret set` for a secret)")
            }
        }
        for key in variables.keys.sorted() {
            try DotEnvWriter.set(key, to: variables[key] ?? "", inFile: file)
        }
        let keys = variables.keys.sorted()
        recordDecision(id, "\(mp.name): set \(keys.joined(separator: ", ")) in \((file as NSString).lastPathComponent)")
        publishEnvironments([id])
        let restart = mp.state.isUp && mp.environment == env
        if restart { try await self.restart(id, environment: env) }
        return VariablesSet(file: file, keys: keys, environment: env, restarted: restart)
    }
}
