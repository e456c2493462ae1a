import ArgumentParser

/// `vantage bench ...`: measurements behind the performance targets. Each subcommand prints its
/// figures as `name: value` lines.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Vantage's own costs (each subcommand prints its figures).",
        subcommands: [
            BenchMonitorCommand.self,
            BenchGraphCommand.self,
            BenchDockerCommand.self,
            BenchTOMLCommand.self,
            BenchDeploySwitchCommand.self,
        ])
}
