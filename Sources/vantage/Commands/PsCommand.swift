import ArgumentParser
import Foundation
import VantageCore
import VantageDocker
import VantageOrchestrator

/// `vantage ps`: what the supervisor runs.
struct PsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ps", abstract: "Show supervised projects and containers: state, pid, ports, CPU, memory, health, restarts, environment, decisions.")

    @Flag(name: .long, help: "Print a JSON array of objects.") var json = false
    @OptionGroup var control: ControlOptions

    func run() async throws {
        // Supervised projects from the daemon, containers straight from their engines.
        var rows: [ProjectStatus] = []
        var daemonError: Error?
        do {
            if case .status(let r) = try control.request(.ps) { rows = r }
        } catch {
            daemonError = error
        }
        let engines = ContainerCLI.endpoints()
        let fleet = await DockerFleet.snapshot(engines)
        if let daemonError, engines.isEmpty { throw daemonError }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let projects = try JSONSerialization.jsonObject(with: encoder.encode(rows)) as? [Any] ?? []
            let containers = try JSONSerialization.jsonObject(with: encoder.encode(fleet.rows)) as? [Any] ?? []
            print(try JSONOutput.text(jsonObject: projects + containers))
        } else {
            if daemonError == nil { print(StatusTable.render(rows), terminator: "") }
            print(ContainerCLI.table(fleet.rows, unreachable: fleet.unreachable), terminator: "")
        }
        for (engine, reason) in fleet.unreachable.sorted(by: { $0.key < $1.key }) where json {
            writeStandardError("vantage: docker engine \(engine) is unreachable: \(reason)\n")
        }
        if let daemonError { writeStandardError("vantage: \(daemonError)\n") }
    }
}
