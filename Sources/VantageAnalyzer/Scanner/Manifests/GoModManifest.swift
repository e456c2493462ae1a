import Foundation
import VantageCore

/// `go.mod`: the name is the module path's last element, the command `go run .`, the
/// dependencies the `require` directives not marked `// indirect`.
enum GoModManifest {
    static let fileName = "go.mod"

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        var evidence = KindEvidence(kind: .go, command: "go run .")
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return evidence }
        var inRequireBlock = false
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let full = raw.trimmingCharacters(in: .whitespaces)
            let indirect = full.contains("// indirect")
            let line = (full.range(of: "//").map { String(full[..<$0.lowerBound]) } ?? full).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if inRequireBlock {
                if line == ")" { inRequireBlock = false; continue }
                addRequire(words, indirect: indirect, line: lineNumber, path: path, into: &evidence, warnings: &warnings)
                continue
            }
            switch words.first {
            case "module":
                guard words.count >= 2 else {
                    warnings.add("'module' needs a module path", file: path, line: lineNumber, field: "module")
                    continue
                }
                let module = words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                evidence.name = module.split(separator: "/").last.map(String.init) ?? module
            case "require":
                if words.count == 2 && words[1] == "(" {
                    inRequireBlock = true
                } else {
                    addRequire(Array(words.dropFirst()), indirect: indirect, line: lineNumber, path: path, into: &evidence, warnings: &warnings)
                }
            default:
                continue
            }
        }
        if inRequireBlock {
            warnings.add("a 'require (' block is never closed", file: path, line: lineNumber, field: "require")
        }
        return evidence
    }

    private static func addRequire(_ words: [String], indirect: Bool, line: Int, path: String,
                                   into evidence: inout KindEvidence, warnings: inout ScanWarnings) {
        guard words.count >= 2 else {
            warnings.add("a requirement needs a module path and a version", file: path, line: line, field: "require")
            return
        }
        if indirect { return }
        evidence.dependencies.append(Dependency(ecosystem: "go", name: words[0], version: words[1]))
    }
}
