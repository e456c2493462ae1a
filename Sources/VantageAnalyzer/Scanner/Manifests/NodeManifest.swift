import Foundation
import VantageCore

/// `package.json`: name, start command (`npm start` when `scripts.start`, else `node <main>`),
/// and direct dependencies (`dependencies` and `devDependencies`).
enum NodeManifest {
    static let fileName = "package.json"

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        var evidence = KindEvidence(kind: .node)
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return evidence }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            let line = JSONErrorLine.of(error, in: text)
            warnings.add("the file is not valid JSON", file: path, line: line,
                         hint: "fix the syntax; the project is listed without its name, command and dependencies")
            return evidence
        }
        guard let json = object as? [String: Any] else {
            warnings.add("the top level must be a JSON object", file: path, line: 1)
            return evidence
        }
        func lineOf(_ key: String) -> Int? { ScanManifestText.line(containing: "\"\(key)\"", in: text) }

        if let raw = json["name"] {
            if let name = raw as? String, !name.isEmpty {
                evidence.name = name
            } else {
                warnings.add("'name' must be a non-empty string", file: path, line: lineOf("name"), field: "name")
            }
        }
        var hasStart = false
        if let raw = json["scripts"] {
            if let scripts = raw as? [String: Any] {
                if let start = scripts["start"] {
                    if start is String { hasStart = true } else {
                        warnings.add("'scripts.start' must be a string", file: path, line: lineOf("start"), field: "scripts.start")
                    }
                }
            } else {
                warnings.add("'scripts' must be an object", file: path, line: lineOf("scripts"), field: "scripts")
            }
        }
        if hasStart {
            evidence.command = "npm start"
        } else if let main = json["main"] as? String, !main.isEmpty {
            evidence.command = "node \(main)"
        } else if json["main"] == nil, files.contains("index.js") {
            evidence.command = "node index.js"
        }
        for section in ["dependencies", "devDependencies"] {
            guard let raw = json[section] else { continue }
            guard let deps = raw as? [String: Any] else {
                warnings.add("'\(section)' must be an object of name to version", file: path, line: lineOf(section), field: section)
                continue
            }
            for name in deps.keys.sorted() {
                evidence.dependencies.append(Dependency(ecosystem: "npm", name: name, version: deps[name] as? String))
            }
        }
        return evidence
    }
}
