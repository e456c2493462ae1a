import Foundation
import VantageCore
import VantageFormats

/// `!` in the console: the user's shell in a project's folder, with the environment the supervisor
/// launches the project with (`Supervisor.launchVariables`: its `.env` layers, `[env]` sections,
/// secrets, the kind's variables and its port), or a shell inside a container.
public enum ProjectShell {
    /// `$SHELL`, or `/bin/sh` when it is unset or empty.
    public static func userShell(_ environment: [String: String]) -> String {
        guard let shell = environment["SHELL"], !shell.isEmpty else { return "/bin/sh" }
        return shell
    }

    /// The shell for a folder project: the program, the folder it starts in (the project's `cwd`
    /// setting, or its folder) and the whole environment (`base`, the console's own, under the
    /// project's variables).
    public static func folder(_ project: Project, environment name: String?, port: Int?, secrets: (any SecretsSource)?,
                              base: [String: String], lastGood: LastGoodConfigStore? = nil) throws(VantageError) -> (argv: [String], directory: String, environment: [String: String]) {
        let resolved = try Supervisor.launchVariables(project: project, environment: name ?? EnvironmentLayers.defaultEnvironment,
                                                      secrets: secrets, overrides: [:], port: port, lastGood: lastGood)
        var environment = base
        environment.removeValue(forKey: ProjectMarker.variable)
        for variable in resolved.variables { environment[variable.key] = variable.value }
        return ([userShell(base)], resolved.directory, environment)
    }

    /// The command that opens a shell inside a running container: bash when it has one, else sh.
    public static func container(_ name: String) -> [String] {
        ["docker", "exec", "-it", name, "sh", "-c", "if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi"]
    }
}
