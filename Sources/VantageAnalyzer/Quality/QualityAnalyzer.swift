import Foundation
import VantageCore

/// Entry point of the code-quality analysis: walks a file or directory, measures
/// every function of every supported source file, and derives smells.
public enum QualityAnalyzer {
    /// Analyses `path` (a file or a directory, recursively). Paths in the report are
    /// `path` joined with each file's relative path, the way lizard prints them.
    public static func analyze(path: String, options: QualityOptions = QualityOptions()) throws -> QualityReport {
        try analyze(paths: [path], options: options)
    }

    /// Analyses several files or directories into one report (like `lizard A B C`).
    public static func analyze(paths roots: [String], options: QualityOptions = QualityOptions()) throws -> QualityReport {
        var paths: [String] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
                throw VantageError(.notFound, "nothing to analyse at \(root)", at: SourceLocation(file: root),
                                   hint: "give a source file or a project directory")
            }
            paths += isDirectory.boolValue ? sourceFiles(under: root, options: options) : [root]
        }
        let path = roots.joined(separator: " ")
        var files: [FileQuality] = []
        var skipped: [SkippedFile] = []
        var smells: [Smell] = []
        var duplicates = DuplicateDetector(thresholds: options.thresholds)
        for file in paths {
            guard let language = SourceLanguage(path: file), options.languages.contains(language) else { continue }
            switch read(file, options: options) {
            case .failure(let reason):
                skipped.append(reason)
            case .success(let data):
                data.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let (quality, stream) = FileAnalysis.analyzeWithTokens(
                        bytes: bytes, language: language, path: file, timeBudget: options.timeBudget,
                        cognitive: options.measureCognitive, documentation: options.measureDocumentation)
                    files.append(quality)
                    if options.detectSmells {
                        smells += SmellDetector.smells(in: quality, types: TypeSpan.find(in: stream, language: language),
                                                       thresholds: options.thresholds)
                    }
                    if options.findDuplicates { duplicates.add(path: file, stream: stream) }
                }
            }
        }
        if options.findDuplicates { smells += duplicates.duplicates() }
        return QualityReport(root: path, files: files, skipped: skipped, smells: smells)
    }

    /// Analyses source text directly (for tests and editors).
    public static func analyze(source: String, language: SourceLanguage, path: String = "<memory>") -> FileQuality {
        var text = source
        return text.withUTF8 { FileAnalysis.analyze(bytes: $0, language: language, path: path) }
    }

    /// Analyses raw bytes, which need not be valid UTF-8.
    public static func analyze(bytes: [UInt8], language: SourceLanguage, path: String = "<memory>") -> FileQuality {
        bytes.withUnsafeBufferPointer { FileAnalysis.analyze(bytes: $0, language: language, path: path) }
    }

    /// Reads a file whole, refusing ones that are too large or binary. One open, fstat and read
    /// (FileManager stats the path again and again: it shows at a thousand files a run).
    static func read(_ path: String, options: QualityOptions) -> Result<Data, SkippedFile> {
        let unreadable = SkippedFile(path: path, reason: "could not be read (permissions or a broken link)")
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(unreadable) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT != S_IFDIR else { return .failure(unreadable) }
        let size = Int(st.st_size)
        if size > options.maxFileBytes {
            return .failure(SkippedFile(path: path, reason: "larger than \(options.maxFileBytes / (1024 * 1024)) MB (\(size) bytes); skipped"))
        }
        // Read to the end, whatever the size said (a file can change while it is read), but never
        // past the limit.
        var data = Data(count: max(size, 0) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                if data.count > options.maxFileBytes {
                    return .failure(SkippedFile(path: path, reason: "larger than \(options.maxFileBytes / (1024 * 1024)) MB (grew while read); skipped"))
                }
                data.count = data.count * 2
            }
            let n = data.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(unreadable)
            }
            if n == 0 { break }
            filled += n
        }
        data.count = filled
        let hasNUL = data.withUnsafeBytes { raw in
            raw.count > 0 && memchr(raw.baseAddress!, 0, min(raw.count, 8192)) != nil
        }
        if hasNUL {
            return .failure(SkippedFile(path: path, reason: "binary content (NUL bytes); skipped"))
        }
        return .success(data)
    }

    /// `stat(2)` of `path` (following links), or nil when it cannot be read; cheaper than
    /// FileManager's attribute dictionary, which matters at a thousand files a run.
    static func status(_ path: String) -> stat? {
        var st = stat()
        return stat(path, &st) == 0 ? st : nil
    }

    /// Supported source files under `root`, sorted, skipping hidden and excluded directories.
    static func sourceFiles(under root: String, options: QualityOptions) -> [String] {
        var result: [String] = []
        var stack = [root]
        while let dir = stack.popLast() {
            guard let entries = directoryEntries(dir) else { continue }
            for (name, type) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                let isDirectory: Bool
                switch type {
                case UInt8(DT_DIR): isDirectory = true
                case UInt8(DT_REG): isDirectory = false
                default:  // a link, or a file system that does not say: follow it
                    guard let st = status(full) else { continue }
                    isDirectory = st.st_mode & S_IFMT == S_IFDIR
                }
                if isDirectory {
                    if !options.excludedDirectories.contains(name) { stack.append(full) }
                } else if let language = SourceLanguage(path: name), options.languages.contains(language) {
                    result.append(full)
                }
            }
        }
        return result.sorted()
    }

    /// The names in `dir` with their `d_type`, without a stat per entry; nil when unreadable.
    static func directoryEntries(_ dir: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(dir) else { return nil }
        defer { closedir(handle) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }
}
