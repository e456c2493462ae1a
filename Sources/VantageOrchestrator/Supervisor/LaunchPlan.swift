import Foundation
import VantageCore
import VantageFormats
import VantageDetector

/// The processes a project starts: one for most kinds, one per process type for a Procfile.
struct LaunchPlan: Sendable, Equatable {
    struct Process: Sendable, Equatable {
        /// `main` or the Procfile process type.
        var name: String
        var command: String
        /// The port this process is told to use through PORT, before conflicts are resolved.
        var preferredPort: Int?
    }
    var processes: [Process]
    /// Variables the kind needs (PYTHONUNBUFFERED, a venv's PATH).
    var kindEnvironment: [String: String]

    static func make(project: Project, config: ProjectConfig, directory: String, declaredPort: Int? = nil,
                     path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(VantageError) -> LaunchPlan {
        var env: [String: String] = [:]
        let preferred = config.ports.first ?? project.ports.first ?? declaredPort
        let procfile = project.path + "/Procfile"
        if config.command == nil, project.kinds.contains(.procfile) || (project.command == nil && FileManager.default.fileExists(atPath: procfile)) {
            let entries = try Self.procfileEntries(procfile)
            // The `web` process (or the only one) serves the project's port and is probed on it;
            // the others (workers) listen on nothing, so they take no port another project may want.
            let listener = entries.first(where: { $0.name == "web" })?.name ?? (entries.count == 1 ? entries[0].name : nil)
            let processes = entries.map { e in
                Process(name: e.name, command: e.command, preferredPort: e.name == listener ? preferred ?? Procfile.defaultPort : nil)
            }
            return LaunchPlan(processes: processes, kindEnvironment: env)
        }
        // The command the project's file sets, else the one the detector proposed at scan time,
        // else the one its kinds propose for the folder as it is now.
        guard let command = config.command ?? project.command ?? ProjectDetector.defaultCommand(kinds: project.kinds, folder: project.path) else {
            throw VantageError(.config, "Vantage does not know how to start \(project.name)",
                               at: SourceLocation(file: project.path + "/" + ProjectConfigReader.fileName, field: "command"),
                               hint: "add command = \"...\" to .vantage.toml")
        }
        var start = LaunchRecipe.Start(command: command, directory: project.path, path: path)
        // A command that starts with a program some kind needs (go, npm, php, ...) is checked
        // whatever the project's kind, so a missing one is a clear error, not a dead process.
        if let tool = ProjectDetector.tool(named: start.program), LinuxCalls.which(tool.name, path: path) == nil {
            throw VantageError(.unavailable, "\(tool.name) is not installed, so \(project.name) cannot start", hint: tool.install)
        }
        for recipe in ProjectDetector.recipes(for: project.kinds, program: start.program) {
            recipe.prepare?(&start)
        }
        env.merge(start.environment) { _, new in new }
        return LaunchPlan(processes: [Process(name: "main", command: start.command, preferredPort: preferred)], kindEnvironment: env)
    }
}

extension LaunchPlan {
    /// Every process of a Procfile that must be entirely valid: the first problem is thrown.
    static func procfileEntries(_ path: String) throws(VantageError) -> [Procfile.Entry] {
        let procfile = try Procfile.read(path)
        try procfile.problems.throwFirst()
        return procfile.entries
    }
}
