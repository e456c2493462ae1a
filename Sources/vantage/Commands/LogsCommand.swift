import ArgumentParser
import Foundation
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage logs`: a project's captured output.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a project's captured stdout and stderr, timestamped.")

    @Argument(help: "Project name.") var name: String
    @Flag(name: .shortAndLong, help: "Keep printing new lines.") var follow = false
    @Option(name: .short, help: "How many of the last lines to print.") var n: Int = 100

    func run() async throws {
        if let (docker, c) = await DockerFleet.find(name, in: ContainerCLI.endpoints()) {
            for try await frame in try await docker.logs(c.Id, follow: follow, tail: n) {
                let line = (frame.stream == .stderr ? "err " : "out ") + frame.text + "\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
            return
        }
        let client = try ControlClient.connect(VantagePaths.fromEnvironment())
        let first = try client.send(.logs(name: name, lines: n, follow: follow))
        switch first {
        case .error(let message): throw VantageError(.notFound, message)
        case .lines(let lines): lines.forEach { print($0) }
        default: break
        }
        guard follow else { return }
        fflush(nil) // a pipe or file reader sees each line at once
        while true {
            if case .event(.log(let line)) = try client.next() {
                FileHandle.standardOutput.write(Data(ProjectLog.format(line).utf8))
            }
        }
    }
}
