import ArgumentParser
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage restart`: stop then start one project.
struct RestartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart a project.")

    @Argument(help: "Project name.") var name: String
    @Option(name: .long, help: "Switch to this environment while restarting.") var env: String?
    @OptionGroup var control: ControlOptions

    func run() async throws {
        let (compose, _) = ComposeCLI.partition([name])
        if !compose.isEmpty { return try await ComposeCLI.act(Command.restart, compose) }
        let (containers, _) = try await ContainerCLI.partition([name], control: control.connection)
        if !containers.isEmpty { return try await ContainerCLI.act(.restart, containers) }
        let response = try control.request(.restart(name: name, environment: env))
        if case .status(let rows) = response { print(StatusTable.render(rows), terminator: "") }
    }
}
