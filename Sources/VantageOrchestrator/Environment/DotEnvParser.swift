import Foundation
import VantageCore

/// Reads `.env` files: `KEY=value`, `export KEY=value`, `#` comments, single quotes (literal) and
/// double quotes (with \n, \t, \" and \\ escapes). A malformed line is an error naming file, line and key.
public enum DotEnvParser {
    public struct Assignment: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
    }

    public static func parse(contentsOf path: String) throws(VantageError) -> [Assignment]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path), hint: "check its permissions")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws(VantageError) -> [Assignment] {
        var result: [Assignment] = []
        // Split on the scalar: Swift reads "\r\n" as one Character, so a Character split would
        // leave a CRLF file as one line.
        for (index, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            let lineNumber = index + 1
            var line = rawLine.unicodeScalars.last == "\r" ? String(rawLine.unicodeScalars.dropLast()) : rawLine
            line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let eq = line.firstIndex(of: "=") else {
                throw VantageError(.config, "expected KEY=value, found \"\(line.prefix(40))\"",
                                   at: SourceLocation(file: file, line: lineNumber, field: String(line.prefix(40))))
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else {
                throw VantageError(.config, "\"\(key)\" is not a valid variable name (letters, digits and _, not starting with a digit)",
                                   at: SourceLocation(file: file, line: lineNumber, field: key))
            }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") {
                guard let close = closingQuote(in: value) else {
                    throw VantageError(.config, "the double-quoted value is not closed", at: SourceLocation(file: file, line: lineNumber, field: key))
                }
                value = unescape(String(value[value.index(after: value.startIndex)..<close]))
            } else if value.hasPrefix("'") {
                let body = value.dropFirst()
                guard let close = body.firstIndex(of: "'") else {
                    throw VantageError(.config, "the single-quoted value is not closed", at: SourceLocation(file: file, line: lineNumber, field: key))
                }
                value = String(body[..<close])
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            result.append(Assignment(key: key, value: value, line: lineNumber))
        }
        return result
    }

    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "." || $0 == "-" }
    }

    private static func closingQuote(in value: String) -> String.Index? {
        var i = value.index(after: value.startIndex)
        while i < value.endIndex {
            if value[i] == "\\" { i = value.index(after: i); if i < value.endIndex { i = value.index(after: i) }; continue }
            if value[i] == "\"" { return i }
            i = value.index(after: i)
        }
        return nil
    }

    private static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c { case "n": out.append("\n"); case "t": out.append("\t"); case "r": out.append("\r"); default: out.append(c) }
                escaping = false
            } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }
}
