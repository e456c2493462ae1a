import Foundation

/// The byte-level half of the TOML reader: a position in the document with its line, whitespace,
/// comments, newlines, keys and the four string forms (TOML 1.0). Every error it raises names the
/// file, the line and, when the caller passes one, the field.
struct TOMLCursor {
    let file: String
    /// The document as UTF-8, with every CRLF already turned into LF (a bare CR is an error).
    let bytes: [UInt8]
    var pos = 0
    var line = 1

    init(file: String, text: String) {
        self.file = file
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if previousCR && b != 0x0A { bytes.append(0x0D) }
            previousCR = b == 0x0D
            if !previousCR { bytes.append(b) }
        }
        if previousCR { bytes.append(0x0D) }
        self.bytes = bytes
    }

    // MARK: errors

    func fail(_ message: String, field: String? = nil, line: Int? = nil) -> VantageError {
        VantageError(.config, message, at: SourceLocation(file: file, line: line ?? self.line, field: field))
    }

    /// A byte as a person reads it in a message: the character, or `\x1B` for a control byte.
    static func printable(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : String(format: "\\x%02X", c)
    }

    /// Control characters other than tab may not appear in comments or strings.
    static func isForbiddenControl(_ c: UInt8) -> Bool { (c < 0x20 && c != 0x09) || c == 0x7F }

    // MARK: looking

    var atEnd: Bool { pos >= bytes.count }
    func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }
    func peek(_ offset: Int) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }

    func startsWith(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        return s.withUTF8Buffer { u in (0..<n).allSatisfy { bytes[pos + $0] == u[$0] } }
    }

    // MARK: whitespace, comments, newlines

    mutating func skipInlineWhitespace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
    }

    /// A `#` comment up to (not including) the newline; control characters in it are errors.
    mutating func skipComment() throws(VantageError) {
        guard peek() == UInt8(ascii: "#") else { return }
        while let c = peek(), c != 0x0A {
            if Self.isForbiddenControl(c) {
                throw fail("control character \(Self.printable(c)) in a comment")
            }
            pos += 1
        }
    }

    /// Consumes the newline at `pos`.
    mutating func newline() {
        pos += 1
        line += 1
    }

    /// Blank lines, whitespace and comments (between statements, and inside arrays).
    mutating func skipWhitespaceCommentsAndNewlines() throws(VantageError) {
        while let c = peek() {
            switch c {
            case 0x20, 0x09: pos += 1
            case 0x0A: pos += 1; line += 1
            case 0x0D: throw fail("a carriage return must be followed by a newline")
            case UInt8(ascii: "#"): try skipComment()
            default: return
            }
        }
    }

    /// After a value or a header: whitespace, an optional comment, then a newline or the end.
    mutating func expectEndOfLine(field: String? = nil) throws(VantageError) {
        skipInlineWhitespace()
        try skipComment()
        guard let c = peek() else { return }
        guard c == 0x0A else { throw fail("unexpected '\(Self.printable(c))' after the value: expected the end of the line", field: field) }
        newline()
    }

    // MARK: keys

    static func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    /// A dotted key: bare or quoted parts separated by `.`, with whitespace around the dots.
    /// `fieldPrefix` is the table the key is written in (for error fields); more than `limit`
    /// parts is an error.
    mutating func key(fieldPrefix: String = "", limit: Int) throws(VantageError) -> [String] {
        var parts: [String] = []
        while true {
            skipInlineWhitespace()
            let field = ([fieldPrefix].filter { !$0.isEmpty } + parts).joined(separator: ".")
            let located = field.isEmpty ? nil : field
            guard let c = peek() else { throw fail("expected a key, found the end of the file", field: located) }
            if c == UInt8(ascii: "\"") {
                if startsWith("\"\"\"") { throw fail("a key cannot be a multi-line string", field: located) }
                parts.append(try basicString(field: field))
            } else if c == UInt8(ascii: "'") {
                if startsWith("'''") { throw fail("a key cannot be a multi-line string", field: located) }
                parts.append(try literalString(field: field))
            } else if Self.isBareKeyByte(c) {
                let start = pos
                while let b = peek(), Self.isBareKeyByte(b) { pos += 1 }
                parts.append(String(decoding: bytes[start..<pos], as: UTF8.self))
            } else if c == 0x0A {
                throw fail("expected a key, found the end of the line", field: located)
            } else {
                throw fail("expected a key, found '\(Self.printable(c))'", field: located)
            }
            if parts.count > limit {
                throw fail("the key nests tables deeper than \(limit) levels", field: parts.prefix(3).joined(separator: ".") + "...")
            }
            skipInlineWhitespace()
            guard peek() == UInt8(ascii: ".") else { return parts }
            pos += 1
        }
    }

    // MARK: strings

    /// `"…"` with escapes, on one line.
    mutating func basicString(field: String) throws(VantageError) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek(), c != 0x0A else {
                throw fail("unterminated string: expected '\"' before the end of the line", field: field)
            }
            pos += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                try escape(into: &out, field: field)
            } else if Self.isForbiddenControl(c) {
                throw fail("control character \(Self.printable(c)) in a string (write it as an escape such as \\u001B)", field: field)
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `"""…"""`: newlines kept (except one right after the opening quotes), escapes, and a
    /// backslash at the end of a line that swallows the newline and the whitespace after it.
    mutating func multilineBasicString(field: String) throws(VantageError) -> String {
        let startLine = line
        pos += 3
        if peek() == 0x0A { newline() }
        var out: [UInt8] = []
        while true {
            guard let c = peek() else { throw fail("unterminated multi-line string (opened on line \(startLine))", field: field) }
            if c == UInt8(ascii: "\"") && startsWith("\"\"\"") {
                pos += 3
                // Up to two more quotes belong to the content: `""""` ends with one quote inside.
                var extra = 0
                while peek() == UInt8(ascii: "\""), extra < 2 { out.append(c); pos += 1; extra += 1 }
                return String(decoding: out, as: UTF8.self)
            }
            if c == 0x0A { newline(); out.append(c); continue }
            pos += 1
            if c == UInt8(ascii: "\\") {
                var look = pos
                while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look < bytes.count, bytes[look] == 0x0A {
                    pos = look
                    while let w = peek(), w == 0x20 || w == 0x09 || w == 0x0A {
                        if w == 0x0A { newline() } else { pos += 1 }
                    }
                    continue
                }
                try escape(into: &out, field: field)
            } else if Self.isForbiddenControl(c) {
                pos -= 1
                throw fail("control character \(Self.printable(c)) in a string (write it as an escape such as \\u001B)", field: field)
            } else {
                out.append(c)
            }
        }
    }

    /// `'…'`: no escapes, on one line.
    mutating func literalString(field: String) throws(VantageError) -> String {
        pos += 1
        let start = pos
        while true {
            guard let c = peek(), c != 0x0A else { throw fail("unterminated string: expected \"'\" before the end of the line", field: field) }
            if c == UInt8(ascii: "'") { break }
            if Self.isForbiddenControl(c) { throw fail("control character \(Self.printable(c)) in a string", field: field) }
            pos += 1
        }
        let s = String(decoding: bytes[start..<pos], as: UTF8.self)
        pos += 1
        return s
    }

    /// `'''…'''`: no escapes, newlines kept (except one right after the opening quotes).
    mutating func multilineLiteralString(field: String) throws(VantageError) -> String {
        let startLine = line
        pos += 3
        if peek() == 0x0A { newline() }
        let start = pos
        while true {
            guard let c = peek() else { throw fail("unterminated multi-line string (opened on line \(startLine))", field: field) }
            if c == UInt8(ascii: "'") && startsWith("'''") { break }
            if c == 0x0A { newline(); continue }
            if Self.isForbiddenControl(c) { throw fail("control character \(Self.printable(c)) in a string", field: field) }
            pos += 1
        }
        var end = pos
        pos += 3
        var extra = 0
        while peek() == UInt8(ascii: "'"), extra < 2 { pos += 1; end += 1; extra += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The escape after a backslash: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func escape(into out: inout [UInt8], field: String) throws(VantageError) {
        guard let e = peek(), e != 0x0A else { throw fail("unterminated escape sequence", field: field) }
        pos += 1
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for i in 0..<n {
                guard let d = peek(i), let v = Self.hexDigit(d) else {
                    throw fail("invalid unicode escape: \\\(Self.printable(e)) needs \(n) hexadecimal digits", field: field)
                }
                value = value << 4 | UInt32(v)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw fail("invalid unicode escape: U+\(String(value, radix: 16, uppercase: true)) is not a Unicode scalar value", field: field)
            }
            pos += n
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw fail("invalid escape '\\\(Self.printable(e))' in string", field: field)
        }
    }

    static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
