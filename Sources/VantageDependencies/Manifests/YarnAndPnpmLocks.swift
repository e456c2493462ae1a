import Foundation
import VantageCore
import VantageFormats

/// `yarn.lock`, both v1 (`name@^1:` / `  version "1.2.3"`) and berry (YAML with `__metadata`).
enum YarnLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        let berry = !YarnV1Lock.isV1(text)
        let root = try berry ? IndentedNode.yaml(text, file: path) : YarnV1Lock.tree(text, file: path)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var direct = Set<String>()
        var seen = Set<String>()
        for entry in root.children where entry.key != "__metadata" {
            let specs = entry.key.split(separator: ",").map { YarnV1Lock.unquote($0.trimmingCharacters(in: .whitespaces)) }
            guard let firstSpec = specs.first, let name = packageName(fromSpec: firstSpec) else {
                throw FormatText.problem(path, line: entry.line, field: entry.key, "cannot read the package name from '\(entry.key)'")
            }
            guard let version = entry.string("version") else {
                throw FormatText.problem(path, line: entry.line, field: "\(entry.key).version", "the entry has no version")
            }
            let resolution = entry.string("resolution") ?? ""
            if berry && (resolution.contains("@workspace:") || entry.string("languageName") == "unknown") {
                // The project itself (or a workspace member): its dependencies are the direct ones.
                for dep in entry["dependencies"]?.children ?? [] { direct.insert(dep.key) }
                continue
            }
            for spec in specs {
                let range = String(spec.dropFirst(name.count + 1))
                reqs.append(Requirement(ecosystem: .npm, name: name, constraint: stripProtocol(range), requiredBy: "(yarn.lock key)", source: path, line: entry.line))
            }
            for dep in entry["dependencies"]?.children ?? [] {
                if let v = dep.value { reqs.append(Requirement(ecosystem: .npm, name: dep.key, constraint: stripProtocol(v), requiredBy: "\(name) \(version)", source: path, line: dep.line)) }
            }
            guard seen.insert("\(name)@\(version)").inserted else { continue }
            deps.append(PackageDependency(ecosystem: .npm, name: name, version: version, isDirect: false, source: path, line: entry.line))
        }
        if !direct.isEmpty { for i in deps.indices where direct.contains(deps[i].name) { deps[i].isDirect = true } }
        // Requirements keyed by the lock file itself are only used to know the ranges; drop them from chains.
        reqs.removeAll { $0.requiredBy == "(yarn.lock key)" }
        return ParsedManifest(path: path, format: .yarnLock, dependencies: deps, requirements: reqs)
    }

    /// `@scope/name@npm:^1.0.0` → `@scope/name`.
    static func packageName(fromSpec spec: String) -> String? {
        let start = spec.hasPrefix("@") ? spec.index(after: spec.startIndex) : spec.startIndex
        guard let at = spec[start...].firstIndex(of: "@") else { return nil }
        let name = String(spec[..<at])
        return name.isEmpty ? nil : name
    }

    static func stripProtocol(_ range: String) -> String {
        range.hasPrefix("npm:") ? String(range.dropFirst(4)) : range
    }
}

/// `pnpm-lock.yaml` lockfile versions 5.x, 6.x and 9.x.
enum PnpmLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        let root = try IndentedNode.yaml(text, file: path)
        guard root["lockfileVersion"] != nil else {
            throw FormatText.problem(path, line: 1, field: "lockfileVersion", "not a pnpm lock file (no lockfileVersion)")
        }
        var direct: [String: (specifier: String?, dev: Bool)] = [:]
        var importers: [IndentedNode] = []
        if let imp = root["importers"] { importers = imp.children } else { importers = [root] }
        var reqs: [Requirement] = []
        for importer in importers {
            let specifiers = importer["specifiers"]   // v5
            for (section, dev) in [("dependencies", false), ("devDependencies", true), ("optionalDependencies", false)] {
                for dep in importer[section]?.children ?? [] {
                    let spec = dep.string("specifier") ?? specifiers?.string(dep.key)
                    direct[dep.key] = (spec, dev)
                    if let spec { reqs.append(Requirement(ecosystem: .npm, name: dep.key, constraint: spec, requiredBy: importer.key.isEmpty ? path : importer.key, source: path, line: dep.line)) }
                }
            }
        }
        var deps: [PackageDependency] = []
        var seen = Set<String>()
        for entry in root["packages"]?.children ?? [] {
            guard let (name, version) = nameAndVersion(fromKey: entry.key, entry: entry) else {
                throw FormatText.problem(path, line: entry.line, field: "packages.\(entry.key)", "cannot read name and version from '\(entry.key)'")
            }
            guard seen.insert("\(name)@\(version)").inserted else { continue }
            let d = direct[name]
            deps.append(PackageDependency(ecosystem: .npm, name: name, version: version, requirement: d?.specifier,
                                   isDirect: d != nil, isDev: (entry.string("dev") == "true") || (d?.dev ?? false), source: path, line: entry.line))
            for dep in entry["dependencies"]?.children ?? [] {
                if let v = dep.value { reqs.append(Requirement(ecosystem: .npm, name: dep.key, constraint: v.split(separator: "(").first.map(String.init) ?? v, requiredBy: "\(name) \(version)", source: path, line: dep.line)) }
            }
        }
        // v9 keeps each package's dependencies under `snapshots:` (exact versions, peer suffixes).
        for entry in root["snapshots"]?.children ?? [] {
            guard let (name, version) = nameAndVersion(fromKey: entry.key, entry: entry) else { continue }
            for dep in (entry["dependencies"]?.children ?? []) + (entry["optionalDependencies"]?.children ?? []) {
                if let v = dep.value { reqs.append(Requirement(ecosystem: .npm, name: dep.key, constraint: v.split(separator: "(").first.map(String.init) ?? v, requiredBy: "\(name) \(version)", source: path, line: dep.line)) }
            }
        }
        return ParsedManifest(path: path, format: .pnpmLock, dependencies: deps, requirements: reqs)
    }

    /// `/name@1.2.3(peer@1)` (v6), `name@1.2.3` (v9), `/@scope/name/1.2.3_peer@1` (v5).
    static func nameAndVersion(fromKey key: String, entry: IndentedNode) -> (String, String)? {
        var k = key
        if k.hasPrefix("/") { k.removeFirst() }
        if let paren = k.firstIndex(of: "(") { k = String(k[..<paren]) }
        let start = k.hasPrefix("@") ? k.index(after: k.startIndex) : k.startIndex
        if let at = k[start...].lastIndex(of: "@") {
            let name = String(k[..<at]), version = String(k[k.index(after: at)...])
            if !name.isEmpty, !version.isEmpty { return (name, entry.string("version") ?? version) }
        }
        // v5: name/version[_peers]
        guard let slash = k.lastIndex(of: "/") else { return nil }
        var version = String(k[k.index(after: slash)...])
        if let u = version.firstIndex(of: "_") { version = String(version[..<u]) }
        let name = String(k[..<slash])
        return name.isEmpty || version.isEmpty ? nil : (name, version)
    }
}
