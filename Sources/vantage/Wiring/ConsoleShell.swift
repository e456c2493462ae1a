import Foundation
import VantageCore
import VantageDocker
import VantageFormats
import VantageOrchestrator
import VantageTUI

/// What `!` runs in this console (`RuntimeOptions.shellPlanner`): for a folder project, the user's
/// shell in its folder with the environment the supervisor launches it with (`ProjectShell`,
/// secrets from the vault when one is open without a prompt); for a container, `docker exec -it`
/// into it on the engine that runs it.
enum ConsoleShell {
    static func planner(paths: VantagePaths, bus: Bus, engines: [DockerEndpoint]) -> ShellPlanner {
        let base = ProcessInfo.processInfo.environment
        return { request throws(VantageError) in
            if let container = request.container {
                var environment = base
                if let engine = request.project.engine, let endpoint = engines.first(where: { $0.name == engine }) {
                    environment["DOCKER_HOST"] = endpoint.host
                }
                guard ChildProcess.which("docker", path: environment["PATH"]) != nil else {
                    throw VantageError(.unavailable, "docker exec needs the docker command, which is not on PATH",
                                       hint: "install the Docker CLI (docker-ce-cli) to open a shell in \(container)")
                }
                return ShellPlan(argv: ProjectShell.container(container), directory: nil, environment: environment)
            }
            let shell = try ProjectShell.folder(request.project, environment: request.environment, port: request.ports.first,
                                                secrets: HostedSupervisor.vaultWithoutPrompt(paths, bus: bus), base: base,
                                                lastGood: LastGoodConfigStore(paths: paths))
            return ShellPlan(argv: shell.argv, directory: shell.directory, environment: shell.environment)
        }
    }
}
