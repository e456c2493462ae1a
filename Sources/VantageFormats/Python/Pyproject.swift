import VantageCore

/// `pyproject.toml`: the PEP 621 `[project]` table (name, dependencies, optional dependencies,
/// scripts), PEP 735 `[dependency-groups]` and Poetry's `[tool.poetry]` (name, scripts, main,
/// dev and group dependencies). The one reader for the scanner and the dependency reader.
public struct Pyproject: Sendable, Equatable {
    public static let fileName = "pyproject.toml"

    /// A PEP 508 string from `project.dependencies`, `project.optional-dependencies.X` or `dependency-groups.X`.
    public struct Requirement: Sendable, Equatable {
        public var requirement: PythonRequirement
        /// `project.dependencies`, `project.optional-dependencies.web`, `dependency-groups.test`.
        public var field: String
        /// Dependency groups are for development; optional dependencies are not.
        public var isDev: Bool
        public var line: Int?
    }

    /// An entry of a Poetry dependency table.
    public struct PoetryDependency: Sendable, Equatable {
        public var name: String
        /// The version constraint (`^2.31`, `*`), or nil for git and path dependencies.
        public var constraint: String?
        public var markers: String?
        public var isGit: Bool
        public var isPath: Bool
        /// `tool.poetry.dependencies`, `tool.poetry.dev-dependencies`, `tool.poetry.group.test.dependencies`.
        public var field: String
        public var isDev: Bool
        public var line: Int
    }

    public var file: String
    /// `project.name`, else `tool.poetry.name`.
    public var name: String?
    public var requirements: [Requirement] = []
    public var poetryDependencies: [PoetryDependency] = []
    /// `[project.scripts]` names, else Poetry's `[tool.poetry.scripts]`, in file order.
    public var scripts: [String] = []
    public var problems: [VantageError] = []

    public static func read(_ path: String) throws(VantageError) -> Pyproject {
        parse(try TOMLParser.parse(contentsOf: path), file: path)
    }

    public static func parse(_ toml: TOMLTable, file: String) -> Pyproject {
        var result = Pyproject(file: file)
        func problem(_ line: Int?, _ field: String, _ message: String, hint: String? = nil) {
            result.problems.append(FormatText.problem(file, line: line, field: field, message, hint: hint))
        }
        func addPEP508(_ value: TOMLValue, field: String, dev: Bool, line: Int?) {
            guard let items = value.arrayValue else {
                problem(line, field, "'\(field)' must be an array of requirement strings")
                return
            }
            for item in items {
                // PEP 735 groups may include other groups as tables ({include-group = "x"}).
                if dev, item.tableValue != nil { continue }
                guard let text = item.stringValue, let requirement = PythonRequirement(text) else {
                    problem(line, field, "not a requirement: \(item.stringValue.map { "\"\($0)\"" } ?? item.typeDescription)",
                            hint: "write it as name specifier, e.g. \"flask>=3.0\"")
                    continue
                }
                result.requirements.append(Requirement(requirement: requirement, field: field, isDev: dev, line: line))
            }
        }

        if let project = toml["project"]?.tableValue {
            if let raw = project.entry("name") {
                if let name = raw.value.stringValue, !name.isEmpty { result.name = name } else {
                    problem(raw.line, "project.name", "'project.name' must be a non-empty string, not \(raw.value.typeDescription)")
                }
            }
            if let raw = project.entry("dependencies") { addPEP508(raw.value, field: "project.dependencies", dev: false, line: raw.line) }
            for e in project["optional-dependencies"]?.tableValue?.entries ?? [] {
                addPEP508(e.value, field: "project.optional-dependencies.\(e.key)", dev: false, line: e.line)
            }
            result.scripts = project["scripts"]?.tableValue?.keys ?? []
        }
        for e in toml["dependency-groups"]?.tableValue?.entries ?? [] {
            addPEP508(e.value, field: "dependency-groups.\(e.key)", dev: true, line: e.line)
        }
        if let poetry = toml.value(at: ["tool", "poetry"])?.tableValue {
            if result.name == nil, let name = poetry["name"]?.stringValue { result.name = name }
            var sections: [(TOMLTable, Bool, String)] = []
            if let t = poetry["dependencies"]?.tableValue { sections.append((t, false, "tool.poetry.dependencies")) }
            if let t = poetry["dev-dependencies"]?.tableValue { sections.append((t, true, "tool.poetry.dev-dependencies")) }
            for g in poetry["group"]?.tableValue?.entries ?? [] {
                if let t = g.value.tableValue?["dependencies"]?.tableValue { sections.append((t, g.key != "main", "tool.poetry.group.\(g.key).dependencies")) }
            }
            for (table, dev, field) in sections {
                for e in table.entries where e.key.lowercased() != "python" {
                    let details = e.value.tableValue ?? e.value.arrayValue?.first?.tableValue
                    guard e.value.stringValue != nil || details != nil else {
                        problem(e.line, "\(field).\(e.key)", "a Poetry dependency must be a version string or a table, not \(e.value.typeDescription)")
                        continue
                    }
                    result.poetryDependencies.append(PoetryDependency(
                        name: e.key, constraint: e.value.stringValue ?? details?["version"]?.stringValue,
                        markers: details?["markers"]?.stringValue, isGit: details?["git"] != nil, isPath: details?["path"] != nil,
                        field: "\(field).\(e.key)", isDev: dev, line: e.line))
                }
            }
            if result.scripts.isEmpty { result.scripts = poetry["scripts"]?.tableValue?.keys ?? [] }
        }
        return result
    }
}
