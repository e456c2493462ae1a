import Foundation
import VantageCore
import VantageFormats

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
        guard var command = config.command ?? project.command ?? defaultCommand(project) else {
            throw VantageError(.config, "Vantage does not know how to start \(project.name)",
                               at: SourceLocation(file: project.path + "/" + ProjectConfigReader.fileName, field: "command"),
                               hint: "add command = \"...\" to .vantage.toml")
        }
        let words = command.split(separator: " ", omittingEmptySubsequences: true)
        let first = words.first.map(String.init) ?? ""
        if project.kinds.contains(.python) || first.hasPrefix("python") {
            env["PYTHONUNBUFFERED"] = "1"
            let venv = project.path + "/.venv"
            if FileManager.default.fileExists(atPath: venv + "/bin/python") {
                if first == "python" || first == "python3" {
                    command = venv + "/bin/python" + command.dropFirst(first.count)
                }
                env["VIRTUAL_ENV"] = venv
                env["PATH"] = venv + "/bin:" + (path ?? "/usr/local/bin:/usr/bin:/bin")
            }
        }
        if first == "go" && LinuxCalls.which("go", path: path) == nil {
            throw VantageError(.unavailable, "go is not installed, so \(project.name) cannot start",
                               hint: "install Go (https://go.dev/doc/install) and make sure `go` is on PATH")
        }
        if first == "swift" && LinuxCalls.which("swift", path: path) == nil {
            throw VantageError(.unavailable, "swift is not installed, so \(project.name) cannot start")
        }
        if first == "node" || first == "npm", LinuxCalls.which(first, path: path) == nil {
            throw VantageError(.unavailable, "\(first) is not installed, so \(project.name) cannot start")
        }
        return LaunchPlan(processes: [Process(name: "main", command: command, preferredPort: preferred)], kindEnvironment: env)
    }

    static func defaultCommand(_ project: Project) -> String? {
        let fm = FileManager.default
        func has(_ f: String) -> Bool { fm.fileExists(atPath: project.path + "/" + f) }
        switch project.primaryKind {
        case .go: return "go run ."
        case .swift: return "swift run"
        case .node:
            if (try? PackageJSON.read(project.path + "/" + PackageJSON.fileName))?.hasStartScript == true { return "npm start" }
            for f in ["server.js", "index.js", "app.js", "main.js"] where has(f) { return "node \(f)" }
            return nil
        case .python:
            if has("manage.py") { return "python manage.py runserver 0.0.0.0:$PORT" }
            for f in ["app.py", "main.py", "server.py"] where has(f) { return "python \(f)" }
            return nil
        case .rust: return "cargo run"
        default: return nil
        }
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
