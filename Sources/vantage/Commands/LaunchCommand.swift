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
    @Flag(name: .long, help: "Return only when every launched project is ready (exit 1 if one fails or --timeout passes).") var wait = false
    @Option(name: .long, help: "Seconds to wait for the supervisor's answer and, with --wait, for readiness (default 10 and 60; VANTAGE_TIMEOUT sets the first).")
    var timeout: Double?

    func validate() throws {
        if let timeout { try ControlConnection.check(timeout) }
    }

    func run() async throws {
        let control = ControlConnection(timeout: timeout ?? ControlClient.defaultTimeout)
        let overrides = try EnvironmentLayers.parseOverrides(variables)
        let (compose, rest) = all ? ([], names) : ComposeCLI.partition(names)
        try await ComposeCLI.act(Command.launch, compose)
        if !compose.isEmpty && rest.isEmpty { return }
        let (containers, others) = all ? ([], rest) : try await ContainerCLI.partition(rest, control: control)
        try await ContainerCLI.act(.start, containers)
        if !containers.isEmpty && others.isEmpty { return }
        let response = try control.request(.launch(names: others, all: all, environment: env, overrides: overrides))
        guard case .status(var rows) = response else { return }
        if wait { rows = try await Self.waitUntilReady(rows.map(\.name), timeout: timeout ?? 60, control: control) }
        print(StatusTable.render(rows), terminator: "")
    }

    /// Polls the supervisor over one connection (no process per poll) until every named project is
    /// ready; a failed one, or the timeout, is an error that shows the rows.
    static func waitUntilReady(_ names: [String], timeout: Double, control: ControlConnection) async throws -> [ProjectStatus] {
        let client = try control.connect()
        let deadline = ContinuousClock.now + .seconds(timeout)
        let wanted = Set(names)
        while true {
            guard case .status(let all) = try client.send(.ps) else { throw ValidationError("the supervisor did not answer ps") }
            let rows = all.filter { wanted.contains($0.name) }
            if let failed = rows.first(where: { $0.state == .failed }) {
                print(StatusTable.render(rows), terminator: "")
                throw ValidationError("\(failed.name) failed to start")
            }
            if rows.allSatisfy({ $0.state == .ready }) { return rows }
            if ContinuousClock.now >= deadline {
                print(StatusTable.render(rows), terminator: "")
                throw ValidationError("not ready after \(timeout) s: \(rows.filter { $0.state != .ready }.map(\.name).joined(separator: ", "))")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
