import ArgumentParser

/// `vantage analyze …`: code quality, technical debt, coverage and log patterns.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure code quality, technical debt, coverage and log patterns.",
        subcommands: [
            AnalyzeQualityCommand.self,
            AnalyzeDebtCommand.self,
            AnalyzeCoverageCommand.self,
            AnalyzeLogsCommand.self,
        ])
}
