import VantageCore

/// `package.json`: name, version, `main`, `scripts`, and the dependency objects
/// (`dependencies`, `devDependencies`, `optionalDependencies`, `peerDependencies`). The one reader
/// for the scanner, the launch plan, the dependency reader and installed packages.
public struct PackageJSON: Sendable, Equatable {
    public static let fileName = "package.json"
    /// The dependency objects, and whether each is for development only.
    public static let dependencySections: [(name: String, isDev: Bool)] = [
        ("dependencies", false), ("devDependencies", true), ("optionalDependencies", false), ("peerDependencies", false),
    ]

    public struct Dependency: Sendable, Equatable {
        public var name: String
        /// The version range as written.
        public var range: String
        /// `dependencies`, `devDependencies`, ...
        public var section: String
        public var isDev: Bool
        public var line: Int?
    }

    public var file: String
    public var name: String?
    public var version: String?
    public var main: String?
    /// `license` ("MIT", or `{ "type": "MIT" }`), else the types of the old `licenses` array.
    public var licenses: [String] = []
    /// Script name → command.
    public var scripts: [String: String] = [:]
    /// Per section in `dependencySections` order, names sorted within a section.
    public var dependencies: [Dependency] = []
    public var problems: [VantageError] = []

    public var hasStartScript: Bool { scripts["start"] != nil }

    /// Reads and parses; invalid JSON throws (nothing in the file can be trusted then).
    public static func read(_ path: String) throws(VantageError) -> PackageJSON {
        try parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws(VantageError) -> PackageJSON {
        let json = try JSONDocument.object(text, file: file)
        let keyLines = JSONDocument.keyLines(text)
        var result = PackageJSON(file: file)
        func problem(_ key: String, _ field: String, _ message: String) {
            result.problems.append(FormatText.problem(file, line: keyLines[key], field: field, message))
        }
        if let raw = json["name"] {
            if let name = raw as? String, !name.isEmpty { result.name = name } else { problem("name", "name", "'name' must be a non-empty string") }
        }
        result.version = json["version"] as? String
        if let l = json["license"] as? String { result.licenses = [l] }
        else if let l = (json["license"] as? [String: Any])?["type"] as? String { result.licenses = [l] }
        else if let ls = json["licenses"] as? [[String: Any]] { result.licenses = ls.compactMap { $0["type"] as? String } }
        if let raw = json["main"] {
            if let main = raw as? String { result.main = main } else { problem("main", "main", "'main' must be a string") }
        }
        if let raw = json["scripts"] {
            if let scripts = raw as? [String: Any] {
                for (name, command) in scripts {
                    if let command = command as? String { result.scripts[name] = command } else {
                        problem(name, "scripts.\(name)", "'scripts.\(name)' must be a string")
                    }
                }
            } else {
                problem("scripts", "scripts", "'scripts' must be an object")
            }
        }
        for (section, dev) in dependencySections {
            guard let raw = json[section] else { continue }
            guard let table = raw as? [String: Any] else {
                problem(section, section, "'\(section)' must be an object of name to version range")
                continue
            }
            for (name, spec) in table.sorted(by: { $0.key < $1.key }) {
                guard let range = spec as? String else {
                    problem(name, "\(section).\(name)", "expected a version range string")
                    continue
                }
                result.dependencies.append(Dependency(name: name, range: range, section: section, isDev: dev, line: keyLines[name]))
            }
        }
        return result
    }
}
