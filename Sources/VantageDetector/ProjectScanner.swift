import Foundation
import VantageCore
import VantageFormats

/// Finds projects under workspace roots: the public entry point the CLI and the daemon list
/// projects with (`ProjectScanner().scan(roots:maxDepth:)`); each folder is decided by `ProjectDetector`.
///
/// It walks each root to a limited depth (the root itself is depth 0), never follows symbolic
/// links to folders, and skips folders that hold dependencies, build output or caches
/// (`node_modules`, `.git`, `.build*`, virtualenvs, `target`, `vendor`, `__pycache__`, `dist`)
/// as well as any other hidden folder. A project folder is still descended into, so a
/// monorepo's sub-projects are found too.
public struct ProjectScanner: Sendable {
    /// Folder names never descended into.
    public static let skippedFolderNames: Set<String> = [
        "node_modules", ".git", "target", "vendor", "__pycache__", "dist", ".venv", "venv",
        ".hg", ".svn", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".idea", ".swiftpm",
    ]

    public init() {}

    /// Whether the scanner skips a folder with this name (a folder holding `pyvenv.cfg` is skipped too).
    public static func skips(folderNamed name: String) -> Bool {
        skippedFolderNames.contains(name) || name.hasPrefix(".build") || (name.hasPrefix(".") && name != ".")
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
            walk(absolute, depth: 0, maxDepth: max(0, maxDepth), into: &projects, warnings: &warnings)
        }
        let sorted = projects.values.sorted { $0.path < $1.path }
        Self.warnAboutSharedNames(sorted, warnings: &warnings)
        return ScanResult(projects: sorted, warnings: warnings.items)
    }

    private func walk(_ folder: String, depth: Int, maxDepth: Int,
                      into projects: inout [String: Project], warnings: inout ScanWarnings) {
        guard projects[folder] == nil else { return } // overlapping roots
        guard let listing = Self.listing(of: folder) else { return }
        if listing.files.contains("pyvenv.cfg") { return }
        if let project = ProjectDetector.detect(folder: folder, files: listing.files, warnings: &warnings) {
            projects[folder] = project
        }
        guard depth < maxDepth else { return }
        for name in listing.folders.sorted() where !Self.skips(folderNamed: name) {
            walk(folder == "/" ? "/" + name : folder + "/" + name, depth: depth + 1, maxDepth: maxDepth,
                 into: &projects, warnings: &warnings)
        }
    }

    /// The names of the regular files directly in `folder` (a link to a file counts as the file),
    /// or nil when it cannot be listed.
    static func regularFiles(in folder: String) -> Set<String>? {
        listing(of: folder)?.files
    }

    /// The regular files and the folders directly in `folder`. Links to folders are not followed
    /// (no cycles); other entries (sockets, FIFOs, devices) are left out.
    static func listing(of folder: String) -> (files: Set<String>, folders: [String])? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return nil }
        var files = Set<String>()
        var folders: [String] = []
        for name in names {
            let path = folder == "/" ? "/" + name : folder + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory: folders.append(name)
            case .typeRegular: files.insert(name)
            case .typeSymbolicLink:
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { files.insert(name) }
            default: continue
            }
        }
        return (files, folders)
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
