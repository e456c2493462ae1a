import Foundation
import VantageCore
import VantageFormats

/// `Cargo.toml` (read by `CargoManifest`): every dependency table, with its requirement checked.
enum CargoTomlParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let manifest = try CargoManifest.read(path)
        try manifest.problems.throwFirst()
        let project = manifest.packageName ?? path
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for d in manifest.dependencies {
            if let r = d.requirement {
                do throws(VantageVersionError) { _ = try CargoRequirement.parse(r) }
                catch { throw FormatText.problem(path, line: d.line, field: d.field, "bad version requirement \(error)") }
                reqs.append(Requirement(ecosystem: .crates, name: d.name, constraint: r, requiredBy: project, source: path, line: d.line))
            }
            let pinned = d.requirement.flatMap { r -> String? in r.hasPrefix("=") ? String(r.dropFirst()).trimmingCharacters(in: .whitespaces) : nil }
            deps.append(PackageDependency(ecosystem: .crates, name: d.name, version: pinned, requirement: d.requirement, isDirect: true, isDev: d.isDev,
                                          source: path, line: d.line, note: d.note))
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
