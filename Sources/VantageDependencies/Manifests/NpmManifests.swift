import Foundation
import VantageCore
import VantageFormats

/// `package.json`: the declared (direct) dependencies.
enum PackageJSONParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let manifest = try PackageJSON.read(path)
        // A bad name or script does not stop the dependencies from being read; a bad dependency entry does.
        try manifest.problems.filter { problem in
            PackageJSON.dependencySections.contains { problem.location?.field?.hasPrefix($0.name) == true }
        }.throwFirst()
        let project = manifest.name ?? path
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var seen = Set<String>()
        for d in manifest.dependencies {
            reqs.append(Requirement(ecosystem: .npm, name: d.name, constraint: d.range, requiredBy: project, source: path, line: d.line))
            guard seen.insert(d.name).inserted else { continue }   // peer deps often repeat a dev dep
            deps.append(PackageDependency(ecosystem: .npm, name: d.name, version: exactVersion(d.range), requirement: d.range,
                                          isDirect: true, isDev: d.isDev, source: path, line: d.line))
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
        let text = try FormatText.read(path)
        let json = try JSONDocument.object(text, file: path)
        let keyLines = JSONDocument.keyLines(text)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        if let packages = json["packages"] as? [String: Any] {
            // v2/v3: flat map keyed by install path.
            let root = packages[""] as? [String: Any] ?? [:]
            var direct = Set<String>()
            for (section, _) in PackageJSON.dependencySections {
                for (name, spec) in (root[section] as? [String: Any]) ?? [:] {
                    direct.insert(name)
                    if let s = spec as? String {
                        reqs.append(Requirement(ecosystem: .npm, name: name, constraint: s, requiredBy: (root["name"] as? String) ?? path, source: path))
                    }
                }
            }
            for (key, value) in packages.sorted(by: { $0.key < $1.key }) where !key.isEmpty {
                guard let entry = value as? [String: Any] else {
                    throw FormatText.problem(path, line: keyLines[key], field: "packages.\(key)", "expected an object")
                }
                guard let range = key.range(of: "node_modules/", options: .backwards) else { continue }  // workspace folder
                if entry["link"] as? Bool == true { continue }
                let name = (entry["name"] as? String) ?? String(key[range.upperBound...])
                guard let version = entry["version"] as? String else {
                    throw FormatText.problem(path, line: keyLines[key], field: "packages.\(key).version", "the package has no version", hint: "regenerate with `npm install --package-lock-only`")
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
            throw FormatText.problem(path, line: 1, field: "lockfileVersion", "not an npm lock file (no lockfileVersion, packages or dependencies)")
        }
        return ParsedManifest(path: path, format: .packageLock, dependencies: deps, requirements: reqs)
    }

    static func walkV1(_ tree: [String: Any], depth: Int, fieldPrefix: String, path: String, keyLines: [String: Int],
                       deps: inout [PackageDependency], reqs: inout [Requirement]) throws(VantageError) {
        for (name, value) in tree.sorted(by: { $0.key < $1.key }) {
            guard let entry = value as? [String: Any], let version = entry["version"] as? String else {
                throw FormatText.problem(path, line: keyLines[name], field: "\(fieldPrefix).\(name).version", "the package has no version")
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
