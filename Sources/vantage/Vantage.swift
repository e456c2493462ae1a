import ArgumentParser
import VantageCore

@main
struct Vantage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vantage",
        abstract: "A keyboard-driven terminal console for your projects.")
    func run() async throws {}
}
