import Foundation
import VantageFormats

/// The files of a project, relative to its root, without dependency, build and VCS folders.
public struct ProjectFiles: Sendable {
    public let root: String
    /// Relative paths, sorted.
    public let paths: [String]

    /// Folders never walked: the one skip list (hidden folders are walked: `.github` is a practice).
    public static let skippedFolders = FolderSkipList.standard

    public init(root: String, paths: [String]) {
        self.root = root
        self.paths = paths.sorted()
    }

    /// Walks `root`: regular files only (pipes, sockets and devices left out), links to folders
    /// not followed, at most `limit` files (`FileWalker`).
    public static func walk(_ root: String, limit: Int = 200_000) -> ProjectFiles {
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        let walker = FileWalker(maxFiles: limit) { name, _ in skippedFolders.skips(name) }
        return ProjectFiles(root: base, paths: walker.files(under: base))
    }

    public func contains(_ path: String) -> Bool { paths.contains(path) }

    /// Whether a relative path lies in a folder `walk` skips (for listings from git).
    public static func isInSkippedDirectory(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { skippedFolders.skips(String($0)) }
    }

    /// Reads a file as text (invalid UTF-8 repaired), or nil when it is missing, not a regular
    /// file, larger than `maxBytes`, or binary (a NUL byte in its first 8 KiB).
    public func text(_ path: String, maxBytes: Int = 2_000_000) -> String? {
        let full = URL(fileURLWithPath: root).appendingPathComponent(path).path
        guard case .success(let data) = FileBytes.read(full, maxBytes: maxBytes) else { return nil }
        if data.prefix(8192).contains(0) { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
