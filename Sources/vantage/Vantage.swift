import ArgumentParser
import VantageCore

@main
struct Vantage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vantage",
        abstract: "Run, watch, analyse and maintain every project you work on, from one terminal console.",
        // Each subcommand lives in Commands/<Name>Command.swift.
        subcommands: [
            AnalyzeCommand.self,
        ])
    func run() async throws {}
}
