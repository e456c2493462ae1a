import Foundation

/// A TOML 1.0 reader written for good error messages: every error names the file, the line and,
/// where one is known, the key. It covers the whole of TOML that configuration files use:
/// tables, arrays of tables, dotted and quoted keys, the four string forms, integers (with `_`,
/// hex, octal, binary), floats, booleans, dates, arrays and inline tables.
public struct TOMLParser {
    public let file: String
    private let bytes: [UInt8]
    private var pos = 0
    private var line = 1

    private var root = TOMLTable()
    /// Path of the table that `key = value` lines currently go into.
    private var currentPath: [String] = []
    /// Tables defined by a `[header]` (to refuse defining one twice), by joined path.
    private var definedHeaders: Set<String> = []
    /// Arrays created by `[[header]]` (only those may be appended to).
    private var arrayTablePaths: Set<String> = []

    public static func parse(_ text: String, file: String) throws(VantageError) -> TOMLTable {
        var p = TOMLParser(file: file, text: text)
        return try p.parseDocument()
    }

    public static func parse(contentsOf path: String) throws(VantageError) -> TOMLTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path),
                               hint: "check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.config, "the file is not valid UTF-8", at: SourceLocation(file: path))
        }
        return try parse(text, file: path)
    }

    init(file: String, text: String) {
        self.file = file
        self.bytes = Array(text.utf8)
    }

    // MARK: errors

    private func fail(_ message: String, field: String? = nil, line: Int? = nil) -> VantageError {
        VantageError(.config, message, at: SourceLocation(file: file, line: line ?? self.line, field: field))
    }

    // MARK: document

    mutating func parseDocument() throws(VantageError) -> TOMLTable {
        while true {
            skipWhitespaceCommentsAndNewlines()
            guard let c = peek() else { break }
            if c == UInt8(ascii: "[") {
                try parseHeader()
            } else {
                try parseKeyValue(into: currentPath)
            }
        }
        return root
    }

    private mutating func parseHeader() throws(VantageError) {
        let headerLine = line
        pos += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { pos += 1 }
        skipInlineWhitespace()
        let path = try parseKey()
        skipInlineWhitespace()
        guard peek() == UInt8(ascii: "]") else { throw fail("expected ']' to close the table header", field: path.joined(separator: ".")) }
        pos += 1
        if isArray {
            guard peek() == UInt8(ascii: "]") else { throw fail("expected ']]' to close the array-of-tables header", field: path.joined(separator: ".")) }
            pos += 1
        }
        try expectEndOfLine()
        let joined = path.joined(separator: ".")
        if isArray {
            try appendArrayTable(path: path, line: headerLine)
            currentPath = path
        } else {
            if definedHeaders.contains(joined) {
                throw fail("table [\(joined)] is defined twice", field: joined, line: headerLine)
            }
            definedHeaders.insert(joined)
            try ensureTable(path: path, line: headerLine)
            currentPath = path
        }
    }

    private mutating func parseKeyValue(into tablePath: [String]) throws(VantageError) {
        let keyLine = line
        let key = try parseKey()
        skipInlineWhitespace()
        guard peek() == UInt8(ascii: "=") else {
            throw fail("expected '=' after the key", field: (tablePath + key).joined(separator: "."))
        }
        pos += 1
        skipInlineWhitespace()
        let fullField = (tablePath + key).joined(separator: ".")
        let value = try parseValue(field: fullField)
        try expectEndOfLine()
        try insert(value, at: tablePath, key: key, line: keyLine)
    }

    // MARK: building the tree

    /// Walks `path` from the root, creating implicit tables; stepping into the last element of
    /// arrays of tables.
    private func withTable<R>(_ table: inout TOMLTable, path: ArraySlice<String>, line: Int,
                              _ body: (inout TOMLTable) throws(VantageError) -> R) throws(VantageError) -> R {
        guard let head = path.first else { return try body(&table) }
        let rest = path.dropFirst()
        switch table[head] {
        case nil:
            var child = TOMLTable(line: line)
            let r = try withTable(&child, path: rest, line: line, body)
            table.set(head, .table(child), line: line)
            return r
        case .table(var child)?:
            let r = try withTable(&child, path: rest, line: line, body)
            table.set(head, .table(child), line: table.line(of: head) ?? line)
            return r
        case .array(var items)?:
            guard case .table(var last)? = items.last else {
                throw fail("'\(head)' is an array of values, not a table", field: head, line: line)
            }
            let r = try withTable(&last, path: rest, line: line, body)
            items[items.count - 1] = .table(last)
            table.set(head, .array(items), line: table.line(of: head) ?? line)
            return r
        case let other?:
            throw fail("'\(head)' is already \(other.typeDescription), not a table", field: head, line: line)
        }
    }

    private mutating func ensureTable(path: [String], line: Int) throws(VantageError) {
        try withTable(&root, path: path[...], line: line) { (_: inout TOMLTable) throws(VantageError) in }
    }

    private mutating func appendArrayTable(path: [String], line: Int) throws(VantageError) {
        let joined = path.joined(separator: ".")
        let parent = path.dropLast()
        let last = path[path.count - 1]
        let known = arrayTablePaths.contains(joined)
        try withTable(&root, path: parent, line: line) { (t: inout TOMLTable) throws(VantageError) in
            switch t[last] {
            case nil:
                t.set(last, .array([.table(TOMLTable(line: line))]), line: line)
            case .array(var items)? where known:
                items.append(.table(TOMLTable(line: line)))
                t.set(last, .array(items), line: t.line(of: last) ?? line)
            case let other?:
                throw VantageError(.config, "'\(joined)' is already \(other.typeDescription), cannot add [[\(joined)]]",
                                   at: SourceLocation(file: file, line: line, field: joined))
            }
        }
        arrayTablePaths.insert(joined)
        // A new element starts: its sub-tables ([package.dependencies]) may be defined again.
        definedHeaders = definedHeaders.filter { !$0.hasPrefix(joined + ".") }
    }

    private mutating func insert(_ value: TOMLValue, at tablePath: [String], key: [String], line: Int) throws(VantageError) {
        let field = (tablePath + key).joined(separator: ".")
        let file = self.file
        try withTable(&root, path: (tablePath + key.dropLast())[...], line: line) { (t: inout TOMLTable) throws(VantageError) in
            let k = key[key.count - 1]
            if let previous = t.entry(k) {
                throw VantageError(.config, "key '\(field)' is defined twice (first on line \(previous.line))",
                                   at: SourceLocation(file: file, line: line, field: field))
            }
            t.set(k, value, line: line)
        }
    }

    // MARK: keys

    private mutating func parseKey() throws(VantageError) -> [String] {
        var parts: [String] = []
        while true {
            skipInlineWhitespace()
            guard let c = peek() else { throw fail("expected a key, found the end of the file") }
            if c == UInt8(ascii: "\"") {
                parts.append(try parseBasicString(field: parts.joined(separator: ".")))
            } else if c == UInt8(ascii: "'") {
                parts.append(try parseLiteralString())
            } else if isBareKeyByte(c) {
                let start = pos
                while let b = peek(), isBareKeyByte(b) { pos += 1 }
                parts.append(String(decoding: bytes[start..<pos], as: UTF8.self))
            } else {
                throw fail("expected a key, found '\(printable(c))'")
            }
            skipInlineWhitespace()
            if peek() == UInt8(ascii: ".") { pos += 1; continue }
            return parts
        }
    }

    private func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    // MARK: values

    private mutating func parseValue(field: String) throws(VantageError) -> TOMLValue {
        guard let c = peek() else { throw fail("expected a value, found the end of the file", field: field) }
        switch c {
        case UInt8(ascii: "\""):
            if startsWith("\"\"\"") { return .string(try parseMultilineBasicString(field: field)) }
            return .string(try parseBasicString(field: field))
        case UInt8(ascii: "'"):
            if startsWith("'''") { return .string(try parseMultilineLiteralString(field: field)) }
            return .string(try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray(field: field)
        case UInt8(ascii: "{"):
            return try parseInlineTable(field: field)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if startsWith("true") { pos += 4; return .bool(true) }
            if startsWith("false") { pos += 5; return .bool(false) }
            throw fail("expected a value, found '\(scalarToken())'", field: field)
        default:
            return try parseNumberOrDate(field: field)
        }
    }

    private mutating func parseArray(field: String) throws(VantageError) -> TOMLValue {
        pos += 1
        var items: [TOMLValue] = []
        while true {
            skipWhitespaceCommentsAndNewlines()
            guard let c = peek() else { throw fail("unterminated array: expected ']'", field: field) }
            if c == UInt8(ascii: "]") { pos += 1; return .array(items) }
            items.append(try parseValue(field: field))
            skipWhitespaceCommentsAndNewlines()
            if peek() == UInt8(ascii: ",") { pos += 1; continue }
            if peek() == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw fail("expected ',' or ']' in the array", field: field)
        }
    }

    private mutating func parseInlineTable(field: String) throws(VantageError) -> TOMLValue {
        let openLine = line
        pos += 1
        var table = TOMLTable(line: openLine)
        skipInlineWhitespace()
        if peek() == UInt8(ascii: "}") { pos += 1; return .table(table) }
        while true {
            skipInlineWhitespace()
            let keyLine = line
            let key = try parseKey()
            skipInlineWhitespace()
            let sub = field + "." + key.joined(separator: ".")
            guard peek() == UInt8(ascii: "=") else { throw fail("expected '=' in the inline table", field: sub) }
            pos += 1
            skipInlineWhitespace()
            let value = try parseValue(field: sub)
            let file = self.file
            try withTable(&table, path: key.dropLast()[...], line: keyLine) { (t: inout TOMLTable) throws(VantageError) in
                let k = key[key.count - 1]
                if t.contains(k) {
                    throw VantageError(.config, "key '\(sub)' is defined twice", at: SourceLocation(file: file, line: keyLine, field: sub))
                }
                t.set(k, value, line: keyLine)
            }
            skipInlineWhitespace()
            if peek() == UInt8(ascii: ",") { pos += 1; continue }
            if peek() == UInt8(ascii: "}") { pos += 1; return .table(table) }
            throw fail("expected ',' or '}' in the inline table", field: field)
        }
    }

    private mutating func parseNumberOrDate(field: String) throws(VantageError) -> TOMLValue {
        let token = scalarToken()
        guard !token.isEmpty else { throw fail("expected a value", field: field) }
        pos += token.utf8.count
        // Dates: 1979-05-27, 07:32:00, 1979-05-27T07:32:00Z, and "1979-05-27 07:32:00".
        if token.count >= 8, token.contains(":") || (token.count == 10 && token.dropFirst(4).first == "-") {
            var text = token
            if token.count == 10, peek() == UInt8(ascii: " "), let next = peekByte(1), next >= 0x30, next <= 0x39 {
                pos += 1
                let time = scalarToken()
                pos += time.utf8.count
                text += " " + time
            }
            return .datetime(text)
        }
        let cleaned = token.replacingOccurrences(of: "_", with: "")
        if token.hasPrefix("_") || token.hasSuffix("_") || token.contains("__") {
            throw fail("'\(token)' is not a valid number (misplaced '_')", field: field)
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where cleaned.hasPrefix(prefix) {
            if let v = Int64(cleaned.dropFirst(2), radix: radix) { return .integer(v) }
            throw fail("'\(token)' is not a valid number", field: field)
        }
        switch cleaned {
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if let v = Int64(cleaned) { return .integer(v) }
        if cleaned.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let v = Double(cleaned) {
            return .float(v)
        }
        throw fail("'\(token)' is not a valid value (strings need quotes)", field: field)
    }

    /// The run of bytes up to whitespace, ',', ']', '}', '#' or a newline.
    private func scalarToken() -> String {
        var end = pos
        while end < bytes.count {
            let b = bytes[end]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ",")
                || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "#") { break }
            end += 1
        }
        return String(decoding: bytes[pos..<end], as: UTF8.self)
    }

    // MARK: strings

    private mutating func parseBasicString(field: String) throws(VantageError) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek(), c != 0x0A else { throw fail("unterminated string: expected '\"' before the end of the line", field: field) }
            pos += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") { out += try parseEscape(field: field) } else { out.append(c) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseMultilineBasicString(field: String) throws(VantageError) -> String {
        let startLine = line
        pos += 3
        if peek() == 0x0A { pos += 1; line += 1 } else if startsWith("\r\n") { pos += 2; line += 1 }
        var out: [UInt8] = []
        while true {
            if startsWith("\"\"\"") {
                pos += 3
                // Up to two extra quotes belong to the content.
                while peek() == UInt8(ascii: "\""), out.count >= 0 { out.append(UInt8(ascii: "\"")); pos += 1 }
                return String(decoding: out, as: UTF8.self)
            }
            guard let c = peek() else { throw fail("unterminated multi-line string (opened on line \(startLine))", field: field) }
            pos += 1
            if c == 0x0A { line += 1; out.append(c); continue }
            if c == UInt8(ascii: "\\") {
                // Line-ending backslash: trim the newline and following whitespace.
                var look = pos
                while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look < bytes.count, bytes[look] == 0x0A || bytes[look] == 0x0D {
                    pos = look
                    while let w = peek(), w == 0x20 || w == 0x09 || w == 0x0A || w == 0x0D {
                        if w == 0x0A { line += 1 }
                        pos += 1
                    }
                    continue
                }
                out += try parseEscape(field: field)
            } else {
                out.append(c)
            }
        }
    }

    private mutating func parseLiteralString() throws(VantageError) -> String {
        pos += 1
        let start = pos
        while true {
            guard let c = peek(), c != 0x0A else { throw fail("unterminated string: expected \"'\" before the end of the line") }
            if c == UInt8(ascii: "'") { break }
            pos += 1
        }
        let s = String(decoding: bytes[start..<pos], as: UTF8.self)
        pos += 1
        return s
    }

    private mutating func parseMultilineLiteralString(field: String) throws(VantageError) -> String {
        let startLine = line
        pos += 3
        if peek() == 0x0A { pos += 1; line += 1 } else if startsWith("\r\n") { pos += 2; line += 1 }
        let start = pos
        while !startsWith("'''") {
            guard let c = peek() else { throw fail("unterminated multi-line string (opened on line \(startLine))", field: field) }
            if c == 0x0A { line += 1 }
            pos += 1
        }
        var end = pos
        pos += 3
        while peek() == UInt8(ascii: "'") { pos += 1; end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func parseEscape(field: String) throws(VantageError) -> [UInt8] {
        guard let e = peek() else { throw fail("unterminated escape sequence", field: field) }
        pos += 1
        switch e {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "e"): return [0x1B]
        case UInt8(ascii: "\""): return [0x22]
        case UInt8(ascii: "\\"): return [0x5C]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "u") ? 4 : 8
            guard pos + n <= bytes.count,
                  let v = UInt32(String(decoding: bytes[pos..<pos + n], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(v) else {
                throw fail("invalid unicode escape in string", field: field)
            }
            pos += n
            return Array(String(Character(scalar)).utf8)
        default:
            throw fail("invalid escape '\\\(printable(e))' in string", field: field)
        }
    }

    // MARK: lexing helpers

    private func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }
    private func peekByte(_ offset: Int) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }

    private func startsWith(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard pos + u.count <= bytes.count else { return false }
        return bytes[pos..<pos + u.count].elementsEqual(u)
    }

    private func printable(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : String(format: "\\x%02X", c)
    }

    private mutating func skipInlineWhitespace() {
        while let c = peek(), c == 0x20 || c == 0x09 { pos += 1 }
    }

    private mutating func skipComment() {
        if peek() == UInt8(ascii: "#") { while let c = peek(), c != 0x0A { pos += 1 } }
    }

    private mutating func skipWhitespaceCommentsAndNewlines() {
        while let c = peek() {
            if c == 0x20 || c == 0x09 || c == 0x0D { pos += 1 }
            else if c == 0x0A { pos += 1; line += 1 }
            else if c == UInt8(ascii: "#") { skipComment() }
            else { break }
        }
    }

    private mutating func expectEndOfLine() throws(VantageError) {
        skipInlineWhitespace()
        skipComment()
        if peek() == 0x0D { pos += 1 }
        guard let c = peek() else { return }
        guard c == 0x0A else { throw fail("unexpected '\(printable(c))' after the value: expected the end of the line") }
        pos += 1
        line += 1
    }
}
