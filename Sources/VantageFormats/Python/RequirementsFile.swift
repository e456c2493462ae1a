import Foundation
import VantageCore

/// A pip requirements file (`requirements*.txt`): one PEP 508 requirement per logical line,
/// `\` continuations, `#` comments, `-r`/`--requirement` includes and `-c`/`--constraint` files
/// (relative to the including file), `-e`/`--editable`, direct URLs and local paths,
/// per-requirement options such as `--hash=…`, and global options (`--index-url`, `-f`, `--pre`).
/// The one reader for the scanner and the dependency reader.
public struct RequirementsFile: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        case requirement(PythonRequirement)
        /// `-r FILE` (`constraint` false) or `-c FILE` (true), the path as written.
        case include(String, constraint: Bool)
        case editable(String)
        /// A bare URL or a local path (`./pkg`, `/opt/wheels/x.whl`): installable, no version.
        case location(String)
    }

    public struct Line: Sendable, Equatable {
        public var item: Item
        /// 1-based line where the logical line starts.
        public var line: Int
    }

    public var file: String
    public var lines: [Line] = []
    public var problems: [VantageError] = []

    public static func read(_ path: String) throws(VantageError) -> RequirementsFile {
        parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) -> RequirementsFile {
        var result = RequirementsFile(file: file)
        for (lineNo, full) in logicalLines(text) {
            var line = Substring(full)
            if let hash = commentStart(line) { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let first = words.first, first.hasPrefix("-") {
                var option = first, argument = words.count > 1 ? words[1] : nil
                if first.hasPrefix("--"), let eq = first.firstIndex(of: "=") {
                    option = String(first[..<eq]); argument = String(first[first.index(after: eq)...])
                } else if first.count > 2, first.hasPrefix("-r") || first.hasPrefix("-c") || first.hasPrefix("-e") {
                    option = String(first.prefix(2)); argument = String(first.dropFirst(2))
                }
                switch option {
                case "-r", "--requirement", "-c", "--constraint":
                    guard let argument, !argument.isEmpty else {
                        result.problems.append(FormatText.problem(file, line: lineNo, field: option, "\(option) needs a file name"))
                        continue
                    }
                    result.lines.append(Line(item: .include(argument, constraint: option == "-c" || option == "--constraint"), line: lineNo))
                case "-e", "--editable":
                    result.lines.append(Line(item: .editable(argument ?? "(editable)"), line: lineNo))
                default:
                    continue // --index-url, -f, --pre, a --hash on its own line ...
                }
                continue
            }
            // Per-requirement options (`--hash=sha256:...`, `--config-settings`) follow the requirement.
            let text = words.prefix { !$0.hasPrefix("--") }.joined(separator: " ")
            if text.hasPrefix(".") || text.hasPrefix("/") || (text.contains("://") && !text.contains("@")) {
                result.lines.append(Line(item: .location(text), line: lineNo))
                continue
            }
            guard let requirement = PythonRequirement(text) else {
                result.problems.append(FormatText.problem(file, line: lineNo, field: text, "not a requirement: \"\(text)\"",
                                                          hint: "write it as name[extras] specifier ; marker, e.g. flask==3.1.3"))
                continue
            }
            result.lines.append(Line(item: .requirement(requirement), line: lineNo))
        }
        return result
    }

    /// Where a `#` comment starts: at the line start or after whitespace.
    static func commentStart(_ line: Substring) -> Substring.Index? {
        var previous: Character = " "
        for i in line.indices {
            if line[i] == "#" && (previous == " " || previous == "\t") { return i }
            previous = line[i]
        }
        return nil
    }

    /// (line where it starts, text) for each logical line, `\` continuations joined.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var pending = ""
        var pendingLine = 0
        for (i, raw) in FormatText.lines(text).enumerated() {
            if pending.isEmpty { pendingLine = i + 1 }
            if raw.hasSuffix("\\") { pending += raw.dropLast() + " "; continue }
            out.append((pendingLine, pending + raw))
            pending = ""
        }
        if !pending.isEmpty { out.append((pendingLine, pending)) }
        return out
    }
}

extension RequirementsFile {
    /// How many files deep `-r` includes may nest. Real projects use two or three levels; pip
    /// itself has no limit and fails with a recursion error on a long chain.
    public static let maxIncludeDepth = 64

    /// `path` and every file it includes with `-r`, each once, in the order pip reads them
    /// (an included file's lines stand where its `-r` line is). Read without recursion: a chain
    /// deeper than `maxIncludeDepth`, a missing included file or an unreadable one is a problem at
    /// the `-r` line. An include cycle is not followed a second time, since every file in it is
    /// already read. Constraint files (`-c`) are checked to exist but not read: they add no dependency.
    public static func readIncludes(_ path: String) throws(VantageError) -> (files: [RequirementsFile], problems: [VantageError]) {
        var files: [RequirementsFile] = []
        var problems: [VantageError] = []
        var visited = Set<String>()
        let root = try read(path)
        visited.insert(canonical(path))
        files.append(root)
        problems += root.problems
        // A stack of (file, next line to look at): the include chain being read.
        var stack: [(RequirementsFile, Int)] = [(root, 0)]
        while let (current, next) = stack.popLast() {
            guard next < current.lines.count else { continue }
            stack.append((current, next + 1))
            let line = current.lines[next]
            guard case .include(let written, let constraint) = line.item else { continue }
            let dir = (current.file as NSString).deletingLastPathComponent
            let target = URL(fileURLWithPath: written.hasPrefix("/") ? written : dir + "/" + written).standardized.path
            let option = constraint ? "-c" : "-r"
            guard FileManager.default.fileExists(atPath: target) else {
                problems.append(FormatText.problem(current.file, line: line.line, field: option, "included file '\(written)' does not exist"))
                continue
            }
            if constraint { continue }
            guard visited.insert(canonical(target)).inserted else { continue }
            guard stack.count <= maxIncludeDepth else {
                problems.append(FormatText.problem(current.file, line: line.line, field: option,
                                                   "-r includes nest more than \(maxIncludeDepth) files deep",
                                                   hint: "include the files you need directly from the top file"))
                continue
            }
            do {
                let included = try read(target)
                files.append(included)
                problems += included.problems
                stack.append((included, 0))
            } catch {
                problems.append(FormatText.problem(current.file, line: line.line, field: option, "cannot read the included file '\(written)': \(error.message)"))
            }
        }
        return (files, problems)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardized.resolvingSymlinksInPath().path
    }
}
