import Foundation
import VantageCore

/// `package.json`: the declared (direct) dependencies.
enum PackageJSONParser {
    static let sections: [(String, Bool)] = [("dependencies", false), ("devDependencies", true),
                                             ("optionalDependencies", false), ("peerDependencies", false)]

    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        let json = try ManifestText.json(text, path: path)
        let keyLines = ManifestText.jsonKeyLines(text)
        let project = (json["name"] as? String) ?? path
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var seen = Set<String>()
        for (section, dev) in sections {
            guard let value = json[section] else { continue }
            guard let table = value as? [String: Any] else {
                throw ManifestText.error(path, line: keyLines[section], field: section, "expected an object of name → version range")
            }
            for (name, spec) in table.sorted(by: { $0.key < $1.key }) {
                guard let range = spec as? String else {
                    throw ManifestText.error(path, line: keyLines[name], field: "\(section).\(name)", "expected a version range string")
                }
                reqs.append(Requirement(ecosystem: .npm, name: name, constraint: range, requiredBy: project, source: path, line: keyLines[name]))
                guard seen.insert(name).inserted else { continue }   // peer deps often repeat a dev dep
                deps.append(PackageDependency(ecosystem: .npm, name: name, version: exactVersion(range), requirement: range,
                                       isDirect: true, isDev: dev, source: path, line: keyLines[name]))
            }
        }
        return ParsedManifest(path: path, format: .packageJSON, dependencies: deps, requirements: reqs)
    }

    /// A range that pins one version (`1.2.3`, `=1.2.3`) names it.
    static func exactVersion(_ range: String) -> String? {
        var t = range.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("=") { t.removeFirst() }
        return SemanticVersion(t) != nil ? t : nil
    }
}

/// `package-lock.json` (and `npm-shrinkwrap.json`) versions 1, 2 and 3.
enum PackageLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        let json = try ManifestText.json(text, path: path)
        let keyLines = ManifestText.jsonKeyLines(text)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        if let packages = json["packages"] as? [String: Any] {
            // v2/v3: flat map keyed by install path.
            let root = packages[""] as? [String: Any] ?? [:]
            var direct = Set<String>()
            for (section, _) in PackageJSONParser.sections {
                for (name, spec) in (root[section] as? [String: Any]) ?? [:] {
                    direct.insert(name)
                    if let s = spec as? String {
                        reqs.append(Requirement(ecosystem: .npm, name: name, constraint: s, requiredBy: (root["name"] as? String) ?? path, source: path))
                    }
                }
            }
            for (key, value) in packages.sorted(by: { $0.key < $1.key }) where !key.isEmpty {
                guard let entry = value as? [String: Any] else {
                    throw ManifestText.error(path, line: keyLines[key], field: "packages.\(key)", "expected an object")
                }
                guard let range = key.range(of: "node_modules/", options: .backwards) else { continue }  // workspace folder
                if entry["link"] as? Bool == true { continue }
                let name = (entry["name"] as? String) ?? String(key[range.upperBound...])
                guard let version = entry["version"] as? String else {
                    throw ManifestText.error(path, line: keyLines[key], field: "packages.\(key).version", "the package has no version", hint: "regenerate with `npm install --package-lock-only`")
                }
                let topLevel = key.hasPrefix("node_modules/") && !key.dropFirst("node_modules/".count).contains("node_modules/")
                deps.append(PackageDependency(ecosystem: .npm, name: name, version: version, isDirect: topLevel && direct.contains(name),
                                       isDev: entry["dev"] as? Bool ?? false, source: path, line: keyLines[key]))
                for section in ["dependencies", "optionalDependencies", "peerDependencies"] {
                    for (dep, spec) in (entry[section] as? [String: Any]) ?? [:] {
                        if let s = spec as? String {
                            reqs.append(Requirement(ecosystem: .npm, name: dep, constraint: s, requiredBy: "\(name) \(version)", source: path, line: keyLines[key]))
                        }
                    }
                }
            }
        } else if let tree = json["dependencies"] as? [String: Any] {
            // v1: nested tree.
            try walkV1(tree, depth: 0, fieldPrefix: "dependencies", path: path, keyLines: keyLines, deps: &deps, reqs: &reqs)
        } else if json["lockfileVersion"] == nil {
            throw ManifestText.error(path, line: 1, field: "lockfileVersion", "not an npm lock file (no lockfileVersion, packages or dependencies)")
        }
        return ParsedManifest(path: path, format: .packageLock, dependencies: deps, requirements: reqs)
    }

    static func walkV1(_ tree: [String: Any], depth: Int, fieldPrefix: String, path: String, keyLines: [String: Int],
                       deps: inout [PackageDependency], reqs: inout [Requirement]) throws(VantageError) {
        for (name, value) in tree.sorted(by: { $0.key < $1.key }) {
            guard let entry = value as? [String: Any], let version = entry["version"] as? String else {
                throw ManifestText.error(path, line: keyLines[name], field: "\(fieldPrefix).\(name).version", "the package has no version")
            }
            // v1 does not say which entries are direct; package.json beside it does (merged later).
            deps.append(PackageDependency(ecosystem: .npm, name: name, version: version, isDirect: false,
                                   isDev: entry["dev"] as? Bool ?? false, source: path, line: keyLines[name]))
            for (dep, spec) in (entry["requires"] as? [String: Any]) ?? [:] {
                if let s = spec as? String { reqs.append(Requirement(ecosystem: .npm, name: dep, constraint: s, requiredBy: "\(name) \(version)", source: path, line: keyLines[name])) }
            }
            if let nested = entry["dependencies"] as? [String: Any] {
                try walkV1(nested, depth: depth + 1, fieldPrefix: "\(fieldPrefix).\(name).dependencies", path: path, keyLines: keyLines, deps: &deps, reqs: &reqs)
            }
        }
    }
}
