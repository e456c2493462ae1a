import Foundation
import VantageCore
import VantageFormats

/// `Package.swift` (read by `SwiftPackageManifest`, never executed): the `.package(...)` calls.
enum PackageSwiftParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let manifest = try SwiftPackageManifest.read(path)
        try manifest.problems.filter { $0.location?.field == ".package" }.throwFirst()
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for d in manifest.dependencies {
            guard let url = d.url else {
                deps.append(PackageDependency(ecosystem: .swift, name: d.path ?? "(local)", isDirect: true, source: path, line: d.line, note: "local path"))
                continue
            }
            let name = Ecosystem.normaliseURLName(url)
            var version: String?
            var note: String?
            do throws(VantageVersionError) {
                if let range = try SwiftPMRequirement.parse(d.requirement) {
                    if range.sets.count == 1, range.sets[0].count == 1, range.sets[0][0].op == .equal { version = range.sets[0][0].version.description }
                    reqs.append(Requirement(ecosystem: .swift, name: name, constraint: d.requirement, requiredBy: path, source: path, line: d.line))
                } else { note = d.requirement.contains("branch") ? "branch dependency" : "revision dependency" }
            } catch { throw FormatText.problem(path, line: d.line, field: url, "bad requirement \(error)") }
            deps.append(PackageDependency(ecosystem: .swift, name: name, version: version, requirement: d.requirement, isDirect: true, source: path, line: d.line, note: note))
        }
        return ParsedManifest(path: path, format: .packageSwift, dependencies: deps, requirements: reqs)
    }
}

/// `Package.resolved` v1 (`object.pins[].repositoryURL`) and v2/v3 (`pins[].location`).
enum PackageResolvedParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let text = try FormatText.read(path)
        let json = try JSONDocument.object(text, file: path)
        let keyLines = JSONDocument.keyLines(text)
        let lines = FormatText.lines(text)
        let pins: [Any]
        if let object = json["object"] as? [String: Any], let p = object["pins"] as? [Any] { pins = p }
        else if let p = json["pins"] as? [Any] { pins = p }
        else { throw FormatText.problem(path, line: keyLines["version"] ?? 1, field: "pins", "no pins found (expected Package.resolved version 1, 2 or 3)") }
        var deps: [PackageDependency] = []
        var searchFrom = 0
        for (i, p) in pins.enumerated() {
            guard let pin = p as? [String: Any], let location = (pin["location"] ?? pin["repositoryURL"]) as? String else {
                throw FormatText.problem(path, field: "pins[\(i)].location", "the pin has no location or repositoryURL")
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
