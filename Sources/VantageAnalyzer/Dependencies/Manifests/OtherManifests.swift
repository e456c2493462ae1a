import Foundation
import VantageCore

/// `Gemfile.lock`: `specs:` under GEM/GIT/PATH (4-space `name (version)`, 6-space requirements)
/// and the `DEPENDENCIES` section (direct gems).
enum GemfileLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
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
                    throw ManifestText.error(path, line: i + 1, field: body, "expected `name (version)` under specs:")
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

/// `composer.json`: `require` and `require-dev` (platform packages such as `php`, `ext-*` skipped).
enum ComposerJSONParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        let json = try ManifestText.json(text, path: path)
        let keyLines = ManifestText.jsonKeyLines(text)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for (section, dev) in [("require", false), ("require-dev", true)] {
            for (name, v) in ((json[section] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) where name.contains("/") {
                guard let c = v as? String else { throw ManifestText.error(path, line: keyLines[name], field: "\(section).\(name)", "expected a version constraint string") }
                reqs.append(Requirement(ecosystem: .packagist, name: name, constraint: c, requiredBy: (json["name"] as? String) ?? path, source: path, line: keyLines[name]))
                deps.append(PackageDependency(ecosystem: .packagist, name: name, requirement: c, isDirect: true, isDev: dev, source: path, line: keyLines[name]))
            }
        }
        return ParsedManifest(path: path, format: .composerJSON, dependencies: deps, requirements: reqs)
    }
}

/// `composer.lock`: `packages` and `packages-dev` arrays of `{name, version, require}`.
enum ComposerLockParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        let json = try ManifestText.json(text, path: path)
        let lines = ManifestText.lines(text)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var searchFrom = 0
        for (section, dev) in [("packages", false), ("packages-dev", true)] {
            guard let list = json[section] else { continue }
            guard let array = list as? [Any] else { throw ManifestText.error(path, field: section, "expected an array of packages") }
            for (i, item) in array.enumerated() {
                guard let p = item as? [String: Any], let name = p["name"] as? String else {
                    throw ManifestText.error(path, field: "\(section)[\(i)].name", "the package has no name")
                }
                guard var version = p["version"] as? String else {
                    throw ManifestText.error(path, field: "\(section)[\(i)].version", "the package '\(name)' has no version")
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

/// Maven `pom.xml`: direct `<dependencies>` (not `<dependencyManagement>` or plugin ones),
/// with `${property}` values taken from `<properties>`.
enum PomXMLParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        guard text.contains("<project") else { throw ManifestText.error(path, line: 1, field: "project", "not a Maven POM (no <project> element)") }
        let lines = ManifestLines(text)
        var properties: [String: String] = [:]
        if let props = section(text, "properties") {
            let re = try! NSRegularExpression(pattern: #"<([A-Za-z0-9_.\-]+)>\s*([^<]*?)\s*</\1>"#)
            for m in re.matches(in: props, range: NSRange(props.startIndex..., in: props)) {
                properties[String(props[Range(m.range(at: 1), in: props)!])] = String(props[Range(m.range(at: 2), in: props)!])
            }
        }
        if let v = firstTag(stripping(text, ["parent", "dependencies", "dependencyManagement", "build", "profiles"]), "version") { properties["project.version"] = v }
        // Remove the blocks whose dependencies are not the project's own.
        let scanned = blank(text, ["dependencyManagement", "plugins", "pluginManagement", "profiles"])
        let re = try! NSRegularExpression(pattern: #"<dependency>(.*?)</dependency>"#, options: [.dotMatchesLineSeparators])
        var deps: [PackageDependency] = []
        for m in re.matches(in: scanned, range: NSRange(scanned.startIndex..., in: scanned)) {
            let range = Range(m.range(at: 1), in: scanned)!
            let body = String(scanned[range])
            let line = lines.line(atUTF8Offset: scanned.utf8.distance(from: scanned.startIndex, to: range.lowerBound))
            guard let group = firstTag(body, "groupId"), let artifact = firstTag(body, "artifactId") else {
                throw ManifestText.error(path, line: line, field: "dependency", "a <dependency> needs <groupId> and <artifactId>")
            }
            var version = firstTag(body, "version").map { substitute($0, properties) }
            var note: String?
            if let v = version, v.contains("${") { note = "unresolved property \(v)"; version = nil }
            else if version == nil { note = "version managed by a parent POM" }
            let scope = firstTag(body, "scope")
            deps.append(PackageDependency(ecosystem: .maven, name: "\(group):\(artifact)", version: version, requirement: version, isDirect: true,
                                   isDev: scope == "test", source: path, line: line, note: note))
        }
        return ParsedManifest(path: path, format: .pomXML, dependencies: deps)
    }

    static func section(_ text: String, _ tag: String) -> String? {
        guard let a = text.range(of: "<\(tag)>"), let b = text.range(of: "</\(tag)>", range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }
    static func firstTag(_ text: String, _ tag: String) -> String? {
        section(text, tag)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    static func substitute(_ value: String, _ props: [String: String]) -> String {
        var v = value
        for _ in 0..<5 {
            guard let r = v.range(of: #"\$\{[^}]+\}"#, options: .regularExpression) else { break }
            let key = String(v[r].dropFirst(2).dropLast())
            guard let repl = props[key] else { break }
            v.replaceSubrange(r, with: repl)
        }
        return v
    }
    /// Replaces each `<tag>…</tag>` block by spaces and newlines, keeping offsets (and so line numbers).
    static func blank(_ text: String, _ tags: [String]) -> String {
        var s = text
        for tag in tags {
            while let a = s.range(of: "<\(tag)>"), let b = s.range(of: "</\(tag)>", range: a.upperBound..<s.endIndex) {
                let block = s[a.lowerBound..<b.upperBound]
                s.replaceSubrange(a.lowerBound..<b.upperBound, with: String(block.map { $0 == "\n" ? "\n" : " " }))
            }
        }
        return s
    }
    static func stripping(_ text: String, _ tags: [String]) -> String { blank(text, tags) }
}
