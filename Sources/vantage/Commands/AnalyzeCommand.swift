import ArgumentParser

/// `vantage analyze …`: code quality, coverage, debt and log patterns.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure code quality, coverage, technical debt and log patterns.",
        subcommands: [
            AnalyzeQualityCommand.self,
        ])
}
