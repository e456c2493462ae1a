import ArgumentParser
import Foundation
import VantageCore
import VantageFormats
import VantageDocker
import VantageOrchestrator

/// `vantage limit`: CPU, memory and process limits through the project's cgroup.
struct LimitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "limit", abstract: "Limit a project's CPU, memory and processes; with no limit given, show forecasts and recommended limits.")

    @Argument(help: "Project name.") var name: String
    @Option(name: .long, help: "CPU in cores, e.g. 0.5.") var cpu: Double?
    @Option(name: .long, help: "Memory, e.g. 256M or 1G.") var memory: String?
    @Option(name: .long, help: "Maximum number of processes.") var pids: Int?
    @OptionGroup var control: ControlOptions

    func run() async throws {
        var limits = ResourceLimits(cpus: cpu, pids: pids)
        if let memory {
            guard let bytes = ResourceLimits.parseBytes(memory) else {
                throw ValidationError("--memory: \"\(memory)\" is not a size; write 256M or 1G")
            }
            limits.memoryBytes = bytes
        }
        try limits.validate()
        // A container's limits are a Docker update (in the style it was created with).
        if !limits.isEmpty, try !control.knownToSupervisor(name), let (client, c) = await DockerFleet.find(name, in: ContainerCLI.endpoints()) {
            if limits.pids != nil { throw ValidationError("--pids is not supported for containers; set it when creating the container") }
            try await client.updateResources(c.Id, memoryBytes: limits.memoryBytes.map(Int64.init), cpus: limits.cpus)
            print("\(c.name) on \(client.endpoint.name): limits updated")
            return
        }
        if limits.isEmpty {
            guard case .prediction(let p) = try control.request(.predict(name: name)) else { return }
            try JSONOutput.print(p)
            return
        }
        let response = try control.request(.limit(name: name, limits: limits))
        if case .status(let rows) = response { print(StatusTable.render(rows), terminator: "") }
    }
}
