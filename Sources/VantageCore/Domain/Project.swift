/// A project's stable identity: its absolute folder path (or `engine/container` for containers).
/// A project of another host a console is attached to (`vantage --connect`) is qualified with the
/// host's name, `@web1:/srv/app`, so two hosts' projects never share an id.
public struct ProjectID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ProjectID, b: ProjectID) -> Bool { a.rawValue < b.rawValue }
    /// The last path component (the folder or container name), for short human text.
    public var displayName: String { rawValue.split(separator: "/").last.map(String.init) ?? rawValue }

    /// `id` as the console names it when it comes from `host`.
    public static func qualified(_ id: String, host: String?) -> ProjectID {
        guard let host else { return ProjectID(id) }
        return ProjectID(prefix(host) + id)
    }

    /// The host a qualified id comes from; nil for this machine's projects.
    public var host: String? {
        guard rawValue.hasPrefix("@"), let colon = rawValue.firstIndex(of: ":") else { return nil }
        return String(rawValue[rawValue.index(after: rawValue.startIndex)..<colon])
    }

    /// The id as its own host names it (the qualification removed).
    public var unqualified: ProjectID {
        guard let host else { return self }
        return ProjectID(String(rawValue.dropFirst(Self.prefix(host).count)))
    }

    static func prefix(_ host: String) -> String { "@" + host + ":" }

    /// Set in a decoder's or encoder's `userInfo` to the host name a connection talks to: ids
    /// decoded are qualified with it, ids encoded lose it (the remote daemon knows its own ids).
    public static let hostKey = CodingUserInfoKey(rawValue: "vantage.host")!

    private enum CodingKeys: String, CodingKey { case rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .rawValue)
        self = Self.qualified(raw, host: decoder.userInfo[Self.hostKey] as? String)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let sent = encoder.userInfo[Self.hostKey] is String ? unqualified : self
        try c.encode(sent.rawValue, forKey: .rawValue)
    }
}

/// A project as detected by the scanner (and later enriched by configuration).
public struct Project: Codable, Sendable, Hashable, Identifiable {
    public var id: ProjectID { ProjectID.qualified(path, host: host) }
    /// The host it runs on when that is not this machine (a console attached with `--connect`):
    /// set when it is decoded from that host's connection, never sent.
    public var host: String?
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
    /// Set when its `.vantage.toml` has an error but the last good copy kept under $VANTAGE_HOME is
    /// used instead: "using the last good .vantage.toml from <time>; fix <file>:<line>". Such a
    /// project is not broken (it keeps its command and ports); the note says what to fix.
    public var configFallback: String?

    public init(name: String, path: String, kinds: [ProjectKind], languages: [String] = [], command: String? = nil,
                ports: [Int] = [], dependencies: [Dependency] = [], engine: String? = nil, group: String? = nil,
                configProblem: String? = nil, configFallback: String? = nil) {
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
        self.configFallback = configFallback
    }

    public var isBroken: Bool { configProblem != nil }

    private enum CodingKeys: String, CodingKey {
        case name, path, kinds, languages, command, ports, dependencies, engine, group, configProblem, configFallback
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        kinds = try c.decode([ProjectKind].self, forKey: .kinds)
        languages = try c.decode([String].self, forKey: .languages)
        command = try c.decodeIfPresent(String.self, forKey: .command)
        ports = try c.decode([Int].self, forKey: .ports)
        dependencies = try c.decode([Dependency].self, forKey: .dependencies)
        engine = try c.decodeIfPresent(String.self, forKey: .engine)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        configProblem = try c.decodeIfPresent(String.self, forKey: .configProblem)
        configFallback = try c.decodeIfPresent(String.self, forKey: .configFallback)
        host = decoder.userInfo[ProjectID.hostKey] as? String
    }

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
