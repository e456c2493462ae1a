import ArgumentParser

/// `vantage bench ...`: performance figures, each printed as `name: value` lines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Vantage's performance figures.",
        subcommands: [
            BenchGraphCommand.self,
        ])
}
