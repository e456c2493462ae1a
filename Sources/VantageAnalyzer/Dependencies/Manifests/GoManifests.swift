import Foundation
import VantageCore

/// `go.mod`: `require` lines and blocks (`// indirect` marks transitive ones) and `replace`
/// directives, which swap a module for another module version or a local directory.
enum GoModParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        var requires: [(module: String, version: String, indirect: Bool, line: Int)] = []
        var replaces: [(old: String, oldVersion: String?, new: String, newVersion: String?, line: Int)] = []
        func handle(_ directive: String, _ w: [String], _ lineNo: Int, _ indirect: Bool) throws(VantageError) {
            switch directive {
            case "require":
                guard w.count >= 2 else { throw ManifestText.error(path, line: lineNo, field: "require", "expected `module version`") }
                guard SemanticVersion(w[1]) != nil else {
                    throw ManifestText.error(path, line: lineNo, field: "require \(w[0])", "'\(w[1])' is not a Go module version (vX.Y.Z)")
                }
                requires.append((unquote(w[0]), w[1], indirect, lineNo))
            case "replace":
                guard let arrow = w.firstIndex(of: "=>"), arrow >= 1, arrow + 1 < w.count else {
                    throw ManifestText.error(path, line: lineNo, field: "replace", "expected `old [version] => new [version]`")
                }
                replaces.append((unquote(w[0]), arrow == 2 ? w[1] : nil, unquote(w[arrow + 1]), arrow + 2 < w.count ? w[arrow + 2] : nil, lineNo))
            default: break
            }
        }
        var block: String?
        var module = path
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = i + 1
            var line = String(raw).trimmingCharacters(in: .whitespaces)
            let indirect = line.contains("// indirect")
            if let c = line.range(of: "//") { line = String(line[..<c.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if line.isEmpty { continue }
            if line == ")" { block = nil; continue }
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if block == nil {
                let directive = words.removeFirst()
                if words.first == "(" { block = directive; continue }
                if directive == "module", let m = words.first { module = m; continue }
                if directive != "require" && directive != "replace" { continue }
                try handle(directive, words, lineNo, indirect)
            } else {
                try handle(block!, words, lineNo, indirect)
            }
        }
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for r in requires {
            var name = r.module, version: String? = r.version, note: String?
            if let rep = replaces.last(where: { $0.old == r.module && ($0.oldVersion == nil || $0.oldVersion == r.version) }) {
                if rep.new.hasPrefix(".") || rep.new.hasPrefix("/") {
                    version = nil; note = "replaced by local directory \(rep.new) (line \(rep.line))"
                } else {
                    name = rep.new; version = rep.newVersion; note = "replaces \(r.module) \(r.version) (line \(rep.line))"
                }
            }
            reqs.append(Requirement(ecosystem: .go, name: r.module, constraint: r.version, requiredBy: module, source: path, line: r.line))
            deps.append(PackageDependency(ecosystem: .go, name: name, version: version, requirement: r.version, isDirect: !r.indirect, source: path, line: r.line, note: note))
        }
        return ParsedManifest(path: path, format: .goMod, dependencies: deps, requirements: reqs)
    }

    static func unquote(_ s: String) -> String { s.hasPrefix("\"") && s.hasSuffix("\"") && s.count >= 2 ? String(s.dropFirst().dropLast()) : s }
}

/// `go.sum`: `module version[/go.mod] h1:hash` lines. Modules whose code was downloaded (a line
/// without `/go.mod`) are part of the build; the highest such version of each is reported.
enum GoSumParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        var best: [String: (SemanticVersion, String, Int)] = [:]
        var order: [String] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let w = line.split(separator: " ")
            guard w.count == 3, w[2].hasPrefix("h1:") || w[2].contains(":") else {
                throw ManifestText.error(path, line: i + 1, "expected `module version hash`")
            }
            if w[1].hasSuffix("/go.mod") { continue }
            guard let v = SemanticVersion(String(w[1])) else {
                throw ManifestText.error(path, line: i + 1, field: String(w[0]), "'\(w[1])' is not a Go module version")
            }
            let m = String(w[0])
            if let current = best[m] { if current.0 < v { best[m] = (v, String(w[1]), i + 1) } }
            else { best[m] = (v, String(w[1]), i + 1); order.append(m) }
        }
        let deps = order.map { m in PackageDependency(ecosystem: .go, name: m, version: best[m]!.1, isDirect: false, source: path, line: best[m]!.2) }
        return ParsedManifest(path: path, format: .goSum, dependencies: deps)
    }
}
