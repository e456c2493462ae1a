import ArgumentParser
import VantageCore
import VantageOrchestrator

/// `vantage env`: where each variable of a project comes from, and switching environments.
struct EnvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "env", abstract: "Show, switch or set a project's environment.",
                                                    subcommands: [Show.self, Use.self, Set.self])

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

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set variables in the project's .env.ENV.local; a running project in that environment restarts.",
            discussion: "Values given here are visible to other users in the process list while the command runs: put secrets in `vantage secret set` instead. A key set in .vantage.toml or as a secret is refused (the file would not change it).")
        @Argument(help: "Project name.") var name: String
        @Argument(help: "KEY=VALUE, one or more.") var assignments: [String]
        @Option(name: .long, help: "Environment (default: the one the project uses).") var env: String?
        @OptionGroup var control: ControlOptions

        func run() async throws {
            guard !assignments.isEmpty else { throw ValidationError("give at least one KEY=VALUE") }
            var variables: [String: String] = [:]
            for a in assignments {
                guard let eq = a.firstIndex(of: "="), eq != a.startIndex else { throw ValidationError("expected KEY=VALUE, found \"\(a)\"") }
                variables[String(a[..<eq])] = String(a[a.index(after: eq)...])
            }
            let response = try control.request(.envSet(name: name, environment: env, variables: variables))
            if case .ok(let message?) = response { print(message) }
        }
    }
}
