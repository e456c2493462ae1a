import Foundation
import VantageCore

/// A `.env` file: `KEY=value` lines, optionally `export KEY=value`, `#` comments, single quotes
/// (literal) and double quotes (with `\n`, `\t`, `\r`, `\"` and `\\` escapes), a ` #` comment after
/// an unquoted value. The one reader for the scanner (ports, compose interpolation) and the
/// supervisor (environment layers, the writer's check).
///
/// A malformed line is a problem naming the file, the line and the key (or the line's start), and
/// is left out; the other lines are still read.
public struct DotEnvFile: Sendable, Equatable {
    public static let fileName = ".env"

    public struct Assignment: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
        public init(key: String, value: String, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    public var file: String
    /// In file order; a key set twice appears twice (the last one wins in `values`).
    public var assignments: [Assignment] = []
    public var problems: [VantageError] = []

    public init(file: String, assignments: [Assignment] = [], problems: [VantageError] = []) {
        self.file = file
        self.assignments = assignments
        self.problems = problems
    }

    /// Key → value, the last assignment of a key winning.
    public var values: [String: String] {
        var out: [String: String] = [:]
        for a in assignments { out[a.key] = a.value }
        return out
    }

    /// The line of the assignment that wins for `key`.
    public func line(of key: String) -> Int? { assignments.last { $0.key == key }?.line }

    /// Reads `path`; nil when there is no such file. An unreadable file throws.
    public static func read(_ path: String) throws(VantageError) -> DotEnvFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return parse(try FormatText.read(path), file: path)
    }

    /// Every assignment of a file that must be entirely valid (the supervisor's layers, the
    /// writer's check): the first problem is thrown.
    public static func assignments(_ text: String, file: String) throws(VantageError) -> [Assignment] {
        let env = parse(text, file: file)
        try env.problems.throwFirst()
        return env.assignments
    }

    /// The same for a file on disk; nil when it does not exist.
    public static func assignments(contentsOf path: String) throws(VantageError) -> [Assignment]? {
        guard let env = try read(path) else { return nil }
        try env.problems.throwFirst()
        return env.assignments
    }

    public static func parse(_ text: String, file: String) -> DotEnvFile {
        var env = DotEnvFile(file: file)
        for (index, raw) in FormatText.lines(text).enumerated() {
            let lineNumber = index + 1
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            func problem(_ field: String, _ message: String, hint: String? = nil) {
                env.problems.append(FormatText.problem(file, line: lineNumber, field: field, message, hint: hint))
            }
            guard let eq = line.firstIndex(of: "=") else {
                problem(String(line.prefix(40)), "expected KEY=value, found \"\(line.prefix(40))\"", hint: "write one KEY=value per line")
                continue
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else {
                problem(key, "\"\(key)\" is not a valid variable name (letters, digits and _, not starting with a digit)")
                continue
            }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") {
                guard let close = closingQuote(in: value) else {
                    problem(key, "the double-quoted value is not closed", hint: "end it with \" on the same line")
                    continue
                }
                value = unescape(String(value[value.index(after: value.startIndex)..<close]))
            } else if value.hasPrefix("'") {
                let body = value.dropFirst()
                guard let close = body.firstIndex(of: "'") else {
                    problem(key, "the single-quoted value is not closed", hint: "end it with ' on the same line")
                    continue
                }
                value = String(body[..<close])
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            env.assignments.append(Assignment(key: key, value: value, line: lineNumber))
        }
        return env
    }

    /// `PORT`, if set. A value that is not a port number from 1 to 65535 is a problem, and no port.
    public func port(problems: inout [VantageError]) -> Int? {
        guard let raw = values["PORT"] else { return nil }
        guard let port = Int(raw), (1...65535).contains(port) else {
            problems.append(FormatText.problem(file, line: line(of: "PORT"), field: "PORT",
                                               "PORT must be a number from 1 to 65535, not \"\(raw)\""))
            return nil
        }
        return port
    }

    /// Letters, digits, `_`, `.` and `-`, not starting with a digit.
    public static func isValidKey(_ key: String) -> Bool {
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
