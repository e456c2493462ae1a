import ArgumentParser

/// `vantage analyze ...`: code and log analysis from the command line.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse code, logs, coverage and technical debt.",
        subcommands: [
            AnalyzeLogsCommand.self,
            AnalyzeCoverageCommand.self,
            AnalyzeDebtCommand.self,
        ])
}
