import Foundation

/// A cheap summary of a project's source files (count, newest and summed modification times,
/// summed sizes) that changes when any of them is added, removed or written. Computed by walking
/// the same files the quality analysis reads, plus the top-level files (manifests, lock files).
public struct SourceFingerprint: Sendable, Equatable {
    public var files: Int
    public var newest: Double
    public var mtimeSum: Double
    public var sizeSum: Int64

    public static func of(_ root: String, options: QualityOptions = QualityOptions()) -> SourceFingerprint {
        var fp = SourceFingerprint(files: 0, newest: 0, mtimeSum: 0, sizeSum: 0)
        var paths = QualityAnalyzer.sourceFiles(under: root, options: options)
        let top = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        paths += top.filter { !$0.hasPrefix(".") || $0 == ".vantage.toml" }.map { root + "/" + $0 }
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            fp.files += 1
            fp.newest = max(fp.newest, mtime)
            fp.mtimeSum += mtime
            fp.sizeSum += Int64(st.st_size)
        }
        return fp
    }
}
