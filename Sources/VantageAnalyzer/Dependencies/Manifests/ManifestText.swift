import Foundation
import VantageCore

/// Reading manifest files and turning their faults into located `VantageError`s.
enum ManifestText {
    static func read(_ path: String) throws(VantageError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.config, "the file is not UTF-8 text", at: SourceLocation(file: path))
        }
        return text
    }

    static func error(_ path: String, line: Int? = nil, field: String? = nil, _ message: String, hint: String? = nil) -> VantageError {
        VantageError(.config, message, at: SourceLocation(file: path, line: line, field: field), hint: hint)
    }

    /// Parses JSON; a syntax error names the line it is on.
    static func json(_ text: String, path: String) throws(VantageError) -> [String: Any] {
        let object: Any
        switch parseJSON(text) {
        case .success(let o): object = o
        case .failure(let failure):
            let debug = failure.debug
            let line = JSONErrorLine.of(description: debug, in: Data(text.utf8))
            throw error(path, line: line, "invalid JSON\(debug.isEmpty ? "" : ": " + debug)", hint: "fix the syntax or regenerate the file")
        }
        guard let dict = object as? [String: Any] else {
            throw error(path, line: 1, "expected a JSON object at the top level")
        }
        return dict
    }

    struct JSONSyntaxError: Error { var debug: String }

    /// Kept apart from the typed-throws caller: the compiler crashes on `catch let e as NSError` there.
    static func parseJSON(_ text: String) -> Result<Any, JSONSyntaxError> {
        do { return .success(try JSONSerialization.jsonObject(with: Data(text.utf8))) }
        catch { return .failure(JSONSyntaxError(debug: JSONErrorLine.description(of: error))) }
    }

    /// The line where `"key"` first appears (JSON) — used to locate fields of parsed JSON.
    static func line(ofJSONKey key: String, in lines: [Substring], after: Int = 0) -> Int? {
        let needle = "\"\(key)\""
        for i in max(0, after)..<lines.count where lines[i].contains(needle) { return i + 1 }
        return nil
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}

extension ManifestText {
    /// The first line on which each JSON object key appears (keys written one per line, as every
    /// generated lock file does).
    static func jsonKeyLines(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            guard let q = line.firstIndex(of: "\"") else { continue }
            guard line[line.startIndex..<q].allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let afterQ = line.index(after: q)
            guard let end = line[afterQ...].firstIndex(of: "\"") else { continue }
            let key = String(line[afterQ..<end])
            let rest = line[line.index(after: end)...].drop { $0 == " " }
            if rest.hasPrefix(":"), out[key] == nil { out[key] = lineNo }
        }
        return out
    }
}
