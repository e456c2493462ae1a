import Foundation

/// Whether a path written in a project's file stays inside the project folder: `cwd`,
/// `templates` and any other path a `.vantage.toml` names. `..` components and symbolic links
/// are followed (as far as the path exists) before deciding.
struct ProjectPaths {
    let project: String
    let allowOutside: Bool

    static let allowHint = "keep it inside the project, or allow paths outside with [projects] allow_paths_outside = true in the workspace's vantage.toml"

    /// nil when `written` stays inside (or leaving is allowed); otherwise why it does not.
    func outside(_ written: String) -> String? {
        guard !allowOutside else { return nil }
        let root = Self.resolved(project)
        let target = Self.resolved(written.hasPrefix("/") ? written : project + "/" + written)
        if target == root || target.hasPrefix(root == "/" ? "/" : root + "/") { return nil }
        return "the path \"\(written)\" leads outside the project folder (to \(target))"
    }

    /// The standardized absolute path with every symbolic link that exists resolved: the longest
    /// existing prefix is resolved by the file system, the rest is kept as written.
    static func resolved(_ path: String) -> String {
        let standard = (path as NSString).standardizingPath
        var existing = standard
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var base = existing.isEmpty ? "/" : URL(fileURLWithPath: existing).resolvingSymlinksInPath().path
        for part in rest { base = (base as NSString).appendingPathComponent(part) }
        return (base as NSString).standardizingPath
    }
}
