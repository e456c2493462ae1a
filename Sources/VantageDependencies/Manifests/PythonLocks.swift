import Foundation
import VantageCore
import VantageFormats

/// `poetry.lock`: `[[package]]` tables with name, version, category/groups and dependencies.
enum PoetryLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let table = try TOMLParser.parse(contentsOf: path)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var edges: [LockEdge] = []
        for (i, pkg) in try TOMLPackages.list(table, path: path).enumerated() {
            let (name, version) = try TOMLPackages.nameAndVersion(pkg, index: i, path: path)
            let dev = pkg["category"]?.stringValue == "dev"
            // Poetry before 1.5 wrote the union of the markers a package is reached under on the package itself.
            deps.append(PackageDependency(ecosystem: .pypi, name: name, version: version, isDirect: false, isDev: dev, source: path, line: pkg.line(of: "name"),
                                          marker: pkg["markers"]?.stringValue))
            for entry in pkg["dependencies"]?.tableValue?.entries ?? [] {
                // `dep = ">=1"`, `dep = {version = ">=1", markers = "..."}` or a list of such tables for different markers.
                let tables = entry.value.tableValue.map { [$0] } ?? (entry.value.arrayValue ?? []).compactMap(\.tableValue)
                let constraint = entry.value.stringValue ?? tables.first?["version"]?.stringValue ?? "*"
                let markers = tables.compactMap { $0["markers"]?.stringValue }
                let marker = markers.isEmpty || markers.count < tables.count ? nil : markers.count == 1 ? markers[0] : markers.map { "(\($0))" }.joined(separator: " or ")
                reqs.append(Requirement(ecosystem: .pypi, name: entry.key, constraint: constraint, requiredBy: "\(name) \(version)", source: path, line: entry.line, marker: marker))
                edges.append(LockEdge(from: Ecosystem.pep503(name), to: Ecosystem.pep503(entry.key), marker: marker, line: entry.line))
            }
        }
        return ParsedManifest(path: path, format: .poetryLock, dependencies: deps, requirements: reqs, edges: edges)
    }
}

/// `uv.lock`: `[[package]]` with name, version, source; the project itself has an editable or
/// virtual source, and its `dependencies` are the direct ones.
enum UvLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let table = try TOMLParser.parse(contentsOf: path)
        let packages = try TOMLPackages.list(table, path: path)
        var direct = Set<String>()
        var reqs: [Requirement] = []
        var deps: [PackageDependency] = []
        var edges: [LockEdge] = []
        for (i, pkg) in packages.enumerated() {
            let source = pkg["source"]?.tableValue
            let isProject = source?["editable"] != nil || source?["virtual"] != nil
            let name = pkg["name"]?.stringValue ?? ""
            let version = pkg["version"]?.stringValue
            for d in pkg["dependencies"]?.arrayValue ?? [] {
                guard let t = d.tableValue, let n = t["name"]?.stringValue else { continue }
                edges.append(LockEdge(from: isProject ? LockEdge.project : Ecosystem.pep503(name), to: Ecosystem.pep503(n),
                                      marker: t["marker"]?.stringValue, line: t.line))
            }
            if isProject {
                for d in pkg["dependencies"]?.arrayValue ?? [] { if let n = d.tableValue?["name"]?.stringValue { direct.insert(Ecosystem.pep503(n)) } }
                for r in pkg.value(at: ["metadata", "requires-dist"])?.arrayValue ?? [] {
                    if let t = r.tableValue, let n = t["name"]?.stringValue {
                        reqs.append(Requirement(ecosystem: .pypi, name: n, constraint: t["specifier"]?.stringValue ?? "", requiredBy: name, source: path, line: t.line,
                                                marker: t["marker"]?.stringValue))
                    }
                }
                continue
            }
            guard let version else {
                throw FormatText.problem(path, line: pkg.line(of: "name") ?? pkg.line, field: "package[\(i)].version", "the package '\(name)' has no version")
            }
            _ = try TOMLPackages.nameAndVersion(pkg, index: i, path: path)
            deps.append(PackageDependency(ecosystem: .pypi, name: name, version: version, isDirect: false, source: path, line: pkg.line(of: "name")))
        }
        for i in deps.indices where direct.contains(Ecosystem.pep503(deps[i].name)) { deps[i].isDirect = true }
        return ParsedManifest(path: path, format: .uvLock, dependencies: deps, requirements: reqs, edges: edges)
    }
}

/// `Pipfile.lock`: JSON with `default` and `develop` maps of name → `{version: "==1.2.3"}`.
enum PipfileLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        let json = try JSONDocument.object(text, file: path)
        let keyLines = JSONDocument.keyLines(text)
        var deps: [PackageDependency] = []
        for (section, dev) in [("default", false), ("develop", true)] {
            for (name, value) in ((json[section] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let entry = value as? [String: Any] else {
                    throw FormatText.problem(path, line: keyLines[name], field: "\(section).\(name)", "expected an object")
                }
                var version = entry["version"] as? String
                if let v = version, v.hasPrefix("==") { version = String(v.dropFirst(2)) }
                deps.append(PackageDependency(ecosystem: .pypi, name: name, version: version, isDirect: false, isDev: dev, source: path,
                                       line: keyLines[name], marker: entry["markers"] as? String,
                                       note: version == nil ? (entry["git"] != nil ? "git dependency" : (entry["path"] != nil ? "local path" : "no version")) : nil))
            }
        }
        return ParsedManifest(path: path, format: .pipfileLock, dependencies: deps)
    }
}

/// `Pipfile`: `[packages]` and `[dev-packages]` tables.
enum PipfileParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let table = try TOMLParser.parse(contentsOf: path)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for (section, dev) in [("packages", false), ("dev-packages", true)] {
            for entry in table[section]?.tableValue?.entries ?? [] {
                let spec = entry.value.stringValue ?? entry.value.tableValue?["version"]?.stringValue
                let s = (spec == "*" ? nil : spec)
                if let s { reqs.append(Requirement(ecosystem: .pypi, name: entry.key, constraint: s, requiredBy: path, source: path, line: entry.line)) }
                deps.append(PackageDependency(ecosystem: .pypi, name: entry.key, version: s.flatMap { PythonRequirement(name: entry.key, specifier: $0).pinnedVersion },
                                       requirement: s, isDirect: true, isDev: dev, source: path, line: entry.line))
            }
        }
        return ParsedManifest(path: path, format: .pipfile, dependencies: deps, requirements: reqs)
    }
}

/// `pyproject.toml` (read by `Pyproject`): PEP 621 dependencies and optional dependencies,
/// PEP 735 dependency groups, and Poetry's dependency tables.
enum PyprojectParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let pyproject = try Pyproject.read(path)
        try pyproject.problems.filter { $0.location?.field != "project.name" }.throwFirst()
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        let project = pyproject.name ?? path
        for entry in pyproject.requirements {
            let r = entry.requirement
            if !r.specifier.isEmpty { reqs.append(Requirement(ecosystem: .pypi, name: r.name, constraint: r.specifier, requiredBy: project, source: path, line: entry.line, marker: r.marker)) }
            deps.append(PackageDependency(ecosystem: .pypi, name: r.name, version: r.pinnedVersion, requirement: r.specifier.isEmpty ? nil : r.specifier,
                                          isDirect: true, isDev: entry.isDev, source: path, line: entry.line, marker: r.marker))
        }
        for d in pyproject.poetryDependencies {
            let spec = d.constraint
            let note = spec == nil ? (d.isGit ? "git dependency" : (d.isPath ? "local path" : nil)) : nil
            if let spec, spec != "*" {
                reqs.append(Requirement(ecosystem: .pypi, name: d.name, constraint: spec, requiredBy: project, source: path, line: d.line, marker: d.markers))
            }
            let pinned = spec.flatMap { s -> String? in
                if let f = s.first, f.isNumber, PEP440Version(s) != nil { return s }
                return PythonRequirement(name: d.name, specifier: s).pinnedVersion
            }
            deps.append(PackageDependency(ecosystem: .pypi, name: d.name, version: pinned, requirement: spec, isDirect: true, isDev: d.isDev, source: path, line: d.line,
                                          marker: d.markers, note: note))
        }
        return ParsedManifest(path: path, format: .pyproject, dependencies: deps, requirements: reqs)
    }
}

/// Shared reading of `[[package]]` arrays (poetry.lock, uv.lock, Cargo.lock).
enum TOMLPackages {
    static func list(_ table: TOMLTable, path: String) throws(VantageError) -> [TOMLTable] {
        guard let value = table["package"] else { return [] }
        guard let array = value.arrayValue else {
            throw FormatText.problem(path, line: table.line(of: "package"), field: "package", "expected [[package]] tables")
        }
        var out: [TOMLTable] = []
        for (i, v) in array.enumerated() {
            guard let t = v.tableValue else { throw FormatText.problem(path, line: table.line(of: "package"), field: "package[\(i)]", "expected a table") }
            out.append(t)
        }
        return out
    }

    static func nameAndVersion(_ pkg: TOMLTable, index: Int, path: String) throws(VantageError) -> (String, String) {
        guard let name = pkg["name"]?.stringValue else {
            throw FormatText.problem(path, line: pkg.line, field: "package[\(index)].name", "the package has no name")
        }
        guard let version = pkg["version"]?.stringValue else {
            throw FormatText.problem(path, line: pkg.line(of: "name") ?? pkg.line, field: "package[\(index)].version", "the package '\(name)' has no version")
        }
        return (name, version)
    }
}
