import Foundation
import VantageCore

/// One PEP 508 requirement: `name[extra1,extra2] (>=1.0,<2) ; python_version < "3.8"` or `name @ url`.
struct PythonRequirementLine: Sendable, Equatable {
    var name: String
    var extras: [String]
    var specifier: String
    var url: String?
    var marker: String?

    /// The version pinned by `==X` (no wildcard) or `===X`.
    var pinnedVersion: String? {
        let clauses = specifier.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard clauses.count == 1, let c = clauses.first else { return nil }
        if c.hasPrefix("===") { return String(c.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
        if c.hasPrefix("=="), !c.hasSuffix(".*") { return String(c.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        return nil
    }

    static func parse(_ text: String) -> PythonRequirementLine? {
        var s = text.trimmingCharacters(in: .whitespaces)
        var marker: String?
        if let semi = s.firstIndex(of: ";") {
            marker = s[s.index(after: semi)...].trimmingCharacters(in: .whitespaces)
            s = s[..<semi].trimmingCharacters(in: .whitespaces)
        }
        let nameEnd = s.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? s.endIndex
        let name = String(s[..<nameEnd])
        guard !name.isEmpty, name.first!.isLetter || name.first!.isNumber else { return nil }
        var rest = s[nameEnd...].trimmingCharacters(in: .whitespaces)
        var extras: [String] = []
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            extras = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            rest = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        if rest.hasPrefix("@") {
            return PythonRequirementLine(name: name, extras: extras, specifier: "", url: rest.dropFirst().trimmingCharacters(in: .whitespaces), marker: marker)
        }
        if rest.hasPrefix("(") && rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()) }
        let spec = rest.replacingOccurrences(of: " ", with: "")
        if !spec.isEmpty, !["=", "<", ">", "!", "~"].contains(spec.first!) { return nil }
        return PythonRequirementLine(name: name, extras: extras, specifier: spec, url: nil, marker: marker)
    }
}

/// `requirements*.txt`: `-r`/`--requirement` includes (relative to the including file), `-c`
/// constraints files, `--hash` options, environment markers, `\` continuations and comments.
enum RequirementsTxtParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        var visited = Set<String>()
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        var included: [String] = []
        try parseFile(path, root: path, visited: &visited, deps: &deps, reqs: &reqs, included: &included)
        return ParsedManifest(path: path, format: .requirementsTxt, dependencies: deps, requirements: reqs, included: included)
    }

    static func parseFile(_ path: String, root: String, visited: inout Set<String>, deps: inout [PackageDependency],
                          reqs: inout [Requirement], included: inout [String]) throws(VantageError) {
        let canonical = URL(fileURLWithPath: path).standardized.resolvingSymlinksInPath().path
        guard visited.insert(canonical).inserted else { return }   // include cycles are ignored
        if path != root { included.append(path) }
        let text = try ManifestText.read(path)
        let dir = (path as NSString).deletingLastPathComponent
        var logical: [(Int, String)] = []
        var pending = ""
        var pendingLine = 0
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if pending.isEmpty { pendingLine = i + 1 }
            if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
            logical.append((pendingLine, pending + line))
            pending = ""
        }
        if !pending.isEmpty { logical.append((pendingLine, pending)) }
        for (lineNo, full) in logical {
            var line = full
            if let hash = line.range(of: #"(^|\s)#"#, options: .regularExpression) { line = String(line[..<hash.lowerBound]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if let first = words.first, first.hasPrefix("-") {
                var option = first, argument = words.count > 1 ? words[1] : nil
                if let eq = first.firstIndex(of: "="), first.hasPrefix("--") { option = String(first[..<eq]); argument = String(first[first.index(after: eq)...]) }
                else if first.count > 2, first.hasPrefix("-r") || first.hasPrefix("-c") { option = String(first.prefix(2)); argument = String(first.dropFirst(2)) }
                switch option {
                case "-r", "--requirement", "-c", "--constraint":
                    guard let arg = argument else { throw ManifestText.error(path, line: lineNo, field: option, "\(option) needs a file name") }
                    let target = URL(fileURLWithPath: arg.hasPrefix("/") ? arg : dir + "/" + arg).standardized.path
                    guard FileManager.default.fileExists(atPath: target) else {
                        throw ManifestText.error(path, line: lineNo, field: option, "included file '\(arg)' does not exist")
                    }
                    if option == "-c" || option == "--constraint" { continue }   // constraints add no dependency
                    try parseFile(target, root: root, visited: &visited, deps: &deps, reqs: &reqs, included: &included)
                case "-e", "--editable":
                    deps.append(PackageDependency(ecosystem: .pypi, name: argument ?? "(editable)", isDirect: true, source: path, line: lineNo, note: "editable install; no version"))
                default: continue   // --index-url, --hash on its own line, -f, --pre ...
                }
                continue
            }
            // Strip per-requirement options (`--hash=sha256:...`, `--config-settings`).
            let requirementText = words.prefix { !$0.hasPrefix("--") }.joined(separator: " ")
            if requirementText.contains("://") && !requirementText.contains("@") {
                deps.append(PackageDependency(ecosystem: .pypi, name: requirementText, isDirect: true, source: path, line: lineNo, note: "URL requirement; no version"))
                continue
            }
            guard let r = PythonRequirementLine.parse(requirementText) else {
                throw ManifestText.error(path, line: lineNo, field: requirementText, "not a requirement (expected `name[extras] specifier ; marker`)")
            }
            if !r.specifier.isEmpty {
                do throws(VantageVersionError) { _ = try PEP440SpecifierSet(parsing: r.specifier) }
                catch { throw ManifestText.error(path, line: lineNo, field: r.name, "bad version specifier \(error)") }
                reqs.append(Requirement(ecosystem: .pypi, name: r.name, constraint: r.specifier, requiredBy: root, source: path, line: lineNo, marker: r.marker))
            }
            deps.append(PackageDependency(ecosystem: .pypi, name: r.name, version: r.pinnedVersion, requirement: r.specifier.isEmpty ? nil : r.specifier,
                                   isDirect: true, source: path, line: lineNo, marker: r.marker,
                                   note: r.url != nil ? "direct URL requirement" : nil))
        }
    }
}
