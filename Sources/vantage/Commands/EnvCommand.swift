import ArgumentParser
import VantageCore
import VantageOrchestrator

/// `vantage env`: where each variable of a project comes from, and switching environments.
struct EnvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "env", abstract: "Show or switch a project's environment.",
                                                    subcommands: [Show.self, Use.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every variable with the file and line it came from (secrets masked).")
        @Argument(help: "Project name.") var name: String
        @Option(name: .long, help: "Environment (default: the one the project uses).") var env: String?
        @OptionGroup var control: ControlOptions

        func run() async throws {
            let response = try control.request(.envShow(name: name, environment: env))
            if case .environment(let vars) = response { print(StatusTable.render(vars), terminator: "") }
        }
    }

    struct Use: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Switch the project to another environment; a running project restarts.")
        @Argument(help: "Project name.") var name: String
        @Argument(help: "Environment name.") var env: String
        @OptionGroup var control: ControlOptions

        func run() async throws {
            let response = try control.request(.envUse(name: name, environment: env))
            if case .ok(let message?) = response { print(message) }
        }
    }
}
