import Foundation
import VantageCore
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// A deploy target's folders, in the Capistrano layout:
///
///     ROOT/releases/<UTC id>/   one folder per release, built from a git commit
///     ROOT/shared/              files and folders every release links to (.env, uploads, data)
///     ROOT/current              a link to releases/<id>, switched by `AtomicSwitch`
///
/// The project runs from `current`. Rollback points `current` at an older release; pruning keeps the
/// newest `keep` releases and never removes the current or the previous one.
public struct ReleaseLayout: Sendable, Equatable {
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var releasesFolder: String { root + "/releases" }
    public var sharedFolder: String { root + "/shared" }
    public var currentLink: String { root + "/current" }

    public func path(of id: String) -> String { releasesFolder + "/" + id }

    /// Every release, oldest first.
    public func releases() -> [Release] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: releasesFolder)) ?? []
        let ids = names.filter { ReleaseID.parse($0) != nil && isFolder(path(of: $0)) }.sorted(by: ReleaseID.precedes)
        let current = currentID()
        let previous = current.flatMap { id in ids.last { ReleaseID.precedes($0, id) } }
        return ids.map { id in
            Release(id: id, path: path(of: id), commit: commit(of: id), created: ReleaseID.parse(id),
                    isCurrent: id == current, isPrevious: id == previous)
        }
    }

    /// The release `current` points at, or nil before the first deploy.
    public func currentID() -> String? {
        guard let destination = AtomicSwitch.destination(of: currentLink) else { return nil }
        let id = (destination as NSString).lastPathComponent
        return ReleaseID.parse(id) != nil ? id : nil
    }

    /// The release before the current one (by id), or nil when there is none.
    public func previousID() -> String? { releases().first(where: \.isPrevious)?.id }

    /// A new id for a release made at `date`: `YYYYMMDDHHMMSS` in UTC, `.2`, `.3` … when taken.
    public func newReleaseID(at date: Date) -> String {
        let base = ReleaseID.format(date)
        var id = base, n = 1
        while FileManager.default.fileExists(atPath: path(of: id)) || FileManager.default.fileExists(atPath: path(of: id) + ReleaseID.partialSuffix) {
            n += 1
            id = base + ".\(n)"
        }
        return id
    }

    /// Points `current` at release `id` (which must exist) in one rename.
    public func activate(_ id: String) throws(VantageError) {
        guard ReleaseID.parse(id) != nil, isFolder(path(of: id)) else {
            throw unknownRelease(id)
        }
        try AtomicSwitch.point(currentLink, to: "releases/" + id)
    }

    /// Points `current` back at `id`, or at the previous release; returns the release it left and the one it went to.
    @discardableResult
    public func rollback(to id: String? = nil) throws(VantageError) -> (from: String?, to: String) {
        let from = currentID()
        guard let target = id ?? previousID() else {
            throw VantageError(.notFound, from == nil ? "nothing is deployed in \(root) yet" : "release \(from ?? "") is the oldest one in \(releasesFolder): there is nothing to roll back to",
                               at: SourceLocation(file: releasesFolder), hint: "deploy a release first (vantage deploy NAME)")
        }
        if target == from {
            throw VantageError(.conflict, "release \(target) is already the current one", at: SourceLocation(file: currentLink),
                               hint: "name another release (vantage releases NAME lists them)")
        }
        try activate(target)
        return (from, target)
    }

    /// Removes the releases older than the newest `keep`, except the current and the previous one
    /// (after a rollback they can be older); returns the ids removed, oldest first.
    @discardableResult
    public func prune(keep: Int) throws(VantageError) -> [String] {
        let all = releases()
        let kept = Set(all.suffix(max(1, keep)).map(\.id) + all.filter { $0.isCurrent || $0.isPrevious }.map(\.id))
        var removed: [String] = []
        for release in all where !kept.contains(release.id) {
            try removeTree(release.path)
            removed.append(release.id)
        }
        return removed
    }

    /// Links each shared entry (`.env`, `storage/uploads`) into the release folder from `shared/`,
    /// replacing whatever the commit had at that name.
    public func linkShared(_ entries: [String], into releasePath: String) throws(VantageError) {
        for entry in entries {
            let clean = try SharedEntry.validated(entry)
            let source = sharedFolder + "/" + clean
            guard FileManager.default.fileExists(atPath: source) else {
                throw VantageError(.notFound, "the shared entry '\(clean)' is not in \(sharedFolder)",
                                   at: SourceLocation(file: sharedFolder, field: "shared"),
                                   hint: "create \(source) (a file or a folder every release uses), or remove it from [deploy] shared")
            }
            let link = releasePath + "/" + clean
            let parent = (link as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw VantageError(.io, "cannot make \(parent): \(error.localizedDescription)", at: SourceLocation(file: parent))
            }
            var info = stat()
            if lstat(link, &info) == 0 { try removeTree(link) }
            guard symlink(source, link) == 0 else {
                throw VantageError(.io, "cannot link \(link) to \(source): \(String(cString: strerror(errno)))",
                                   at: SourceLocation(file: link))
            }
        }
    }

    func commit(of id: String) -> String? {
        guard let text = try? String(contentsOfFile: path(of: id) + "/" + ReleaseID.revisionFile, encoding: .utf8) else { return nil }
        let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty ? nil : commit
    }

    func unknownRelease(_ id: String) -> VantageError {
        let known = releases().map(\.id)
        return VantageError(.notFound, "no release '\(id)' in \(releasesFolder)", at: SourceLocation(file: releasesFolder),
                            hint: known.isEmpty ? "deploy first (vantage deploy NAME)" : "releases: \(known.suffix(8).joined(separator: ", "))")
    }

    func removeTree(_ path: String) throws(VantageError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw VantageError(.io, "cannot remove \(path): \(error.localizedDescription)", at: SourceLocation(file: path),
                               hint: "check the permissions of \(root)")
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// Release ids: `YYYYMMDDHHMMSS` (UTC), with `.N` (N >= 2) when several are made in one second.
enum ReleaseID {
    static let revisionFile = "REVISION"
    static let partialSuffix = ".partial"

    static func format(_ date: Date) -> String {
        let f = UTCTime.fields(of: date)
        return String(format: "%04d%02d%02d%02d%02d%02d", f.year, f.month, f.day, f.hour, f.minute, f.second)
    }

    /// The moment an id names, or nil when the name is not a release id.
    static func parse(_ id: String) -> Date? {
        guard let (base, _) = split(id) else { return nil }
        let b = Array(base)
        let text = String(b[0 ..< 4]) + "-" + String(b[4 ..< 6]) + "-" + String(b[6 ..< 8]) + "T" + String(b[8 ..< 10]) + ":"
            + String(b[10 ..< 12]) + ":" + String(b[12 ..< 14]) + "Z"
        return UTCTime.parseISO8601(text)
    }

    /// Order of making: by second, then by the `.N` suffix (numerically, so `.10` follows `.9`).
    static func precedes(_ a: String, _ b: String) -> Bool {
        guard let (baseA, nA) = split(a), let (baseB, nB) = split(b) else { return a < b }
        return baseA != baseB ? baseA < baseB : nA < nB
    }

    private static func split(_ id: String) -> (String, Int)? {
        let parts = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, first.utf8.count == 14, first.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if parts.count == 1 { return (String(first), 1) }
        guard parts[1].utf8.count <= 6, let n = Int(parts[1]), n >= 2, String(n) == parts[1] else { return nil }
        return (String(first), n)
    }
}

/// A `[deploy] shared` entry: a relative path inside the release, without `..`.
enum SharedEntry {
    static func validated(_ entry: String) throws(VantageError) -> String {
        let parts = entry.split(separator: "/").filter { $0 != "." }
        guard !entry.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else {
            throw VantageError(.config, "the shared entry '\(entry)' must be a path inside the release, like .env or storage/uploads",
                               hint: "write it without a leading / and without ..")
        }
        return parts.joined(separator: "/")
    }
}

extension ReleaseLayout {
    /// The deploy folder of a project: `[deploy] target` (absolute, or relative to the project
    /// folder), else `$VANTAGE_HOME/deploys/<project file name>-<hash of the folder>` (two projects of one name never share one).
    public static func of(_ project: Project, settings: DeploySettings?, home: String) -> ReleaseLayout {
        if let target = settings?.target {
            return ReleaseLayout(root: target.hasPrefix("/") ? target : project.path + "/" + target)
        }
        return ReleaseLayout(root: home + "/deploys/" + ProjectFileName.cgroupName(project, home: home))
    }
}
