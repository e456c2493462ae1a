import VantageCore

/// `Cargo.toml`: `[package].name`, the command `cargo run`, and `[dependencies]`
/// (a version string, or a table whose `version` is used; path/git dependencies have none).
enum CargoManifest {
    static let fileName = "Cargo.toml"

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        var evidence = KindEvidence(kind: .rust, command: "cargo run")
        guard let toml = ScanManifestText.toml(path, warnings: &warnings) else { return evidence }
        if let package = toml["package"]?.tableValue, let raw = package.entry("name") {
            if let name = raw.value.stringValue { evidence.name = name } else {
                warnings.add("'package.name' must be a string, not \(raw.value.typeDescription)", file: path, line: raw.line, field: "package.name")
            }
        }
        if let raw = toml.entry("dependencies") {
            guard let deps = raw.value.tableValue else {
                warnings.add("'dependencies' must be a table", file: path, line: raw.line, field: "dependencies")
                return evidence
            }
            for entry in deps.entries {
                switch entry.value {
                case .string(let version):
                    evidence.dependencies.append(Dependency(ecosystem: "cargo", name: entry.key, version: version))
                case .table(let t):
                    let name = t["package"]?.stringValue ?? entry.key
                    evidence.dependencies.append(Dependency(ecosystem: "cargo", name: name, version: t["version"]?.stringValue))
                default:
                    warnings.add("a dependency must be a version string or a table, not \(entry.value.typeDescription)",
                                 file: path, line: entry.line, field: "dependencies.\(entry.key)")
                }
            }
        }
        return evidence
    }
}
