import ArgumentParser
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage stop`: stop projects' whole process trees.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop projects: their whole process tree, until their ports are free.")

    @Argument(help: "Project names.") var names: [String] = []
    @Flag(name: .long, help: "Stop every project.") var all = false
    @OptionGroup var control: ControlOptions

    func run() async throws {
        let (compose, rest) = all ? ([], names) : ComposeCLI.partition(names)
        try await ComposeCLI.act(Command.stop, compose)
        if !compose.isEmpty && rest.isEmpty { return }
        let (containers, others) = all ? ([], rest) : try await ContainerCLI.partition(rest, control: control.connection)
        try await ContainerCLI.act(.stop, containers)
        if !containers.isEmpty && others.isEmpty { return }
        let response = try control.request(.stop(names: others, all: all))
        if case .status(let rows) = response { print(StatusTable.render(rows), terminator: "") }
    }
}
