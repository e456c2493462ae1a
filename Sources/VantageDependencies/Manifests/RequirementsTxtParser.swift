import Foundation
import VantageCore
import VantageFormats

/// `requirements*.txt` and the files it includes (read by `RequirementsFile.readIncludes`):
/// requirements with their specifiers and markers, editable installs, URL and path requirements.
/// `-c` constraints files add no dependency.
enum RequirementsTxtParser {
    static func parse(path: String) throws(VantageError) -> ParsedManifest {
        let (files, problems) = try RequirementsFile.readIncludes(path)
        try problems.throwFirst()
        var deps: [PackageDependency] = []
        var reqs: [Requirement] = []
        for file in files {
            for line in file.lines {
                let source = file.file, lineNo = line.line
                switch line.item {
                case .include: continue
                case .editable(let target):
                    deps.append(PackageDependency(ecosystem: .pypi, name: target, isDirect: true, source: source, line: lineNo, note: "editable install; no version"))
                case .location(let location):
                    let isURL = location.contains("://")
                    deps.append(PackageDependency(ecosystem: .pypi, name: location, isDirect: true, source: source, line: lineNo,
                                                  note: isURL ? "URL requirement; no version" : "local path; no version"))
                case .requirement(let r):
                    if !r.specifier.isEmpty {
                        do throws(VantageVersionError) { _ = try PEP440SpecifierSet(parsing: r.specifier) }
                        catch { throw FormatText.problem(source, line: lineNo, field: r.name, "bad version specifier \(error)") }
                        reqs.append(Requirement(ecosystem: .pypi, name: r.name, constraint: r.specifier, requiredBy: path, source: source, line: lineNo, marker: r.marker))
                    }
                    deps.append(PackageDependency(ecosystem: .pypi, name: r.name, version: r.pinnedVersion, requirement: r.specifier.isEmpty ? nil : r.specifier,
                                                  isDirect: true, source: source, line: lineNo, marker: r.marker,
                                                  note: r.url != nil ? "direct URL requirement" : nil))
                }
            }
        }
        return ParsedManifest(path: path, format: .requirementsTxt, dependencies: deps, requirements: reqs,
                              included: files.dropFirst().map(\.file))
    }
}
