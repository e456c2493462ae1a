import Foundation
import Synchronization
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageFormats
import VantageOrchestrator

/// Live discovery: the workspace is scanned again when a folder is created, renamed or deleted
/// under a root, or a file in a watched folder is written (a manifest edit, a new `.env` port), and
/// `changed` gets the new scan when its projects differ from the last one. Changes come from
/// inotify on every folder the scanner would walk (`FolderWatcher`); a scan runs at most every
/// `settle` after the first change of a burst. Without inotify, or as a safety net with it, the
/// workspace is scanned every `poll` (2 s without inotify, so a new project still shows within the
/// 2 s the console promises; 30 s with it).
final class WorkspaceWatcher: Sendable {
    typealias Scan = @Sendable () -> ScanResult?

    private let roots: [String]
    private let maxDepth: Int
    private let scan: Scan
    private let changed: @Sendable (ScanResult) -> Void
    private let watcher = FolderWatcher()
    private let stopped = Mutex(false)
    private let settle: Double

    init(roots: [String], maxDepth: Int = 4, settle: Double = 0.15, scan: @escaping Scan,
         changed: @escaping @Sendable (ScanResult) -> Void) {
        self.roots = roots
        self.maxDepth = maxDepth
        self.settle = settle
        self.scan = scan
        self.changed = changed
    }

    /// Whether changes arrive from inotify (false: the workspace is polled); `problem` says why not.
    var usesInotify: Bool { watcher.isAvailable }
    var problem: String? { watcher.problem }

    /// Starts watching on a thread of its own; `initial` is the scan the caller already made.
    func start(initial: ScanResult) {
        watcher.watch(Self.folders(roots: roots, maxDepth: maxDepth))
        let thread = Thread { [self] in loop(last: initial.projects) }
        thread.name = "vantage-discovery"
        thread.start()
    }

    func stop() {
        stopped.withLock { $0 = true }
        watcher.stop()
    }

    private func loop(last initial: [Project]) {
        var last = initial
        while !stopped.withLock({ $0 }) {
            let changes = watcher.next(timeout: watcher.isAvailable ? 30 : 2)
            if stopped.withLock({ $0 }) { return }
            if !changes.isEmpty {
                guard changes.contains(where: { Self.matters($0.name) }) else { continue }
                // A burst (an editor's save, `git checkout`, `mkdir` then files) settles first.
                usleep(UInt32(settle * 1_000_000))
                _ = watcher.next(timeout: 0)
            }
            guard let result = scan() else { continue }
            watcher.watch(Self.folders(roots: roots, maxDepth: maxDepth))
            if result.projects != last {
                last = result.projects
                changed(result)
            }
        }
    }

    /// Hidden files the scanner reads (a project's own `.vantage.toml`, its `.env` port): an edit
    /// of one counts although hidden names are otherwise skipped, so an editor that writes in
    /// place (no rename) is seen too.
    static let hiddenFilesRead: Set<String> = [ProjectConfigReader.fileName, DotEnvFile.fileName]

    /// Whether a change to an entry called `name` (empty: the watched folder itself) can change the scan.
    static func matters(_ name: String) -> Bool {
        name.isEmpty || hiddenFilesRead.contains(name) || !ProjectScanner.skips(folderNamed: name)
    }

    /// Every folder the scanner walks: the roots and their subfolders down to `maxDepth`, without
    /// the folders it skips (dependencies, build output, hidden ones, virtualenvs).
    static func folders(roots: [String], maxDepth: Int) -> Set<String> {
        var out = Set<String>()
        var queue = roots.map { ($0, 0) }
        let fm = FileManager.default
        while let (folder, depth) = queue.popLast() {
            guard out.insert(folder).inserted, depth < maxDepth,
                  let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            if names.contains("pyvenv.cfg") { continue }
            for name in names where !ProjectScanner.skips(folderNamed: name) {
                let path = folder + "/" + name
                var isDir: ObjCBool = false
                // Links to folders are not followed, as the scanner does not follow them.
                guard let type = try? fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type == .typeDirectory,
                      fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { continue }
                queue.append((path, depth + 1))
            }
        }
        return out
    }
}
