import VantageFormats

/// The anti-patterns of a whole project.
public struct AntiPatternReport: Codable, Sendable, Equatable {
    public var findings: [AntiPatternFinding]
    /// Lines of code of the scanned source files.
    public var linesOfCode: Int
    public var todoMarkers: Int
    /// TODO/FIXME/XXX/HACK markers per 1,000 lines of code.
    public var todoPerKLOC: Double
    /// Files left out, with the reason (too large, binary).
    public var skipped: [String: String]
    /// Lines of code per scanned file (for hotspots when CCN is not available).
    public var linesOfCodeByFile: [String: Int]
}

extension AntiPatternScanner {
    /// Files that hold code (scanned for every check): every extension of `ProgrammingLanguage`'s table.
    static let codeExtensions = Set(ProgrammingLanguage.allCases.flatMap(\.extensions))
    /// Configuration files (scanned for secrets only).
    static let configExtensions: Set<String> = ["yml", "yaml", "json", "toml", "ini", "cfg", "conf", "properties", "xml", "sh", "env", "pem", "key"]
    static let lockFiles: Set<String> = ["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "Package.resolved",
                                         "poetry.lock", "Pipfile.lock", "go.sum", "composer.lock", "Gemfile.lock", "uv.lock"]

    /// Whether a path is scanned at all: code files (every check) and configuration files
    /// (secrets only); lock files are not.
    public static func isScanned(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if lockFiles.contains(name) { return false }
        let ext = PracticeChecker.ext(path)
        return codeExtensions.contains(ext) || configExtensions.contains(ext) || name.hasPrefix(".env")
    }

    /// Lines of code and findings of one scanned file (configuration files: secrets only, no code lines).
    public func measure(path: String, text: String, programCode: Bool = false) -> (linesOfCode: Int, todoMarkers: Int, findings: [AntiPatternFinding]) {
        if Self.codeExtensions.contains(PracticeChecker.ext(path)) {
            return (LinesOfCode.count(text), Self.todoMarkers(in: text, path: path),
                    scan(path: path, text: text, programCode: programCode))
        }
        return (0, 0, scan(path: path, text: text).filter { $0.kind == .hardCodedSecret })
    }

    /// Scans every code and configuration file of a project.
    public func scan(project files: ProjectFiles) -> AntiPatternReport {
        var findings: [AntiPatternFinding] = []
        var loc = 0, markers = 0
        var byFile: [String: Int] = [:]
        var skipped: [String: String] = [:]
        let programs = Self.swiftProgramFolders(files)
        for path in files.paths where Self.isScanned(path) {
            guard let text = files.text(path) else {
                skipped[path] = "binary or larger than 2 MB"
                continue
            }
            let m = measure(path: path, text: text, programCode: programs.contains { path.hasPrefix($0) })
            findings += m.findings
            markers += m.todoMarkers
            loc += m.linesOfCode
            if Self.codeExtensions.contains(PracticeChecker.ext(path)) { byFile[path] = m.linesOfCode }
        }
        return AntiPatternReport(findings: findings, linesOfCode: loc, todoMarkers: markers,
                                 todoPerKLOC: loc > 0 ? Double(markers) * 1000 / Double(loc) : 0,
                                 skipped: skipped, linesOfCodeByFile: byFile)
    }

    /// Swift executable targets (`Sources/<name>/` holding a `main.swift` or an `@main` type): every
    /// file in them is program code, where printing is the output, not debugging.
    static func swiftProgramFolders(_ files: ProjectFiles) -> [String] {
        var folders = Set<String>()
        for path in files.paths where path.hasSuffix(".swift") {
            let parts = path.split(separator: "/")
            guard let sources = parts.firstIndex(of: "Sources"), sources + 2 < parts.count else { continue }
            let folder = parts[...(sources + 1)].joined(separator: "/") + "/"
            if folders.contains(folder) { continue }
            if parts.last == "main.swift" || (files.text(path)?.contains("@main") ?? false) { folders.insert(folder) }
        }
        return folders.sorted()
    }
}
