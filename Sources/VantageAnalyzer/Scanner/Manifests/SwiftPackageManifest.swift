import Foundation
import VantageCore

/// `Package.swift`: the name is the `name:` given to `Package(`, the command `swift run`, and the
/// dependencies every `.package(url: ..., from:|exact:|branch:|revision: ...)`. The manifest is
/// Swift code, so it is read textually, never executed.
enum SwiftPackageManifest {
    static let fileName = "Package.swift"

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        var evidence = KindEvidence(kind: .swift, command: "swift run")
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return evidence }
        let code = stripComments(text)
        if let packageCall = code.range(of: "Package(") {
            let after = code[packageCall.upperBound...]
            if let name = firstMatch(#"^\s*name\s*:\s*"([^"]+)""#, in: String(after)) {
                evidence.name = name[0]
            }
        } else {
            warnings.add("no 'Package(' declaration found", file: path, hint: "is this a SwiftPM manifest?")
        }
        let pattern = #"\.package\s*\(\s*(?:name\s*:\s*"[^"]*"\s*,\s*)?url\s*:\s*"([^"]+)"\s*,\s*(?:(?:from|exact|branch|revision)\s*:\s*"([^"]+)"|\.upToNext(?:Major|Minor)\s*\(\s*from\s*:\s*"([^"]+)"|"([^"]+)"\s*\.\.[.<])"#
        for groups in allMatches(pattern, in: code) {
            let url = groups[0]
            var name = url.split(separator: "/").last.map(String.init) ?? url
            if name.hasSuffix(".git") { name.removeLast(4) }
            let version = groups.dropFirst().first { !$0.isEmpty }
            evidence.dependencies.append(Dependency(ecosystem: "swift", name: name, version: version))
        }
        return evidence
    }

    /// Removes `//` line comments and `/* */` block comments outside string literals.
    static func stripComments(_ text: String) -> String {
        var out = ""
        var chars = Array(text)[...]
        var inString = false
        while let c = chars.first {
            if inString {
                out.append(c)
                chars = chars.dropFirst()
                if c == "\\", let next = chars.first { out.append(next); chars = chars.dropFirst() }
                else if c == "\"" { inString = false }
                continue
            }
            if c == "\"" { inString = true; out.append(c); chars = chars.dropFirst(); continue }
            if c == "/", chars.dropFirst().first == "/" {
                while let d = chars.first, d != "\n" { chars = chars.dropFirst() }
                continue
            }
            if c == "/", chars.dropFirst().first == "*" {
                chars = chars.dropFirst(2)
                while !chars.isEmpty, !(chars.first == "*" && chars.dropFirst().first == "/") {
                    if chars.first == "\n" { out.append("\n") }
                    chars = chars.dropFirst()
                }
                chars = chars.dropFirst(2)
                continue
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        return out
    }

    static func firstMatch(_ pattern: String, in text: String) -> [String]? {
        allMatches(pattern, in: text, limit: 1).first
    }

    static func allMatches(_ pattern: String, in text: String, limit: Int = .max) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        let ns = text as NSString
        var result: [[String]] = []
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var groups: [String] = []
            for i in 1..<match.numberOfRanges {
                let r = match.range(at: i)
                groups.append(r.location == NSNotFound ? "" : ns.substring(with: r))
            }
            result.append(groups)
            if result.count >= limit { break }
        }
        return result
    }
}
