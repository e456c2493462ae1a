import Foundation
import VantageCore

/// JSON read with a nesting limit and located syntax errors: `package.json`, `composer.json`,
/// `package-lock.json`, `Pipfile.lock`, `Package.resolved`, OSV records.
public enum JSONDocument {
    /// Deeper nesting than this is refused before parsing. Generated lock files nest a few levels
    /// (npm v1 lock files one level per install depth); 9,000 nested arrays would be an attack.
    public static let maxDepth = 256

    /// The top-level object of `text`. Syntax errors and nesting beyond `maxDepth` name the line.
    public static func object(_ text: String, file: String) throws(VantageError) -> [String: Any] {
        let value = try parse(text, file: file)
        guard let object = value as? [String: Any] else {
            throw FormatText.problem(file, line: 1, "the top level must be a JSON object")
        }
        return object
    }

    /// Any JSON value.
    public static func parse(_ text: String, file: String) throws(VantageError) -> Any {
        let data = Data(text.utf8)
        if let line = lineBeyondDepth(data) {
            throw FormatText.problem(file, line: line, "JSON nested more than \(maxDepth) levels deep",
                                     hint: "no manifest or lock file nests this deep; check what wrote the file")
        }
        switch decode(data) {
        case .success(let value): return value
        case .failure(let failure):
            let line = JSONErrorLine.of(description: failure.debug, in: data)
            throw FormatText.problem(file, line: line, "the file is not valid JSON\(failure.debug.isEmpty ? "" : ": " + failure.debug)",
                                     hint: "fix the syntax or regenerate the file")
        }
    }

    struct SyntaxError: Error { var debug: String }

    /// Kept apart from typed-throws callers: the compiler crashes on `catch let e as NSError` there.
    static func decode(_ data: Data) -> Result<Any, SyntaxError> {
        do { return .success(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) }
        catch { return .failure(SyntaxError(debug: JSONErrorLine.description(of: error))) }
    }

    /// The line where nesting first goes beyond `maxDepth`, or nil. One pass over the bytes,
    /// skipping strings.
    static func lineBeyondDepth(_ data: Data, limit: Int = maxDepth) -> Int? {
        var depth = 0, line = 1
        var inString = false, escaped = false
        for byte in data {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > limit { return line }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return nil
    }

    /// The first line on which each object key appears (keys written one per line, as every
    /// generated manifest and lock file does). Used to locate fields of parsed JSON.
    public static func keyLines(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            guard let q = line.firstIndex(of: "\"") else { continue }
            guard line[line.startIndex..<q].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," }) else { continue }
            let afterQ = line.index(after: q)
            guard let end = line[afterQ...].firstIndex(of: "\"") else { continue }
            let key = String(line[afterQ..<end])
            let rest = line[line.index(after: end)...].drop { $0 == " " }
            if rest.hasPrefix(":"), out[key] == nil { out[key] = lineNo }
        }
        return out
    }
}
