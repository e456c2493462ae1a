import Foundation
import VantageCore

/// A workspace's `vantage.toml`: the Docker engines to watch (`[[docker.engines]]` with `name`
/// and `host`), what projects may do (`[projects] allow_paths_outside`) and whether the pressure
/// governor runs (`[resources] governor`).
public struct WorkspaceFile: Sendable, Equatable {
    public struct Engine: Sendable, Equatable {
        public var name: String
        public var host: String
        public var line: Int
        /// `docker.engines[0]`.
        public var field: String
    }

    public var file: String
    public var engines: [Engine] = []
    /// Whether a project's `cwd` and `templates` may name paths outside the project folder.
    public var allowPathsOutside = false
    /// `[resources] governor = true`: throttle lower-priority projects under pressure (off otherwise).
    public var governor = false
    /// Unknown keys.
    public var warnings: [VantageError] = []
}

/// The one schema of `vantage.toml`.
public enum WorkspaceFileReader {
    public static let fileName = "vantage.toml"

    /// The workspace file at `root`, nil when there is none. Errors are thrown with file, line and field.
    public static func read(root: String) throws(VantageError) -> WorkspaceFile? {
        let path = root + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try parse(try TOMLParser.parse(contentsOf: path), file: path)
    }

    /// The nearest `vantage.toml` in a folder above `projectPath`, if one can be read.
    public static func enclosing(_ projectPath: String) -> WorkspaceFile? {
        var folder = (projectPath as NSString).standardizingPath
        while folder != "/" && !folder.isEmpty {
            folder = (folder as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: folder + "/" + fileName) {
                return try? read(root: folder)
            }
        }
        return nil
    }

    public static func parse(_ root: TOMLTable, file: String) throws(VantageError) -> WorkspaceFile {
        var config = WorkspaceFile(file: file)
        var t = SchemaTable(root, file: file, known: ["docker", "projects", "resources"])
        if var docker = t.table("docker", known: ["engines"]) {
            if let v = docker.table["engines"] {
                if let items = v.arrayValue {
                    for (i, item) in items.enumerated() {
                        let field = "docker.engines[\(i)]"
                        guard let e = item.tableValue else {
                            docker.fail("engines", "expected a table, found \(item.typeDescription)")
                            continue
                        }
                        var engine = SchemaTable(e, file: file, path: field, known: ["name", "host"])
                        if let host = engine.string("host", nonEmpty: true) {
                            config.engines.append(WorkspaceFile.Engine(name: engine.string("name", nonEmpty: true) ?? host, host: host,
                                                                         line: e.line(of: "host") ?? e.line, field: field + ".host"))
                        } else if e["host"] == nil {
                            engine.errors.append(VantageError(.config, "each engine needs host = \"unix:///…\" or \"tcp://…\"",
                                                              at: SourceLocation(file: file, line: e.line > 0 ? e.line : nil, field: field + ".host")))
                        }
                        docker.absorb(engine)
                    }
                } else {
                    docker.fail("engines", "expected [[docker.engines]] tables, found \(v.typeDescription)")
                }
            }
            t.absorb(docker)
        }
        if var projects = t.table("projects", known: ["allow_paths_outside"]) {
            config.allowPathsOutside = projects.bool("allow_paths_outside") ?? false
            t.absorb(projects)
        }
        if var resources = t.table("resources", known: ["governor"]) {
            config.governor = resources.bool("governor") ?? false
            t.absorb(resources)
        }
        try t.errors.throwFirst()
        config.warnings = t.warnings
        return config
    }
}
