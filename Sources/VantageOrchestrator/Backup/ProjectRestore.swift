import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Puts a snapshot of a project back: into a new folder (the default) or over the project itself
/// (`inPlace`, after a safety snapshot of what is there now). restic restores the whole snapshot
/// into a hidden folder inside the destination, then each snapshot root is moved to its place:
/// the project's files at their paths relative to the project, the staged SQLite copies at the
/// paths of the databases they were made from. A snapshot root outside the project (and not a
/// staging root) is refused before anything is written: it would escape the destination.
public struct ProjectRestore: Sendable {
    public let backup: ProjectBackup

    public init(_ backup: ProjectBackup) {
        self.backup = backup
    }

    /// What a restore did.
    public struct Outcome: Sendable, Equatable {
        public var snapshot: String
        public var destination: String
        /// Files written.
        public var files: Int
        /// The snapshot taken before an in-place restore.
        public var safetySnapshot: String?
    }

    /// The snapshot `id` names (a prefix), or the project's latest when nil.
    public func snapshot(_ id: String?) throws(VantageError) -> ProjectBackup.Snapshot {
        let snapshots = try backup.list()
        guard let id else {
            guard let latest = snapshots.last else {
                throw VantageError(.notFound, "\(backup.plan.project) has no snapshot in \(backup.plan.repository)",
                                   hint: "take one with `vantage backup run \(backup.plan.project)`")
            }
            return latest
        }
        let matches = snapshots.filter { $0.id.hasPrefix(id.lowercased()) }
        guard matches.count == 1 else {
            throw VantageError(matches.isEmpty ? .notFound : .usage,
                               matches.isEmpty ? "no snapshot \(id) of \(backup.plan.project) in \(backup.plan.repository)"
                                               : "\(id) names \(matches.count) snapshots of \(backup.plan.project)",
                               hint: "see the ids with `vantage backup list \(backup.plan.project)`")
        }
        return matches[0]
    }

    /// Where each root of `snapshot` goes, relative to the destination ("" for the project folder
    /// itself); a staging root maps to "" too (its files carry their project paths).
    func placements(_ snapshot: ProjectBackup.Snapshot) throws(VantageError) -> [(root: String, relative: String)] {
        let project = backup.plan.projectPath
        return try snapshot.paths.map { path throws(VantageError) in
            let standard = (path as NSString).standardizingPath
            if standard == project { return (path, "") }
            if standard.hasPrefix(project + "/") { return (path, String(standard.dropFirst(project.count + 1))) }
            if (standard as NSString).deletingLastPathComponent.hasSuffix("/" + SQLiteStaging.folderName) { return (path, "") }
            throw VantageError(.usage, "snapshot \(snapshot.id.prefix(8)) holds \(path), which is not inside \(project): restoring it would write outside the destination, so nothing was restored",
                               hint: "restore it with restic itself (`restic -r \(backup.plan.repository) restore \(snapshot.id.prefix(8)) --target DIR`) and look at what it holds")
        }
    }

    /// Restores into `destination`, a new or empty folder unless `allowNonEmpty`.
    public func restore(_ snapshot: ProjectBackup.Snapshot, into destination: String, allowNonEmpty: Bool) throws(VantageError) -> Outcome {
        let target = URL(fileURLWithPath: destination).standardizedFileURL.path
        if target == backup.plan.projectPath || backup.plan.projectPath.hasPrefix(target + "/") {
            throw VantageError(.usage, "\(destination) is the project folder or holds it", hint: "restore into a new folder, or over the project with --in-place")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if !existing.isEmpty && !allowNonEmpty {
            throw VantageError(.conflict, "\(target) is not empty (\(existing.count) entries): a restore writes into a new or empty folder",
                               hint: "name another --target, or pass --overwrite to write over what is there")
        }
        let placements = try placements(snapshot)
        do { try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true) } catch {
            throw VantageError(.io, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: target))
        }
        let scratch = target + "/.vantage-restore-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try backup.repository.run(["restore", snapshot.id, "--target", scratch], command: "restore", timeout: backup.repository.longTimeout)
        var files = 0
        for placement in placements {
            let from = scratch + placement.root
            let to = placement.relative.isEmpty ? target : target + "/" + placement.relative
            files += try Self.move(from, into: to)
        }
        return Outcome(snapshot: snapshot.id, destination: target, files: files, safetySnapshot: nil)
    }

    /// Takes a safety snapshot of the project as it is, then restores `snapshot` over it: every
    /// file of the snapshot replaces the project's; files the snapshot does not have are kept.
    public func restoreInPlace(_ snapshot: ProjectBackup.Snapshot) throws(VantageError) -> Outcome {
        var safety = backup
        safety.plan.tags.append("vantage:before-restore")
        let before = try safety.run()
        let project = backup.plan.projectPath
        let placements = try placements(snapshot)
        let scratch = project + "/.vantage-restore-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try backup.repository.run(["restore", snapshot.id, "--target", scratch], command: "restore", timeout: backup.repository.longTimeout)
        var files = 0
        for placement in placements {
            let to = placement.relative.isEmpty ? project : project + "/" + placement.relative
            files += try Self.move(scratch + placement.root, into: to)
        }
        return Outcome(snapshot: snapshot.id, destination: project, files: files, safetySnapshot: before.summary.snapshotID)
    }

    /// Moves everything under `source` to the same relative paths under `destination` (same file
    /// system: renames), replacing files; returns the number of files moved.
    static func move(_ source: String, into destination: String) throws(VantageError) -> Int {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else { return 0 }
        let fm = FileManager.default
        func place(_ from: String, _ to: String) throws(VantageError) -> Int {
            var fromFolder: ObjCBool = false
            _ = fm.fileExists(atPath: from, isDirectory: &fromFolder)
            let fromIsLink = (try? fm.destinationOfSymbolicLink(atPath: from)) != nil
            if fromFolder.boolValue && !fromIsLink {
                var toFolder: ObjCBool = false
                let toIsLink = (try? fm.destinationOfSymbolicLink(atPath: to)) != nil
                if fm.fileExists(atPath: to, isDirectory: &toFolder), toFolder.boolValue, !toIsLink {
                    var n = 0
                    let names = (try? fm.contentsOfDirectory(atPath: from)) ?? []
                    for name in names { n += try place(from + "/" + name, to + "/" + name) }
                    // The folder's own mode and times, as restic restored them.
                    if let attributes = try? fm.attributesOfItem(atPath: from) {
                        try? fm.setAttributes(attributes.filter { $0.key == .posixPermissions || $0.key == .modificationDate }, ofItemAtPath: to)
                    }
                    return n
                }
            }
            do {
                try fm.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if (try? fm.attributesOfItem(atPath: to)) != nil { try fm.removeItem(atPath: to) }
                guard rename(from, to) == 0 else {
                    throw VantageError(.io, "cannot move the restored file into place: \(String(cString: strerror(errno)))", at: SourceLocation(file: to))
                }
            } catch let error as VantageError {
                throw error
            } catch {
                throw VantageError(.io, "cannot put the restored file in place: \(error.localizedDescription)", at: SourceLocation(file: to))
            }
            return fromFolder.boolValue && !fromIsLink ? Self.countFiles(to) : 1
        }
        return try place(source, destination)
    }

    static func countFiles(_ folder: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var n = 0
        while let name = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue { n += 1 }
        }
        return n
    }
}
