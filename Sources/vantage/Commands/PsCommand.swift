import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage ps`: what the supervisor runs.
struct PsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ps", abstract: "Show supervised projects: state, pid, ports, CPU, memory, health, restarts, environment, decisions.")

    @Flag(name: .long, help: "Print a JSON array of objects.") var json = false

    func run() async throws {
        let response = try ControlClient.request(VantagePaths.fromEnvironment(), .ps)
        guard case .status(let rows) = response else { return }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            print(StatusTable.render(rows), terminator: "")
        }
    }
}
