import ArgumentParser

/// `vantage bench ...`: measurements behind the performance targets. Each figure is one subcommand.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Vantage's own costs (each subcommand prints one figure).",
        subcommands: [BenchMonitorCommand.self])
}
