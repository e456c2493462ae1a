import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage secret`: encrypted per-project, per-environment secrets. Values come from stdin only.
struct SecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "secret", abstract: "Manage encrypted secrets (values are read from stdin, never from arguments).",
                                                    subcommands: [Set.self, Get.self, List.self, Remove.self, Passphrase.self])

    struct Target: ParsableArguments {
        @Argument(help: "Project name.") var name: String
        @Argument(help: "Variable name.") var key: String
        @Option(name: .long, help: "Environment.") var env: String = EnvironmentLayers.defaultEnvironment
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store a secret; the value is read from stdin (one line, or everything piped in).")
        @OptionGroup var target: Target
        func run() async throws {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            var value = String(decoding: data, as: UTF8.self)
            if value.hasSuffix("\n") { value.removeLast() }
            guard !value.isEmpty else { throw ValidationError("no value on stdin: pipe it in, e.g. `printf %s \"$TOKEN\" | vantage secret set \(target.name) \(target.key)`") }
            try PassphrasePrompt.openVault(VantagePaths.fromEnvironment()).set(project: target.name, environment: target.env, key: target.key, value: value)
            print("stored \(target.key) for \(target.name) (\(target.env))")
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a secret's value to stdout.")
        @OptionGroup var target: Target
        func run() async throws {
            print(try PassphrasePrompt.openVault(VantagePaths.fromEnvironment()).get(project: target.name, environment: target.env, key: target.key))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a project's secret names (never values).")
        @Argument(help: "Project name.") var name: String
        func run() async throws {
            for s in try PassphrasePrompt.openVault(VantagePaths.fromEnvironment()).list(project: name) { print("\(s.environment)\t\(s.key)") }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a secret.")
        @OptionGroup var target: Target
        func run() async throws {
            try PassphrasePrompt.openVault(VantagePaths.fromEnvironment()).remove(project: target.name, environment: target.env, key: target.key)
            print("removed \(target.key) from \(target.name) (\(target.env))")
        }
    }

    struct Passphrase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal the master key under a passphrase (scrypt + AES-GCM), or remove that seal.",
            discussion: "The current passphrase comes from VANTAGE_PASSPHRASE or a terminal prompt; a new one is typed twice on the terminal or read as one line from stdin. The key file is replaced atomically.",
            subcommands: [SetPassphrase.self, RemovePassphrase.self])
    }

    struct SetPassphrase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Seal the master key under a new passphrase (or change it).")
        func run() async throws {
            let paths = VantagePaths.fromEnvironment()
            let current = try PassphrasePrompt.current(paths)
            _ = try SecretVault.open(paths, passphrase: current) // creates the key if needed; a wrong passphrase stops here
            try SecretVault.setPassphrase(paths, current: current, new: PassphrasePrompt.new())
            print("the master key is now sealed with the passphrase; start the daemon with VANTAGE_PASSPHRASE set or on a terminal")
        }
    }

    struct RemovePassphrase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Store the master key without a passphrase again (file mode 0600).")
        func run() async throws {
            let paths = VantagePaths.fromEnvironment()
            guard let current = try PassphrasePrompt.current(paths) else {
                print("the master key has no passphrase; nothing to remove")
                return
            }
            try SecretVault.removePassphrase(paths, current: current)
            print("the master key is no longer sealed with a passphrase")
        }
    }
}
