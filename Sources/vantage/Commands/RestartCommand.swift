import ArgumentParser
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage restart`: stop then start one project.
struct RestartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart a project.")

    @Argument(help: "Project name.") var name: String
    @Option(name: .long, help: "Switch to this environment while restarting.") var env: String?

    func run() async throws {
        let (compose, _) = ComposeCLI.partition([name])
        if !compose.isEmpty { return try await ComposeCLI.act(Command.restart, compose) }
        let (containers, _) = await ContainerCLI.partition([name])
        if !containers.isEmpty { return try await ContainerCLI.act(.restart, containers) }
        let response = try ControlClient.request(VantagePaths.fromEnvironment(), .restart(name: name, environment: env))
        if case .status(let rows) = response { print(StatusTable.render(rows), terminator: "") }
    }
}
