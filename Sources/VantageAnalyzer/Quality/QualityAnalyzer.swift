import Foundation
import VantageCore
import VantageFormats

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
                        smells += SmellDetector.smells(in: quality, types: TypeSpan.find(in: stream, blocks: LanguageSupports.of(language).blocks),
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

    /// Reads a file whole, refusing ones that are too large, binary or not regular files (a FIFO
    /// is never waited on: `FileBytes` opens with O_NONBLOCK and checks the open descriptor).
    static func read(_ path: String, options: QualityOptions) -> Result<Data, SkippedFile> {
        switch FileBytes.read(path, maxBytes: options.maxFileBytes) {
        case .failure(.tooLarge(let size)):
            return .failure(SkippedFile(path: path, reason: "larger than \(options.maxFileBytes / (1024 * 1024)) MB (\(size) bytes); skipped"))
        case .failure(.notRegular):
            return .failure(SkippedFile(path: path, reason: FileBytes.Failure.notRegular.reason))
        case .failure(.unreadable):
            return .failure(SkippedFile(path: path, reason: "could not be read (permissions or a broken link)"))
        case .success(let data):
            let hasNUL = data.withUnsafeBytes { raw in
                raw.count > 0 && memchr(raw.baseAddress!, 0, min(raw.count, 8192)) != nil
            }
            if hasNUL {
                return .failure(SkippedFile(path: path, reason: "binary content (NUL bytes); skipped"))
            }
            return .success(data)
        }
    }

    /// Supported source files under `root`, sorted, skipping hidden and excluded directories; links
    /// to folders are not followed and pipes, sockets and devices are never listed (`FileWalker`).
    static func sourceFiles(under root: String, options: QualityOptions) -> [String] {
        let skipped = options.skippedFolders
        let walker = FileWalker { name, _ in skipped.skips(name) }
        var result: [String] = []
        walker.walk(root) { folder in
            for name in folder.files where !name.hasPrefix(".") {
                if let language = SourceLanguage(path: name), options.languages.contains(language) {
                    result.append(root.hasSuffix("/") ? root + folder.relative(name) : root + "/" + folder.relative(name))
                }
            }
            return .descend
        }
        return result.sorted()
    }
}
