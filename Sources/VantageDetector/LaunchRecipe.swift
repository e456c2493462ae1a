import Foundation
import VantageCore

/// How the supervisor starts a project of one kind, beyond its command: the programs the command
/// needs (checked before starting, so a missing one is a clear error and not a dead process) and
/// the environment the kind wants (unbuffered Python, its virtualenv).
public struct LaunchRecipe: Sendable {
    /// A program a command starts with, and how to get it.
    public struct Tool: Sendable, Equatable {
        public var name: String
        /// Said when the program is not on PATH: what to install.
        public var install: String

        public init(_ name: String, install: String) {
            self.name = name
            self.install = install
        }
    }

    /// A command about to start, with the variables the recipe adds.
    public struct Start: Sendable, Equatable {
        public var command: String
        public var environment: [String: String]
        /// The project folder.
        public let directory: String
        /// The PATH the command will be started with.
        public let path: String?

        public init(command: String, environment: [String: String] = [:], directory: String, path: String?) {
            self.command = command
            self.environment = environment
            self.directory = directory
            self.path = path
        }

        /// The command's first word (the program).
        public var program: String { command.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? "" }
    }

    /// Programs checked before start when the command begins with one of them.
    public var tools: [Tool]
    /// The interpreter whose commands get `prepare` even in a project of another kind (`python`
    /// matches `python`, `python3`, `python3.12`).
    public var interpreter: String?
    /// Adjusts the command and adds variables.
    public var prepare: (@Sendable (inout Start) -> Void)?

    public init(tools: [Tool] = [], interpreter: String? = nil, prepare: (@Sendable (inout Start) -> Void)? = nil) {
        self.tools = tools
        self.interpreter = interpreter
        self.prepare = prepare
    }

    /// Whether `program` is this recipe's interpreter, with or without a version (`python3.12`).
    func isInterpreter(_ program: String) -> Bool {
        guard let interpreter, program.hasPrefix(interpreter) else { return false }
        return program.dropFirst(interpreter.count).allSatisfy { $0.isNumber || $0 == "." }
    }
}
