#if canImport(Glibc)
import Glibc
#endif

/// Decides which project each process belongs to, from working directories, until a supervisor
/// owns the processes it launched.
///
/// A process belongs to the project whose folder holds its cwd (the deepest one when projects
/// nest). A process whose own cwd matches no project belongs to the project of its nearest
/// ancestor that matched, so a project's meters cover its processes and their descendants, and
/// each process is counted once.
public struct ProjectAttribution: Sendable {
    /// Project folders, deepest (longest) first.
    private let folders: [(path: String, index: Int)]
    private var cwdCache: [String: Int] = [:]
    private static let noProject = -1
    private static let cacheLimit = 4096

    /// `paths[i]` is project i's folder. Relative or empty paths never match. Symbolic links in a
    /// path are resolved, since /proc/PID/cwd always shows the real path.
    public init(paths: [String]) {
        folders = paths.enumerated()
            .filter { $0.element.hasPrefix("/") }
            .map { (path: Self.normalized(Self.resolved($0.element)), index: $0.offset) }
            .sorted { $0.path.utf8.count > $1.path.utf8.count }
    }

    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(decoding: UnsafeRawBufferPointer(start: real, count: strlen(real)), as: UTF8.self)
    }

    /// The index of the project whose folder holds `cwd` (deepest first), or nil.
    public mutating func project(forDirectory cwd: String) -> Int? {
        if let cached = cwdCache[cwd] { return cached == Self.noProject ? nil : cached }
        var found = Self.noProject
        for folder in folders where Self.isInside(cwd, folder.path) {
            found = folder.index
            break
        }
        if cwdCache.count >= Self.cacheLimit { cwdCache.removeAll(keepingCapacity: true) }
        cwdCache[cwd] = found
        return found == Self.noProject ? nil : found
    }

    /// pid → project index for every process that belongs to a project. Processes in `excluded`
    /// (Vantage itself) neither match nor pass a project on to their children.
    public mutating func assign(_ table: ProcessTable, excluding excluded: Set<Int32> = []) -> [Int32: Int] {
        var own: [Int32: Int] = [:]
        for (pid, p) in table.processes where !excluded.contains(pid) && !Self.isKernelThread(p) {
            if let cwd = p.cwd, let index = project(forDirectory: cwd) { own[pid] = index }
        }
        guard !own.isEmpty else { return [:] }
        var resolved: [Int32: Int] = [:]     // -1 memoizes "no project"
        resolved.reserveCapacity(table.processes.count)
        var chain: [Int32] = []
        for pid in table.processes.keys {
            // Walk up until a process with a known answer, then fill the chain in.
            chain.removeAll(keepingCapacity: true)
            var current = pid
            var answer = Self.noProject
            while true {
                if let known = resolved[current] { answer = known; break }
                if excluded.contains(current) { answer = Self.noProject; break }
                if let index = own[current] { answer = index; break }
                chain.append(current)
                guard let p = table.processes[current], p.ppid > 0, p.ppid != current, chain.count < 4096 else { break }
                current = p.ppid
            }
            if let index = own[current], resolved[current] == nil, !excluded.contains(current) { resolved[current] = index }
            for c in chain { resolved[c] = answer }
        }
        return resolved.filter { $0.value != Self.noProject }
    }

    /// True when `dir` is `folder` or inside it.
    static func isInside(_ dir: String, _ folder: String) -> Bool {
        if folder == "/" { return dir.hasPrefix("/") }
        guard dir.hasPrefix(folder) else { return false }
        let rest = dir.utf8.dropFirst(folder.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }

    static func normalized(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// Kernel threads (kthreadd, pid 2, and its children) have cwd `/` and belong to no project.
    static func isKernelThread(_ p: ProcessReading) -> Bool { p.pid == 2 || p.ppid == 2 }
}
