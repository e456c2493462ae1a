import Foundation

/// A TOML 1.0 reader written for good error messages: every error names the file, the line and,
/// where one is known, the key. It reads all of TOML 1.0 (tables, arrays of tables, dotted and
/// quoted keys, the four string forms, integers, floats, booleans, dates and times, arrays and
/// inline tables) and refuses what the specification refuses; `Tests/VantageCoreTests/Fixtures/toml`
/// holds a valid and an invalid case for every feature, and the valid ones are compared with
/// Python's `tomllib`.
///
/// Hostile input is bounded: nesting (arrays, inline tables, dotted keys and headers) deeper than
/// `maxDepth` is a located error, never a stack overflow, and the time is linear in the size of
/// the file (tables are built as references, looked up through an index).
public struct TOMLParser {
    /// The deepest nesting of tables and arrays a document may use.
    public static let maxDepth = 100

    public let file: String
    private var cursor: TOMLCursor
    private let root = TOMLTableBuilder(origin: .header, line: 0, depth: 0)
    /// The table that `key = value` lines currently go into, and its path.
    private var current: TOMLTableBuilder
    private var currentPath: [String] = []
    /// Numbers the sections (the part before the first header is 0); dotted keys may only add to
    /// tables that dotted keys of the same section created. Inline tables count down from -1.
    private var section = 0
    private var inlineSections = 0

    public static func parse(_ text: String, file: String) throws(VantageError) -> TOMLTable {
        var p = TOMLParser(file: file, text: text)
        return try p.parseDocument()
    }

    public static func parse(contentsOf path: String) throws(VantageError) -> TOMLTable {
        try parse(readText(path), file: path)
    }

    /// The file's text, or an error naming it (unreadable, or not UTF-8 with the line of the first bad byte).
    public static func readText(_ path: String) throws(VantageError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path),
                               hint: "check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.config, "the file is not valid UTF-8", at: SourceLocation(file: path, line: firstInvalidUTF8Line(data)),
                               hint: "TOML files are UTF-8 text")
        }
        return text
    }

    /// The line of the first byte that is not part of a valid UTF-8 sequence.
    public static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): if scalar.count == 1 && scalar.first == 0x0A { line += 1 }
            case .error: return line
            case .emptyInput: return line
            }
        }
    }

    init(file: String, text: String) {
        self.file = file
        self.cursor = TOMLCursor(file: file, text: text)
        self.current = root
    }

    // MARK: document

    mutating func parseDocument() throws(VantageError) -> TOMLTable {
        while true {
            try cursor.skipWhitespaceCommentsAndNewlines()
            guard let c = cursor.peek() else { break }
            if c == UInt8(ascii: "[") {
                try parseHeader()
            } else {
                try parseKeyValue()
            }
        }
        return root.freeze()
    }

    private mutating func parseHeader() throws(VantageError) {
        let headerLine = cursor.line
        cursor.pos += 1
        let isArray = cursor.peek() == UInt8(ascii: "[")
        if isArray { cursor.pos += 1 }
        let path = try cursor.key(limit: Self.maxDepth)
        let joined = path.joined(separator: ".")
        guard cursor.peek() == UInt8(ascii: "]") else { throw cursor.fail("expected ']' to close the table header", field: joined) }
        cursor.pos += 1
        if isArray {
            guard cursor.peek() == UInt8(ascii: "]") else { throw cursor.fail("expected ']]' to close the array-of-tables header", field: joined) }
            cursor.pos += 1
        }
        try cursor.expectEndOfLine(field: joined)
        section += 1
        let parent = try tableForHeader(path.dropLast(), line: headerLine)
        let last = path[path.count - 1]
        if isArray {
            let element = try child(of: parent, depth: 2, origin: .header, line: headerLine, field: joined)
            switch parent.entry(last)?.slot {
            case nil:
                let array = TOMLTableArray()
                array.elements.append(element)
                parent.add(last, .tableArray(array), line: headerLine)
            case .tableArray(let array)?:
                array.elements.append(element)
            case .table?:
                throw cursor.fail("'\(joined)' is already a table, cannot add [[\(joined)]]", field: joined, line: headerLine)
            case .value(let v)?:
                throw cursor.fail("'\(joined)' is already \(v.typeDescription), cannot add [[\(joined)]]", field: joined, line: headerLine)
            }
            current = element
        } else {
            switch parent.entry(last) {
            case nil:
                current = try newTable(last, under: parent, origin: .header, line: headerLine, field: joined)
            case let entry?:
                switch entry.slot {
                case .table(let table):
                    switch table.origin {
                    case .implicit:
                        table.origin = .header
                        current = table
                    case .header:
                        throw cursor.fail("table [\(joined)] is defined twice", field: joined, line: headerLine)
                    case .dotted:
                        throw cursor.fail("table [\(joined)] is already defined by dotted keys on line \(entry.line)", field: joined, line: headerLine)
                    }
                case .tableArray:
                    throw cursor.fail("'\(joined)' is an array of tables: add an element with [[\(joined)]]", field: joined, line: headerLine)
                case .value(let v):
                    throw notExtensible(v, field: joined, definedOn: entry.line, line: headerLine)
                }
            }
        }
        currentPath = path
    }

    private mutating func parseKeyValue() throws(VantageError) {
        let keyLine = cursor.line
        let prefix = currentPath.joined(separator: ".")
        let key = try cursor.key(fieldPrefix: prefix, limit: Self.maxDepth)
        let field = prefix.isEmpty ? key.joined(separator: ".") : prefix + "." + key.joined(separator: ".")
        guard cursor.peek() == UInt8(ascii: "=") else { throw cursor.fail("expected '=' after the key", field: field) }
        cursor.pos += 1
        cursor.skipInlineWhitespace()
        let value = try parseValue(field: field, depth: current.depth + key.count)
        try cursor.expectEndOfLine(field: field)
        try insert(value, key: key[...], into: current, section: section, field: field, line: keyLine)
    }

    // MARK: building the tree

    /// A new table under `parent`, `depth` levels down (2 for an element of an array of tables).
    private func child(of parent: TOMLTableBuilder, depth: Int, origin: TOMLTableBuilder.Origin, line: Int, field: String) throws(VantageError) -> TOMLTableBuilder {
        guard parent.depth + depth <= Self.maxDepth else {
            throw cursor.fail("tables nest deeper than \(Self.maxDepth) levels", field: field, line: line)
        }
        return TOMLTableBuilder(origin: origin, line: line, depth: parent.depth + depth)
    }

    /// A new table at `key` under `parent`.
    private func newTable(_ key: String, under parent: TOMLTableBuilder, origin: TOMLTableBuilder.Origin,
                          line: Int, field: String) throws(VantageError) -> TOMLTableBuilder {
        let table = try child(of: parent, depth: 1, origin: origin, line: line, field: field)
        parent.add(key, .table(table), line: line)
        return table
    }

    /// Walks a header's path from the root, creating implicit tables and stepping into the last
    /// element of arrays of tables.
    private func tableForHeader(_ path: ArraySlice<String>, line: Int) throws(VantageError) -> TOMLTableBuilder {
        var table = root
        var walked: [String] = []
        for key in path {
            walked.append(key)
            let field = walked.joined(separator: ".")
            switch table.entry(key) {
            case nil:
                table = try newTable(key, under: table, origin: .implicit, line: line, field: field)
            case let entry?:
                switch entry.slot {
                case .table(let next): table = next
                case .tableArray(let array): table = array.elements[array.elements.count - 1]
                case .value(let v): throw notExtensible(v, field: field, definedOn: entry.line, line: line)
                }
            }
        }
        return table
    }

    /// Puts `value` at the dotted `key` under `table`. Tables on the way may be created or
    /// extended by dotted keys only within one section, and never into an array of tables or a value.
    private func insert(_ value: TOMLValue, key: ArraySlice<String>, into start: TOMLTableBuilder, section: Int,
                        field: String, line: Int) throws(VantageError) {
        var table = start
        for k in key.dropLast() {
            switch table.entry(k) {
            case nil:
                table = try newTable(k, under: table, origin: .dotted(section: section), line: line, field: field)
            case let entry?:
                switch entry.slot {
                case .table(let next):
                    switch next.origin {
                    case .implicit: next.origin = .dotted(section: section)
                    case .dotted(let s) where s == section: break
                    case .dotted, .header:
                        throw cursor.fail("dotted keys cannot add to the table '\(k)' defined on line \(entry.line): write the key in its own section",
                                          field: field, line: line)
                    }
                    table = next
                case .tableArray:
                    throw cursor.fail("'\(k)' is an array of tables: dotted keys cannot add to it", field: field, line: line)
                case .value(let v):
                    throw notExtensible(v, field: field, definedOn: entry.line, line: line)
                }
            }
        }
        let last = key[key.endIndex - 1]
        if let previous = table.entry(last) {
            throw cursor.fail("key '\(field)' is defined twice (first on line \(previous.line))", field: field, line: line)
        }
        table.add(last, .value(value), line: line)
    }

    private func notExtensible(_ v: TOMLValue, field: String, definedOn: Int, line: Int) -> VantageError {
        if case .table = v {
            return cursor.fail("'\(field)' is an inline table (line \(definedOn)), which cannot be extended afterwards", field: field, line: line)
        }
        return cursor.fail("'\(field)' is already \(v.typeDescription) (line \(definedOn)), not a table", field: field, line: line)
    }

    // MARK: values

    /// A value whose containers would sit `depth` levels below the root.
    private mutating func parseValue(field: String, depth: Int) throws(VantageError) -> TOMLValue {
        guard let c = cursor.peek() else { throw cursor.fail("expected a value, found the end of the file", field: field) }
        switch c {
        case UInt8(ascii: "\""):
            if cursor.startsWith("\"\"\"") { return .string(try cursor.multilineBasicString(field: field)) }
            return .string(try cursor.basicString(field: field))
        case UInt8(ascii: "'"):
            if cursor.startsWith("'''") { return .string(try cursor.multilineLiteralString(field: field)) }
            return .string(try cursor.literalString(field: field))
        case UInt8(ascii: "["):
            return try parseArray(field: field, depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(field: field, depth: depth)
        default:
            return try parseScalar(field: field)
        }
    }

    private func checkDepth(_ depth: Int, field: String) throws(VantageError) {
        guard depth <= Self.maxDepth else {
            throw cursor.fail("arrays and tables nest deeper than \(Self.maxDepth) levels", field: field)
        }
    }

    private mutating func parseArray(field: String, depth: Int) throws(VantageError) -> TOMLValue {
        try checkDepth(depth, field: field)
        let openLine = cursor.line
        cursor.pos += 1
        var items: [TOMLValue] = []
        while true {
            try cursor.skipWhitespaceCommentsAndNewlines()
            guard let c = cursor.peek() else { throw unterminatedArray(field: field, openLine: openLine) }
            if c == UInt8(ascii: "]") { cursor.pos += 1; return .array(items) }
            if c == UInt8(ascii: ",") { throw cursor.fail("expected a value before ',' in the array", field: field) }
            items.append(try parseValue(field: field, depth: depth + 1))
            try cursor.skipWhitespaceCommentsAndNewlines()
            switch cursor.peek() {
            case UInt8(ascii: ",")?: cursor.pos += 1
            case UInt8(ascii: "]")?: cursor.pos += 1; return .array(items)
            case nil: throw unterminatedArray(field: field, openLine: openLine)
            default: throw cursor.fail("expected ',' or ']' in the array", field: field)
            }
        }
    }

    private func unterminatedArray(field: String, openLine: Int) -> VantageError {
        cursor.fail("unterminated array (opened on line \(openLine)): expected ',' or ']' in the array before the end of the file", field: field)
    }

    /// `{ key = value, … }` on one line, no comma after the last pair; closed once written.
    private mutating func parseInlineTable(field: String, depth: Int) throws(VantageError) -> TOMLValue {
        try checkDepth(depth, field: field)
        let table = TOMLTableBuilder(origin: .header, line: cursor.line, depth: depth)
        inlineSections -= 1
        let ownSection = inlineSections
        cursor.pos += 1
        cursor.skipInlineWhitespace()
        if cursor.peek() == UInt8(ascii: "}") { cursor.pos += 1; return .table(table.freeze()) }
        while true {
            cursor.skipInlineWhitespace()
            let keyLine = cursor.line
            if cursor.peek() == UInt8(ascii: "}") { throw cursor.fail("no ',' may follow the last pair of an inline table", field: field) }
            if cursor.peek() == 0x0A { throw cursor.fail("an inline table must close on the line it opens ('}' missing)", field: field) }
            let key = try cursor.key(fieldPrefix: field, limit: Self.maxDepth)
            let sub = field + "." + key.joined(separator: ".")
            guard cursor.peek() == UInt8(ascii: "=") else { throw cursor.fail("expected '=' in the inline table", field: sub) }
            cursor.pos += 1
            cursor.skipInlineWhitespace()
            let value = try parseValue(field: sub, depth: depth + key.count)
            try insert(value, key: key[...], into: table, section: ownSection, field: sub, line: keyLine)
            cursor.skipInlineWhitespace()
            switch cursor.peek() {
            case UInt8(ascii: ",")?: cursor.pos += 1
            case UInt8(ascii: "}")?: cursor.pos += 1; return .table(table.freeze())
            case 0x0A?: throw cursor.fail("an inline table must close on the line it opens ('}' missing)", field: field)
            default: throw cursor.fail("expected ',' or '}' in the inline table", field: field)
            }
        }
    }

    /// A bare value: true, false, a number, or a date or time.
    private mutating func parseScalar(field: String) throws(VantageError) -> TOMLValue {
        let start = cursor.pos
        var end = start
        let bytes = cursor.bytes
        func isTokenByte(_ b: UInt8) -> Bool {
            TOMLCursor.isBareKeyByte(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
        }
        while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
        guard end > start else {
            let c = bytes[start]
            if c == 0x0A { throw cursor.fail("expected a value, found the end of the line", field: field) }
            throw cursor.fail("expected a value, found '\(TOMLCursor.printable(c))'", field: field)
        }
        var token = Array(bytes[start..<end])
        // A date and a time may be separated by one space: `1979-05-27 07:32:00`.
        if token.count == 10, token[4] == UInt8(ascii: "-"), end + 3 < bytes.count, bytes[end] == 0x20,
           bytes[end + 3] == UInt8(ascii: ":"), (0x30...0x39).contains(bytes[end + 1]) {
            var timeEnd = end + 1
            while timeEnd < bytes.count, isTokenByte(bytes[timeEnd]) { timeEnd += 1 }
            token += [UInt8(ascii: "T")] + bytes[(end + 1)..<timeEnd]
            end = timeEnd
        }
        cursor.pos = end
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if TOMLDateTime.looksLikeDateOrTime(token[...]) {
            switch TOMLDateTime.canonical(token[...]) {
            case .success(let canonical): return .datetime(canonical)
            case .failure(let problem): throw cursor.fail("'\(text)' is not a valid date or time (\(problem.reason))", field: field)
            }
        }
        switch TOMLNumber.parse(token[...]) {
        case .success(let value): return value
        case .failure(.notANumber):
            throw cursor.fail("'\(text)' is not a valid value (strings need quotes)", field: field)
        case .failure(let problem):
            throw cursor.fail("'\(text)' is not a valid number (\(problem.reason))", field: field)
        }
    }
}
