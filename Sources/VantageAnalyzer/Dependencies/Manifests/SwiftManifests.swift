import Foundation
import VantageCore

/// `Package.swift`: the `.package(...)` calls, read from the text (the manifest is not executed).
enum PackageSwiftParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        let lineStarts = ManifestLines(text)
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        let chars = Array(text.utf8)
        let needle = Array(".package(".utf8)
        var i = 0
        while i + needle.count <= chars.count {
            guard chars[i..<(i + needle.count)].elementsEqual(needle) else { i += 1; continue }
            let start = i + needle.count
            var depth = 1, j = start, inString = false
            while j < chars.count && depth > 0 {
                let c = chars[j]
                if c == UInt8(ascii: "\"") { inString.toggle() }
                else if !inString { if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") { depth -= 1 } }
                j += 1
            }
            let lineNo = lineStarts.line(atUTF8Offset: i)
            guard depth == 0 else { throw ManifestText.error(path, line: lineNo, field: ".package", "unbalanced parentheses in .package(...)") }
            let args = String(decoding: chars[start..<(j - 1)], as: UTF8.self)
            i = j
            let strings = SwiftPMRequirement.quotedStrings(args)
            if args.contains("path:") && !args.contains("url:") {
                deps.append(PackageDependency(ecosystem: .swift, name: strings.first ?? "(local)", isDirect: true, source: path, line: lineNo, note: "local path"))
                continue
            }
            guard let urlRange = args.range(of: #"url:\s*"[^"]*""#, options: .regularExpression) else {
                if args.contains("id:") { continue }   // registry identity: not a URL package
                throw ManifestText.error(path, line: lineNo, field: ".package", "a package dependency without url: or path:")
            }
            let url = SwiftPMRequirement.quotedStrings(String(args[urlRange])).first ?? ""
            let rest = String(args[urlRange.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ", \n\t"))
            var version: String?
            var note: String?
            do throws(VantageVersionError) {
                if let range = try SwiftPMRequirement.parse(rest) {
                    if range.sets.count == 1, range.sets[0].count == 1, range.sets[0][0].op == .equal { version = range.sets[0][0].version.description }
                    reqs.append(Requirement(ecosystem: .swift, name: Ecosystem.normaliseURLName(url), constraint: rest, requiredBy: path, source: path, line: lineNo))
                } else { note = rest.contains("branch") ? "branch dependency" : "revision dependency" }
            } catch { throw ManifestText.error(path, line: lineNo, field: url, "bad requirement \(error)") }
            deps.append(PackageDependency(ecosystem: .swift, name: Ecosystem.normaliseURLName(url), version: version, requirement: rest, isDirect: true, source: path, line: lineNo, note: note))
        }
        return ParsedManifest(path: path, format: .packageSwift, dependencies: deps, requirements: reqs)
    }
}

/// `Package.resolved` v1 (`object.pins[].repositoryURL`) and v2/v3 (`pins[].location`).
enum PackageResolvedParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try ManifestText.read(path)
        let json = try ManifestText.json(text, path: path)
        let keyLines = ManifestText.jsonKeyLines(text)
        let lines = ManifestText.lines(text)
        let pins: [Any]
        if let object = json["object"] as? [String: Any], let p = object["pins"] as? [Any] { pins = p }
        else if let p = json["pins"] as? [Any] { pins = p }
        else { throw ManifestText.error(path, line: keyLines["version"] ?? 1, field: "pins", "no pins found (expected Package.resolved version 1, 2 or 3)") }
        var deps: [PackageDependency] = []
        var searchFrom = 0
        for (i, p) in pins.enumerated() {
            guard let pin = p as? [String: Any], let location = (pin["location"] ?? pin["repositoryURL"]) as? String else {
                throw ManifestText.error(path, field: "pins[\(i)].location", "the pin has no location or repositoryURL")
            }
            let line = lines.indices.dropFirst(searchFrom).first { lines[$0].contains(location) }.map { $0 + 1 }
            if let line { searchFrom = line }
            let state = pin["state"] as? [String: Any] ?? [:]
            let version = state["version"] as? String
            let note: String? = version == nil ? ((state["branch"] as? String).map { "branch \($0)" } ?? "revision only") : nil
            deps.append(PackageDependency(ecosystem: .swift, name: Ecosystem.normaliseURLName(location), version: version, isDirect: false, source: path, line: line, note: note))
        }
        return ParsedManifest(path: path, format: .packageResolved, dependencies: deps)
    }
}

/// Maps UTF-8 offsets to 1-based line numbers.
struct ManifestLines {
    var starts: [Int] = [0]
    init(_ text: String) {
        for (i, b) in text.utf8.enumerated() where b == 0x0A { starts.append(i + 1) }
    }
    func line(atUTF8Offset offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi { let mid = (lo + hi + 1) / 2; if starts[mid] <= offset { lo = mid } else { hi = mid - 1 } }
        return lo + 1
    }
}
