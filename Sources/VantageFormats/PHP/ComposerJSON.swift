import VantageCore

/// `composer.json` (PHP): the package name, `scripts`, and `require` / `require-dev`
/// (platform requirements such as `php` and `ext-*` are not packages and are left out).
public struct ComposerJSON: Sendable, Equatable {
    public static let fileName = "composer.json"

    public struct Requirement: Sendable, Equatable {
        public var name: String
        public var constraint: String
        public var isDev: Bool
        public var line: Int?
        /// `require.vendor/name`.
        public var field: String
    }

    public var file: String
    public var name: String?
    /// Script name → command (a list of commands is joined with ` && `).
    public var scripts: [String: String] = [:]
    public var requirements: [Requirement] = []
    public var problems: [VantageError] = []

    public static func read(_ path: String) throws(VantageError) -> ComposerJSON {
        try parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws(VantageError) -> ComposerJSON {
        let json = try JSONDocument.object(text, file: file)
        let keyLines = JSONDocument.keyLines(text)
        var result = ComposerJSON(file: file)
        if let raw = json["name"] {
            if let name = raw as? String, !name.isEmpty { result.name = name } else {
                result.problems.append(FormatText.problem(file, line: keyLines["name"], field: "name", "'name' must be a non-empty string"))
            }
        }
        for (name, value) in (json["scripts"] as? [String: Any]) ?? [:] {
            if let command = value as? String { result.scripts[name] = command }
            else if let commands = value as? [Any] { result.scripts[name] = commands.compactMap { $0 as? String }.joined(separator: " && ") }
        }
        for (section, dev) in [("require", false), ("require-dev", true)] {
            guard let raw = json[section] else { continue }
            guard let table = raw as? [String: Any] else {
                result.problems.append(FormatText.problem(file, line: keyLines[section], field: section, "'\(section)' must be an object of package to version constraint"))
                continue
            }
            for (name, value) in table.sorted(by: { $0.key < $1.key }) where name.contains("/") {
                guard let constraint = value as? String else {
                    result.problems.append(FormatText.problem(file, line: keyLines[name], field: "\(section).\(name)", "expected a version constraint string"))
                    continue
                }
                result.requirements.append(Requirement(name: name, constraint: constraint, isDev: dev, line: keyLines[name], field: "\(section).\(name)"))
            }
        }
        return result
    }
}
