import VantageCore

/// What the knowledge base knows about the project an error came from.
public struct ProjectContext: Sendable, Equatable {
    public var name: String
    public var kinds: [ProjectKind]
    /// Ports the project declares or was given.
    public var ports: [Int]
    /// Direct dependencies from its manifests.
    public var dependencies: [Dependency]

    public init(name: String, kinds: [ProjectKind] = [], ports: [Int] = [], dependencies: [Dependency] = []) {
        self.name = name
        self.kinds = kinds
        self.ports = ports
        self.dependencies = dependencies
    }

    public init(_ project: Project) {
        self.init(name: project.name, kinds: project.kinds, ports: project.ports, dependencies: project.dependencies)
    }

    /// The declared dependency a Python import or Node require names, if any. Python names are
    /// compared the PyPI way (case, `-`, `_` and `.` alike) and common import aliases are known.
    func declaredDependency(forModule module: String, ecosystem: String) -> Dependency? {
        let wanted = ecosystem == "pypi" ? Self.pypiName(Self.pythonImportAliases[module.lowercased()] ?? module) : module
        return dependencies.first { dep in
            guard dep.ecosystem == ecosystem else { return false }
            return ecosystem == "pypi" ? Self.pypiName(dep.name) == wanted : dep.name == wanted
        }
    }

    static func pypiName(_ s: String) -> String {
        s.lowercased().map { $0 == "_" || $0 == "." ? "-" : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// Import names that differ from the package that provides them.
    static let pythonImportAliases: [String: String] = [
        "yaml": "pyyaml", "cv2": "opencv-python", "pil": "pillow", "sklearn": "scikit-learn",
        "bs4": "beautifulsoup4", "dateutil": "python-dateutil", "dotenv": "python-dotenv", "jwt": "pyjwt",
        "psycopg2": "psycopg2-binary", "google.protobuf": "protobuf", "attr": "attrs", "magic": "python-magic",
    ]
}
