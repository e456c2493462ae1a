import Foundation
import VantageCore

/// `Cargo.toml`: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their
/// `[target.'cfg(..)'.*]` forms and `[workspace.dependencies]`. `package = "real-name"` renames.
enum CargoTomlParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let table = try TOMLParser.parse(contentsOf: path)
        let project = table.value(at: ["package", "name"])?.stringValue ?? path
        var sections: [(TOMLTable, Bool, String)] = []
        for (key, dev) in [("dependencies", false), ("dev-dependencies", true), ("build-dependencies", false)] {
            if let t = table[key]?.tableValue { sections.append((t, dev, key)) }
            for target in table["target"]?.tableValue?.entries ?? [] {
                if let t = target.value.tableValue?[key]?.tableValue { sections.append((t, dev, "target.\(target.key).\(key)")) }
            }
        }
        if let t = table.value(at: ["workspace", "dependencies"])?.tableValue { sections.append((t, false, "workspace.dependencies")) }
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for (t, dev, field) in sections {
            for e in t.entries {
                var requirement: String?
                var name = e.key
                var note: String?
                switch e.value {
                case .string(let s): requirement = s
                case .table(let d):
                    requirement = d["version"]?.stringValue
                    if let real = d["package"]?.stringValue { name = real }
                    if d["workspace"]?.boolValue == true { note = "inherited from the workspace" }
                    else if d["git"] != nil { note = "git dependency" }
                    else if d["path"] != nil && requirement == nil { note = "local path" }
                default:
                    throw ManifestText.error(path, line: e.line, field: "\(field).\(e.key)", "expected a version string or a table, found \(e.value.typeDescription)")
                }
                if let r = requirement {
                    do throws(VantageVersionError) { _ = try CargoRequirement.parse(r) }
                    catch { throw ManifestText.error(path, line: e.line, field: "\(field).\(e.key)", "bad version requirement \(error)") }
                    reqs.append(Requirement(ecosystem: .crates, name: name, constraint: r, requiredBy: project, source: path, line: e.line))
                }
                let pinned = requirement.flatMap { r -> String? in r.hasPrefix("=") ? String(r.dropFirst()).trimmingCharacters(in: .whitespaces) : nil }
                deps.append(PackageDependency(ecosystem: .crates, name: name, version: pinned, requirement: requirement, isDirect: true, isDev: dev, source: path, line: e.line, note: note))
            }
        }
        return ParsedManifest(path: path, format: .cargoToml, dependencies: deps, requirements: reqs)
    }
}

/// `Cargo.lock` v1–v4: `[[package]]` with name, version, source and dependencies. Packages
/// without a `source` are the workspace's own crates; what they depend on is direct.
enum CargoLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let table = try TOMLParser.parse(contentsOf: path)
        let packages = try TOMLPackages.list(table, path: path)
        var direct = Set<String>()
        var deps: [PackageDependency] = []
        for (i, pkg) in packages.enumerated() {
            let (name, version) = try TOMLPackages.nameAndVersion(pkg, index: i, path: path)
            let source = pkg["source"]?.stringValue
            if source == nil {
                for d in pkg["dependencies"]?.arrayValue ?? [] {
                    if let s = d.stringValue, let n = s.split(separator: " ").first { direct.insert(String(n)) }
                }
                continue
            }
            let note = source!.hasPrefix("git+") ? "git dependency" : nil
            deps.append(PackageDependency(ecosystem: .crates, name: name, version: version, isDirect: false, source: path, line: pkg.line(of: "name"), note: note))
        }
        for i in deps.indices where direct.contains(deps[i].name) { deps[i].isDirect = true }
        return ParsedManifest(path: path, format: .cargoLock, dependencies: deps)
    }
}
