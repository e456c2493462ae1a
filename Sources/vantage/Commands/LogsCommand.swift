import ArgumentParser
import Foundation
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage logs`: a project's captured output, or a container's.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a project's captured stdout and stderr, timestamped.")

    @Argument(help: "Project name.") var name: String
    @Flag(name: .shortAndLong, help: "Keep printing new lines.") var follow = false
    @Option(name: .short, help: "How many of the last lines to print (0 or more).") var n: Int = 100
    @OptionGroup var control: ControlOptions

    func validate() throws {
        guard (0...ControlRequest.maxLogLines).contains(n) else {
            throw ValidationError("-n must be between 0 and \(ControlRequest.maxLogLines), not \(n)")
        }
    }

    func run() async throws {
        // A project the supervisor knows never waits on a Docker engine.
        if try control.knownToSupervisor(name) == false,
           let (docker, c) = await DockerFleet.find(name, in: ContainerCLI.endpoints()) {
            for try await frame in try await docker.logs(c.Id, follow: follow, tail: n) {
                writeStandardOutput((frame.stream == .stderr ? "err " : "out ") + frame.text + "\n")
                if follow { fflush(nil) }
            }
            return
        }
        let client = try control.connect()
        let first = try client.send(.logs(name: name, lines: n, follow: follow))
        switch first {
        case .error(let message): throw VantageError(.notFound, message)
        case .logTail(let lines, let earlier):
            if earlier {
                writeStandardError("vantage: older lines of \(name) exist before these \(lines.count); ask for more with -n (up to \(ControlRequest.maxLogLines))\n")
            }
            lines.forEach { print($0) }
        default: break
        }
        guard follow else { return }
        fflush(nil) // a pipe or file reader sees each line at once
        while true {
            if case .event(.log(let line)) = try client.next() {
                writeStandardOutput(ProjectLog.format(line))
                fflush(nil)
            }
        }
    }
}
