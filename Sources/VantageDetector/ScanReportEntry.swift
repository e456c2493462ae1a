import VantageCore

/// One project as `vantage scan --json` prints it (documented in docs/scan-json.md).
/// Every key is always present; `command` is null when none could be inferred.
public struct ScanReportEntry: Codable, Sendable, Equatable {
    public struct DependencyEntry: Codable, Sendable, Equatable {
        public var ecosystem: String
        public var name: String
        public var version: String?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ecosystem, forKey: .ecosystem)
            try c.encode(name, forKey: .name)
            try c.encode(version, forKey: .version)
        }
    }

    public var name: String
    public var path: String
    /// The primary kind (`kinds[0]`).
    public var kind: String
    public var kinds: [String]
    /// The languages the project is written in (`javascript`, `typescript`, `python`, `kotlin`, ...).
    public var languages: [String]
    public var command: String?
    public var ports: [Int]
    public var dependencies: [DependencyEntry]
    /// Why the project's `.vantage.toml` cannot be read (file:line: field: message), or nil.
    public var broken: String?

    public init(_ project: Project) {
        name = project.name
        path = project.path
        kind = project.primaryKind.rawValue
        kinds = project.kinds.map(\.rawValue)
        languages = project.languages
        command = project.command
        ports = project.ports
        dependencies = project.dependencies.map { DependencyEntry(ecosystem: $0.ecosystem, name: $0.name, version: $0.version) }
        broken = project.configProblem
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(path, forKey: .path)
        try c.encode(kind, forKey: .kind)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(languages, forKey: .languages)
        try c.encode(command, forKey: .command)
        try c.encode(ports, forKey: .ports)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encode(broken, forKey: .broken)
    }
}
