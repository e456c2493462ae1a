import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one walk over a folder tree, used by the project scanner, the quality and practice
/// analyzers and the dependency scanner. It never hangs and never loops:
/// - only regular files are listed (a link to one counts as the file); FIFOs, sockets and devices
///   are left out, so nothing ever opens a pipe and waits on it;
/// - links to folders are not followed unless `followsFolderLinks`; every folder entered is
///   remembered by (device, inode), so a link back up (`self -> .`, `up -> ..`) or a bind-mount
///   loop is entered once at most;
/// - the depth and the number of files are bounded.
public struct FileWalker: Sendable {
    /// One folder the walk reached.
    public struct Folder: Sendable {
        /// Absolute path.
        public var path: String
        /// Path relative to the root ("" for the root itself).
        public var relativePath: String
        /// 0 for the root.
        public var depth: Int
        /// Names of the regular files directly inside, sorted.
        public var files: [String]
        /// Names of the folders directly inside (not skipped), sorted.
        public var folders: [String]

        /// `relativePath` joined with `name`.
        public func relative(_ name: String) -> String { relativePath.isEmpty ? name : relativePath + "/" + name }

        /// `path` joined with `name`.
        public func absolute(_ name: String) -> String { path == "/" ? "/" + name : path + "/" + name }
    }

    /// What to do after visiting a folder.
    public enum Next: Sendable { case descend, skipSubfolders, stop }

    /// Follow links to folders (each real folder is still entered once).
    public var followsFolderLinks = false
    /// Folders deeper than this are not entered (the root is depth 0).
    public var maxDepth = Int.max
    /// The walk stops once this many files have been listed.
    public var maxFiles = Int.max
    /// Whether a folder with this name (and path relative to the root) is left out.
    public var skipsFolder: @Sendable (_ name: String, _ relativePath: String) -> Bool

    public init(followsFolderLinks: Bool = false, maxDepth: Int = .max, maxFiles: Int = .max,
                skipsFolder: @escaping @Sendable (_ name: String, _ relativePath: String) -> Bool = { _, _ in false }) {
        self.followsFolderLinks = followsFolderLinks
        self.maxDepth = maxDepth
        self.maxFiles = maxFiles
        self.skipsFolder = skipsFolder
    }

    /// Visits `root` and the folders below it, depth first in name order; `visit` says whether to
    /// go into the folder's subfolders. A folder that cannot be listed is passed over.
    public func walk(_ root: String, visit: (Folder) -> Next) {
        var seen = Set<FileIdentity>()
        guard let rootIdentity = FileIdentity(path: root, following: true), rootIdentity.isFolder else { return }
        seen.insert(rootIdentity)
        var stack: [(path: String, relative: String, depth: Int)] = [(root, "", 0)]
        var listed = 0
        while let (path, relative, depth) = stack.popLast() {
            guard var folder = list(path, relative: relative, depth: depth, seen: &seen) else { continue }
            if listed + folder.files.count > maxFiles { folder.files = Array(folder.files.prefix(max(0, maxFiles - listed))) }
            listed += folder.files.count
            let next = visit(folder)
            if next == .stop || listed >= maxFiles { return }
            guard next == .descend, depth < maxDepth else { continue }
            for name in folder.folders.reversed() {
                stack.append((folder.absolute(name), folder.relative(name), depth + 1))
            }
        }
    }

    /// Every regular file under `root`, as paths relative to it, sorted.
    public func files(under root: String) -> [String] {
        var found: [String] = []
        walk(root) { folder in
            found += folder.files.map(folder.relative)
            return .descend
        }
        return found.sorted()
    }

    private func list(_ path: String, relative: String, depth: Int, seen: inout Set<FileIdentity>) -> Folder? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var folder = Folder(path: path, relativePath: relative, depth: depth, files: [], folders: [])
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let full = folder.absolute(name)
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG):
                folder.files.append(name)
            case Int32(DT_DIR):
                guard !skipsFolder(name, folder.relative(name)),
                      let identity = FileIdentity(path: full, following: false), seen.insert(identity).inserted else { continue }
                folder.folders.append(name)
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                // What the entry is, or for a link what it points to.
                guard let target = FileIdentity(path: full, following: true) else { continue }  // broken link
                if target.isRegularFile {
                    folder.files.append(name)
                } else if target.isFolder {
                    let isLink = FileIdentity(path: full, following: false)?.isLink ?? true
                    guard !isLink || followsFolderLinks, !skipsFolder(name, folder.relative(name)),
                          seen.insert(target).inserted else { continue }
                    folder.folders.append(name)
                }
            default:
                continue  // FIFOs, sockets, devices: never listed, never opened
            }
        }
        folder.files.sort()
        folder.folders.sort()
        return folder
    }
}

/// A file's device and inode, with its type: what makes "the same folder" under two names.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var mode: UInt32

    init?(path: String, following: Bool) {
        var st = stat()
        guard (following ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        mode = UInt32(st.st_mode)
    }

    var isFolder: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    var isLink: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFLNK) }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
    func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
    }
}
