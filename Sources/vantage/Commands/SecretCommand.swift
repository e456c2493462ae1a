import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage secret`: encrypted per-project, per-environment secrets. Values come from stdin only.
struct SecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "secret", abstract: "Manage encrypted secrets (values are read from stdin, never from arguments).",
                                                    subcommands: [Set.self, Get.self, List.self, Remove.self])

    struct Target: ParsableArguments {
        @Argument(help: "Project name.") var name: String
        @Argument(help: "Variable name.") var key: String
        @Option(name: .long, help: "Environment (default: development).") var env: String = EnvironmentLayers.defaultEnvironment
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store a secret; the value is read from stdin (one line, or everything piped in).")
        @OptionGroup var target: Target
        func run() async throws {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            var value = String(decoding: data, as: UTF8.self)
            if value.hasSuffix("\n") { value.removeLast() }
            guard !value.isEmpty else { throw ValidationError("no value on stdin: pipe it in, e.g. `printf %s \"$TOKEN\" | vantage secret set \(target.name) \(target.key)`") }
            try SecretVault.open(VantagePaths.fromEnvironment()).set(project: target.name, environment: target.env, key: target.key, value: value)
            print("stored \(target.key) for \(target.name) (\(target.env))")
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a secret's value to stdout.")
        @OptionGroup var target: Target
        func run() async throws {
            print(try SecretVault.open(VantagePaths.fromEnvironment()).get(project: target.name, environment: target.env, key: target.key))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a project's secret names (never values).")
        @Argument(help: "Project name.") var name: String
        func run() async throws {
            for s in try SecretVault.open(VantagePaths.fromEnvironment()).list(project: name) { print("\(s.environment)\t\(s.key)") }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a secret.")
        @OptionGroup var target: Target
        func run() async throws {
            try SecretVault.open(VantagePaths.fromEnvironment()).remove(project: target.name, environment: target.env, key: target.key)
            print("removed \(target.key) from \(target.name) (\(target.env))")
        }
    }
}
