import Foundation
import VantageCore
import VantageFormats

/// What one backup of a project reads and how its snapshot is tagged, worked out before restic
/// runs: the absolute paths of `[backup] paths`, the excludes (the table's patterns, every path the
/// project's `.gitignore` ignores, and the repository itself when it lies inside the project) and
/// the tags `project:NAME`, `environment:ENV` and `commit:SHA`.
public struct BackupPlan: Sendable, Equatable {
    public var project: String
    public var projectPath: String
    public var repository: String
    public var paths: [String]
    public var excludes: [String]
    public var tags: [String]

    public init(project: String, projectPath: String, settings: BackupSettings, environment: String) {
        let root = URL(fileURLWithPath: projectPath).standardizedFileURL.path
        self.project = project
        self.projectPath = root
        repository = settings.repositoryLocation(projectPath: root)
        paths = settings.paths.map { $0 == "." ? root : URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: root + "/")).standardizedFileURL.path }
        var excludes = settings.excludes
        excludes += Self.gitIgnored(in: root).map { Self.literalPattern(root + "/" + $0) }
        if !settings.isRemote, repository.hasPrefix(root + "/") { excludes.append(Self.literalPattern(repository)) }
        self.excludes = excludes
        tags = Self.tags(project: project, environment: environment, commit: Self.gitCommit(in: root))
    }

    /// The tags every snapshot of `project` carries (restic separates tags with commas, so none is kept).
    public static func tags(project: String, environment: String, commit: String?) -> [String] {
        func clean(_ s: String) -> String { s.replacingOccurrences(of: ",", with: "_") }
        return ["project:" + clean(project), "environment:" + clean(environment)] + (commit.map { ["commit:" + $0] } ?? [])
    }

    /// The tag that selects a project's snapshots in a shared repository.
    public static func projectTag(_ project: String) -> String { tags(project: project, environment: "", commit: nil)[0] }

    /// Paths (relative to `root`) git ignores there, folders as one entry; empty outside git.
    static func gitIgnored(in root: String) -> [String] {
        guard let result = try? ChildProcess.run(["git", "-C", root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
                                                 stderr: .discarded, timeout: 60),
              result.succeeded else { return [] }
        return result.output.split(separator: "\u{0}").map { String($0.hasSuffix("/") ? $0.dropLast() : $0) }.filter { !$0.isEmpty }
    }

    /// The commit checked out in `root` (`git rev-parse HEAD`), nil outside git or before a first commit.
    static func gitCommit(in root: String) -> String? {
        guard let result = try? ChildProcess.run(["git", "-C", root, "rev-parse", "--verify", "-q", "HEAD"], stderr: .discarded, timeout: 30),
              result.succeeded else { return nil }
        let sha = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return sha.isEmpty ? nil : sha
    }

    /// A restic exclude pattern that matches exactly this absolute path (its glob characters escaped).
    static func literalPattern(_ path: String) -> String {
        var out = ""
        for ch in path {
            if "*?[]\\".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
