import Foundation
import VantageCore
import VantageFormats

/// `go.mod` (read by `GoMod`): requirements with their versions checked, `replace` applied.
enum GoModParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let mod = try GoMod.read(path)
        try mod.problems.throwFirst()
        let module = mod.module ?? path
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for r in mod.requires {
            guard SemanticVersion(r.version) != nil else {
                throw FormatText.problem(path, line: r.line, field: "require \(r.module)", "'\(r.version)' is not a Go module version (vX.Y.Z)")
            }
            var name = r.module, version: String? = r.version, note: String?
            if let rep = mod.replacement(for: r) {
                if rep.isLocal {
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
}

/// `go.sum`: `module version[/go.mod] h1:hash` lines. Modules whose code was downloaded (a line
/// without `/go.mod`) are part of the build; the highest such version of each is reported.
enum GoSumParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        var best: [String: (SemanticVersion, String, Int)] = [:]
        var order: [String] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let w = line.split(separator: " ")
            guard w.count == 3, w[2].hasPrefix("h1:") || w[2].contains(":") else {
                throw FormatText.problem(path, line: i + 1, "expected `module version hash`")
            }
            if w[1].hasSuffix("/go.mod") { continue }
            guard let v = SemanticVersion(String(w[1])) else {
                throw FormatText.problem(path, line: i + 1, field: String(w[0]), "'\(w[1])' is not a Go module version")
            }
            let m = String(w[0])
            if let current = best[m] { if current.0 < v { best[m] = (v, String(w[1]), i + 1) } }
            else { best[m] = (v, String(w[1]), i + 1); order.append(m) }
        }
        let deps = order.map { m in PackageDependency(ecosystem: .go, name: m, version: best[m]!.1, isDirect: false, source: path, line: best[m]!.2) }
        return ParsedManifest(path: path, format: .goSum, dependencies: deps)
    }
}
