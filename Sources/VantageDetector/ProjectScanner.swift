import Foundation
import VantageCore
import VantageFormats

/// Finds projects under workspace roots: the public entry point the CLI and the daemon list
/// projects with (`ProjectScanner().scan(roots:maxDepth:)`); each folder is decided by `ProjectDetector`.
///
/// It walks each root (`FileWalker`) to a limited depth (the root itself is depth 0), never follows
/// symbolic links to folders nor lists pipes or devices, and skips folders that hold dependencies, build output or caches
/// (`FolderSkipList.standard`: `node_modules`, `.git`, `.build*`, virtualenvs, `target`, `vendor`,
/// `__pycache__`, `dist`, …) as well as any other hidden folder. A project folder is still descended into, so a
/// monorepo's sub-projects are found too.
public struct ProjectScanner: Sendable {
    /// Folders never descended into: the one skip list, and every hidden folder.
    public static let skippedFolders = FolderSkipList.standardAndHidden

    /// Where each project's last good `.vantage.toml` is kept and read back when the file breaks
    /// (nil: the file alone, as `vantage scan` reports it).
    public var lastGood: LastGoodConfigStore?

    public init(lastGood: LastGoodConfigStore? = nil) {
        self.lastGood = lastGood
    }

    /// Whether the scanner skips a folder with this name (a folder holding `pyvenv.cfg` is skipped too).
    public static func skips(folderNamed name: String) -> Bool {
        skippedFolders.skips(name)
    }

    /// Scans every root (absolute or relative to the current directory) down to `maxDepth`.
    /// Throws only when a root does not exist or is not a folder; problems inside manifests
    /// become `ScanResult.warnings`.
    public func scan(roots: [String], maxDepth: Int = 4) throws(VantageError) -> ScanResult {
        var projects: [String: Project] = [:]
        var warnings = ScanWarnings()
        for root in roots {
            let absolute = Self.absolutePath(root)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw VantageError(.notFound, "no such folder: \(root)", hint: "give an existing folder to scan")
            }
            guard isDirectory.boolValue else {
                throw VantageError(.usage, "not a folder: \(root)", hint: "give a folder to scan, not a file")
            }
            walk(absolute, maxDepth: max(0, maxDepth), into: &projects, warnings: &warnings)
        }
        let sorted = projects.values.sorted { $0.path < $1.path }
        Self.warnAboutSharedNames(sorted, warnings: &warnings)
        return ScanResult(projects: sorted, warnings: warnings.items)
    }

    private func walk(_ root: String, maxDepth: Int,
                      into projects: inout [String: Project], warnings: inout ScanWarnings) {
        let walker = FileWalker(maxDepth: maxDepth) { name, _ in Self.skips(folderNamed: name) }
        walker.walk(root) { folder in
            guard projects[folder.path] == nil else { return .skipSubfolders } // overlapping roots
            let files = Set(folder.files)
            if files.contains("pyvenv.cfg") { return .skipSubfolders }
            if let project = ProjectDetector.detect(folder: folder.path, files: files, warnings: &warnings, lastGood: lastGood) {
                projects[folder.path] = project
            }
            return .descend
        }
    }

    /// The names of the regular files directly in `folder` (a link to a file counts as the file),
    /// or nil when it cannot be listed.
    static func regularFiles(in folder: String) -> Set<String>? {
        var files: Set<String>?
        FileWalker(maxDepth: 0).walk(folder) { listed in
            files = Set(listed.files)
            return .stop
        }
        return files
    }

    /// Projects are started and stopped by name, so two with one name are a problem to fix.
    static func warnAboutSharedNames(_ projects: [Project], warnings: inout ScanWarnings) {
        for (name, group) in Dictionary(grouping: projects, by: \.name).sorted(by: { $0.key < $1.key }) where group.count > 1 {
            let paths = group.map(\.path).sorted()
            for path in paths.dropFirst() {
                warnings.add("two projects are named \"\(name)\": \(paths[0]) and \(path); `vantage launch \(name)` cannot tell them apart",
                             file: path, field: "name",
                             hint: "give one of them another name with name = \"...\" in its \(ProjectConfigReader.fileName)")
            }
        }
    }

    /// The standardized absolute path of `path`, resolving it against the current directory.
    static func absolutePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        var standardized = (absolute as NSString).standardizingPath
        if standardized.count > 1, standardized.hasSuffix("/") { standardized.removeLast() }
        return standardized
    }
}
