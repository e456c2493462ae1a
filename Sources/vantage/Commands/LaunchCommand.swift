import ArgumentParser
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage launch`: start projects in the running supervisor.
struct LaunchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "launch", abstract: "Start projects (and what they depend on).")

    @Argument(help: "Project names.") var names: [String] = []
    @Flag(name: .long, help: "Start every known project.") var all = false
    @Option(name: .long, help: "Environment to run in (.env.<ENV>, [env.<ENV>], secrets of ENV).") var env: String?
    @Option(name: .customShort("e"), help: "Set a variable for this launch: -e KEY=VALUE (repeatable).") var variables: [String] = []

    func run() async throws {
        let overrides = try EnvironmentLayers.parseOverrides(variables)
        let (containers, others) = all ? ([], names) : await ContainerCLI.partition(names)
        try await ContainerCLI.act("launch", containers)
        if !containers.isEmpty && others.isEmpty { return }
        let response = try ControlClient.request(VantagePaths.fromEnvironment(),
                                                 .launch(names: others, all: all, environment: env, overrides: overrides))
        if case .status(let rows) = response { print(StatusTable.render(rows), terminator: "") }
    }
}
