import VantageCore

/// `Cargo.toml`: `[package].name` and the dependency tables `[dependencies]`,
/// `[dev-dependencies]`, `[build-dependencies]`, their `[target.'cfg(..)'.*]` forms and
/// `[workspace.dependencies]`. The one reader for the scanner and the dependency reader.
public struct CargoManifest: Sendable, Equatable {
    public static let fileName = "Cargo.toml"

    public struct Dependency: Sendable, Equatable {
        /// The crate's real name (`package = "real-name"` renames the key).
        public var name: String
        /// The version requirement as written (`"1.0"`, `{ version = "1" }`), if any.
        public var requirement: String?
        /// `dependencies`, `dev-dependencies`, `target.'cfg(unix)'.dependencies`, `workspace.dependencies`.
        public var section: String
        public var isDev: Bool
        /// Why there is no version: `git dependency`, `local path`, `inherited from the workspace`.
        public var note: String?
        public var line: Int
        /// `section.key`, for error locations.
        public var field: String
    }

    public var file: String
    public var packageName: String?
    public var dependencies: [Dependency] = []
    public var problems: [VantageError] = []

    public static func read(_ path: String) throws(VantageError) -> CargoManifest {
        parse(try TOMLParser.parse(contentsOf: path), file: path)
    }

    public static func parse(_ toml: TOMLTable, file: String) -> CargoManifest {
        var result = CargoManifest(file: file)
        if let package = toml["package"]?.tableValue, let raw = package.entry("name") {
            if let name = raw.value.stringValue { result.packageName = name } else {
                result.problems.append(FormatText.problem(file, line: raw.line, field: "package.name",
                                                          "'package.name' must be a string, not \(raw.value.typeDescription)"))
            }
        }
        var sections: [(TOMLTable.Entry, Bool, String)] = []
        for (key, dev) in [("dependencies", false), ("dev-dependencies", true), ("build-dependencies", false)] {
            if let entry = toml.entry(key) { sections.append((entry, dev, key)) }
            for target in toml["target"]?.tableValue?.entries ?? [] {
                if let entry = target.value.tableValue?.entry(key) { sections.append((entry, dev, "target.\(target.key).\(key)")) }
            }
        }
        if let workspace = toml["workspace"]?.tableValue, let entry = workspace.entry("dependencies") {
            sections.append((entry, false, "workspace.dependencies"))
        }
        for (sectionEntry, dev, section) in sections {
            guard let table = sectionEntry.value.tableValue else {
                result.problems.append(FormatText.problem(file, line: sectionEntry.line, field: section, "'\(section)' must be a table"))
                continue
            }
            for e in table.entries {
                let field = "\(section).\(e.key)"
                switch e.value {
                case .string(let requirement):
                    result.dependencies.append(Dependency(name: e.key, requirement: requirement, section: section, isDev: dev,
                                                          note: nil, line: e.line, field: field))
                case .table(let d):
                    let requirement = d["version"]?.stringValue
                    var note: String?
                    if d["workspace"]?.boolValue == true { note = "inherited from the workspace" }
                    else if d["git"] != nil { note = "git dependency" }
                    else if d["path"] != nil && requirement == nil { note = "local path" }
                    result.dependencies.append(Dependency(name: d["package"]?.stringValue ?? e.key, requirement: requirement, section: section,
                                                          isDev: dev, note: note, line: e.line, field: field))
                default:
                    result.problems.append(FormatText.problem(file, line: e.line, field: field,
                                                              "a dependency must be a version string or a table, not \(e.value.typeDescription)"))
                }
            }
        }
        return result
    }
}
