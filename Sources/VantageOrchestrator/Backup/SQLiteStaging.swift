import Foundation
import VantageCore
import VantageFormats
import VantageStore

/// The SQLite databases of a project, copied consistently before restic reads the project: every
/// file under the backup's paths that starts with SQLite's header (whatever its name, and whether
/// or not git ignores it: databases usually are) is copied with the online backup API into
/// `$VANTAGE_HOME/backups/sqlite-staging/KEY/<its path in the project>`, restic backs up that copy
/// instead of the live file (and its `-wal`, `-shm` and `-journal` files), and the folder is
/// removed afterwards. A restore puts each copy back at its path (`ProjectRestore`).
public struct SQLiteStaging: Sendable {
    /// The folder name every staging root sits in: a restore recognises a snapshot's staging root by it.
    public static let folderName = "sqlite-staging"
    /// The files beside a live database that restic must not read either.
    static let companions = ["-wal", "-shm", "-journal"]

    /// `$VANTAGE_HOME/backups/sqlite-staging/KEY`.
    public let folder: String
    /// Databases found, relative to the project folder.
    public private(set) var databases: [String] = []

    public init(paths: VantagePaths, project: String, projectPath: String) {
        let safe = project.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        folder = paths.backups + "/" + Self.folderName + "/" + String(safe.prefix(60))
    }

    /// The databases under `roots` (absolute, inside `projectPath`), relative to the project; the
    /// walk skips dependency and build folders (`FolderSkipList.standard`) and folders named in `excludes`.
    public static func find(under roots: [String], projectPath: String, excludes: [String]) -> [String] {
        let skip = FolderSkipList.standard
        let excluded = Set(excludes.filter { !$0.contains("/") && !$0.contains("*") })
        let walker = FileWalker(maxDepth: 64, maxFiles: 1_000_000) { name, _ in skip.skips(name) || excluded.contains(name) }
        var found = Set<String>()
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue ? walker.files(under: root).map { root + "/" + $0 } : [root]
            for file in files where SQLiteOnlineBackup.isDatabase(file) && file.hasPrefix(projectPath + "/") {
                found.insert(String(file.dropFirst(projectPath.count + 1)))
            }
        }
        return found.sorted()
    }

    /// Copies each database of `plan` into the staging folder and changes the plan to read the
    /// copies: the staging folder joins its paths, the live files join its excludes.
    public mutating func stage(_ plan: inout BackupPlan) throws(VantageError) {
        remove()
        databases = Self.find(under: plan.paths, projectPath: plan.projectPath, excludes: plan.excludes)
        guard !databases.isEmpty else { return }
        try VantagePaths.ensurePrivateDirectory((folder as NSString).deletingLastPathComponent)
        for database in databases {
            let copy = folder + "/" + database
            do { try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true) } catch {
                throw VantageError(.io, "cannot create the staging folder: \(error.localizedDescription)", at: SourceLocation(file: folder))
            }
            try SQLiteOnlineBackup.copy(plan.projectPath + "/" + database, to: copy)
            let live = plan.projectPath + "/" + database
            plan.excludes += ([""] + Self.companions).map { BackupPlan.literalPattern(live + $0) }
        }
        plan.paths.append(folder)
    }

    /// Removes the staging folder and the copies in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
