/// A project's stable identity: its absolute folder path (or `engine/container` for containers).
public struct ProjectID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ProjectID, b: ProjectID) -> Bool { a.rawValue < b.rawValue }
    /// The last path component (the folder or container name), for short human text.
    public var displayName: String { rawValue.split(separator: "/").last.map(String.init) ?? rawValue }
}

/// A project as detected by the scanner (and later enriched by configuration).
public struct Project: Codable, Sendable, Hashable, Identifiable {
    public var id: ProjectID { ProjectID(path) }
    /// The folder name unless the manifest names the project.
    public var name: String
    /// Absolute path of the project folder.
    public var path: String
    /// Every kind detected, most specific first. `kinds.first` is the primary kind.
    public var kinds: [ProjectKind]
    /// The programming languages its manifests show (`ProgrammingLanguage` raw values: "javascript",
    /// "typescript", "python", "kotlin", ...), in kind order; empty for a compose or Docker-only folder.
    public var languages: [String]
    /// The proposed start command, if one can be inferred.
    public var command: String?
    /// Ports the project declares (from `.env` PORT, compose ports, Procfile `$PORT`).
    public var ports: [Int]
    /// Direct dependencies named in the project's manifests ("name" or "name@version").
    public var dependencies: [Dependency]
    /// For containers: the Docker engine they run on.
    public var engine: String?
    /// For containers: the compose project they belong to (the grid shows them beneath it).
    public var group: String?
    /// Why the project's own configuration (`.vantage.toml`) cannot be read, with file, line and
    /// field; nil when it can. A broken project is listed and shown, but not started.
    public var configProblem: String?

    public init(name: String, path: String, kinds: [ProjectKind], languages: [String] = [], command: String? = nil,
                ports: [Int] = [], dependencies: [Dependency] = [], engine: String? = nil, group: String? = nil,
                configProblem: String? = nil) {
        self.name = name
        self.path = path
        self.kinds = kinds
        self.languages = languages
        self.command = command
        self.ports = ports
        self.dependencies = dependencies
        self.engine = engine
        self.group = group
        self.configProblem = configProblem
    }

    public var isBroken: Bool { configProblem != nil }

    public var primaryKind: ProjectKind { kinds.first ?? .command }
}

/// A direct dependency as declared by a manifest.
public struct Dependency: Codable, Sendable, Hashable {
    public var ecosystem: String
    public var name: String
    /// The declared version or constraint as written, if any.
    public var version: String?
    public init(ecosystem: String, name: String, version: String? = nil) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
    }
}
