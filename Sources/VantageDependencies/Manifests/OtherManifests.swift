import Foundation
import VantageCore
import VantageFormats

/// `Gemfile.lock`: `specs:` under GEM/GIT/PATH (4-space `name (version)`, 6-space requirements)
/// and the `DEPENDENCIES` section (direct gems).
enum GemfileLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        var section = ""
        var inSpecs = false
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var direct = Set<String>()
        var current: String?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty { inSpecs = false; continue }
            let indent = line.prefix { $0 == " " }.count
            let body = line.trimmingCharacters(in: .whitespaces)
            if indent == 0 { section = body; inSpecs = false; continue }
            if indent == 2 && body == "specs:" { inSpecs = true; continue }
            if section == "DEPENDENCIES" && indent == 2 {
                let name = body.split(separator: " ").first.map { String($0).replacingOccurrences(of: "!", with: "") } ?? body
                direct.insert(name)
                if let c = constraint(body) { reqs.append(Requirement(ecosystem: .rubygems, name: name, constraint: c, requiredBy: path, source: path, line: i + 1)) }
                continue
            }
            guard inSpecs, ["GEM", "GIT", "PATH"].contains(section) else { continue }
            if indent == 4 {
                guard let open = body.firstIndex(of: "("), body.hasSuffix(")") else {
                    throw FormatText.problem(path, line: i + 1, field: body, "expected `name (version)` under specs:")
                }
                let name = body[..<open].trimmingCharacters(in: .whitespaces)
                var version = String(body[body.index(after: open)..<body.index(before: body.endIndex)])
                // Platform gems: `nokogiri (1.16.0-x86_64-linux)`.
                if let dash = version.firstIndex(of: "-"), version[version.index(after: dash)...].contains(where: \.isLetter) { version = String(version[..<dash]) }
                current = "\(name) \(version)"
                deps.append(PackageDependency(ecosystem: .rubygems, name: name, version: version, isDirect: false, source: path, line: i + 1,
                                       note: section == "GEM" ? nil : (section == "GIT" ? "git dependency" : "local path")))
            } else if indent == 6, let current {
                let name = String(body.split(separator: " ").first ?? "")
                if let c = constraint(body) { reqs.append(Requirement(ecosystem: .rubygems, name: name, constraint: c, requiredBy: current, source: path, line: i + 1)) }
            }
        }
        for i in deps.indices where direct.contains(deps[i].name) { deps[i].isDirect = true }
        return ParsedManifest(path: path, format: .gemfileLock, dependencies: deps, requirements: reqs)
    }

    static func constraint(_ body: String) -> String? {
        guard let open = body.firstIndex(of: "("), let close = body.lastIndex(of: ")") else { return nil }
        return String(body[body.index(after: open)..<close])
    }
}

/// `composer.json` (read by `ComposerJSON`): `require` and `require-dev`.
enum ComposerJSONParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let manifest = try ComposerJSON.read(path)
        try manifest.problems.filter { $0.location?.field?.hasPrefix("require") == true }.throwFirst()
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for r in manifest.requirements {
            reqs.append(Requirement(ecosystem: .packagist, name: r.name, constraint: r.constraint, requiredBy: manifest.name ?? path, source: path, line: r.line))
            deps.append(PackageDependency(ecosystem: .packagist, name: r.name, requirement: r.constraint, isDirect: true, isDev: r.isDev, source: path, line: r.line))
        }
        return ParsedManifest(path: path, format: .composerJSON, dependencies: deps, requirements: reqs)
    }
}

/// `composer.lock`: `packages` and `packages-dev` arrays of `{name, version, require}`.
enum ComposerLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        let json = try JSONDocument.object(text, file: path)
        let lines = FormatText.lines(text)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var searchFrom = 0
        for (section, dev) in [("packages", false), ("packages-dev", true)] {
            guard let list = json[section] else { continue }
            guard let array = list as? [Any] else { throw FormatText.problem(path, field: section, "expected an array of packages") }
            for (i, item) in array.enumerated() {
                guard let p = item as? [String: Any], let name = p["name"] as? String else {
                    throw FormatText.problem(path, field: "\(section)[\(i)].name", "the package has no name")
                }
                guard var version = p["version"] as? String else {
                    throw FormatText.problem(path, field: "\(section)[\(i)].version", "the package '\(name)' has no version")
                }
                if version.hasPrefix("v") { version.removeFirst() }
                let line = lines.indices.dropFirst(searchFrom).first { lines[$0].contains("\"name\": \"\(name)\"") }.map { $0 + 1 }
                if let line { searchFrom = line }
                deps.append(PackageDependency(ecosystem: .packagist, name: name, version: version, isDirect: false, isDev: dev, source: path, line: line))
                for (dep, c) in (p["require"] as? [String: Any]) ?? [:] where dep.contains("/") {
                    if let c = c as? String { reqs.append(Requirement(ecosystem: .packagist, name: dep, constraint: c, requiredBy: "\(name) \(version)", source: path, line: line)) }
                }
            }
        }
        return ParsedManifest(path: path, format: .composerLock, dependencies: deps, requirements: reqs)
    }
}

/// Maven `pom.xml` (read by `MavenPom`): the direct dependencies, `${property}` versions resolved.
enum PomXMLParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let pom = try MavenPom.read(path)
        try pom.problems.throwFirst()
        var deps: [PackageDependency] = []
        for d in pom.dependencies {
            var version = d.version.map { pom.resolved($0) ?? $0 }
            var note: String?
            if let v = version, v.contains("${") { note = "unresolved property \(v)"; version = nil }
            else if version == nil { note = "version managed by a parent POM" }
            deps.append(PackageDependency(ecosystem: .maven, name: d.name, version: version, requirement: version, isDirect: true,
                                          isDev: d.scope == "test", source: path, line: d.line, note: note))
        }
        return ParsedManifest(path: path, format: .pomXML, dependencies: deps)
    }
}

/// `build.gradle(.kts)`: the "group:name:version" dependencies of its configurations (`test…` ones are dev).
enum GradleBuildParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let build = try GradleBuild.read(path)
        let deps = build.dependencies.map { d in
            PackageDependency(ecosystem: .maven, name: "\(d.group):\(d.name)", version: d.version, requirement: d.version, isDirect: true,
                              isDev: d.isDev, source: path, line: d.line, note: d.version == nil ? "version from a platform or plugin" : nil)
        }
        return ParsedManifest(path: path, format: .gradleBuild, dependencies: deps)
    }
}
