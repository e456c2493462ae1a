/// Splits a log message into tokens and replaces the variable part of each token with `<*>`.
///
/// The one default rule set, applied to bytes:
/// - an identifier that ends in a letter (`jk2_init`, `log4j`) is a name and stays;
/// - any other token whose core (without surrounding brackets, quotes and trailing punctuation)
///   contains a digit is a value: numbers, hex, IPv4/IPv6 with ports, UUIDs, dates, times,
///   versions, ids;
/// - a core that starts like a path (`/`, `./`, `~/`, `C:\`) or holds a URL (`://`) is a value;
/// - `key=value`, `key:value`, `name[value]` and `name(value)` keep the key and mask only a value
///   that is one of the above;
/// - text in single quotes or backquotes (`'/tmp/x y'`, `` `cargo` ``) is one value, spaces
///   included: programs quote what they insert into a message.
/// Surrounding punctuation is kept, so `(6),` becomes `(<*>),`.
///
/// A message that is one JSON object (pino, zap, bunyan, structlog) is read as fields: each
/// becomes `key=value`, and the words of a string value become tokens of their own, so the
/// message text forms the template while timestamps and ids are masked.
struct LogTokenMasker {
    private var scratch: [UInt8] = []
    private var fields: [JSONField] = []

    private struct JSONField {
        var keyStart: Int, keyEnd: Int, valueStart: Int, valueEnd: Int
        var isString: Bool
    }

    init() { scratch.reserveCapacity(256) }

    /// Calls `emit` with each masked token of `line[from...]`.
    mutating func tokens(_ line: UnsafeBufferPointer<UInt8>, from: Int, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var i = from
        let n = line.count
        while i < n, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        if i < n, line[i] == UInt8(ascii: "{"), jsonFields(line, i) {
            emitJSON(line, emit)
            return
        }
        while i < n {
            while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 }
            if i >= n { break }
            let start = i
            if let end = quotedValueEnd(line, start) {
                i = end
                maskQuoted(line, start, end)
            } else {
                while i < n, line[i] != 0x20, line[i] != 0x09, line[i] != 0x0D { i += 1 }
                mask(line, start, i)
            }
            scratch.withUnsafeBufferPointer { emit($0) }
        }
    }

    // MARK: - Quoted values

    @inline(__always) private func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
    }

    /// For a token that opens a single quote or a backquote (after brackets: `('x'`), the end of the
    /// token that closes it: the quote followed by the end of the line, a space or closing
    /// punctuation. Nil when the quote is not closed that way (`'tis`).
    private func quotedValueEnd(_ l: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var q = start
        while q < l.count, isOpening(l[q]), !isQuote(l[q]) { q += 1 }
        guard q < l.count, isQuote(l[q]) else { return nil }
        let quote = l[q]
        var i = q + 1
        while i < l.count {
            if l[i] == quote {
                var e = i + 1
                while e < l.count, isClosing(l[e]) { e += 1 }
                if e == l.count || l[e] == 0x20 || l[e] == 0x09 || l[e] == 0x0D { return e }
            }
            i += 1
        }
        return nil
    }

    /// `('a b'),` becomes `('<*>'),`.
    private mutating func maskQuoted(_ l: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        scratch.removeAll(keepingCapacity: true)
        var q = start
        while !isQuote(l[q]) { scratch.append(l[q]); q += 1 }
        var close = end - 1
        while l[close] != l[q] { close -= 1 }
        scratch.append(l[q])
        appendMask()
        for i in close ..< end { scratch.append(l[i]) }
    }

    // MARK: - JSON lines

    /// Parses a top-level JSON object starting at `start` into `fields`; false if it is not one.
    private mutating func jsonFields(_ l: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let n = l.count
        var i = start + 1
        func skipSpace() { while i < n, l[i] == 0x20 || l[i] == 0x09 || l[i] == 0x0D { i += 1 } }
        /// From an opening quote, the index of the closing quote.
        func stringEnd(_ from: Int) -> Int? {
            var j = from + 1
            while j < n {
                if l[j] == UInt8(ascii: "\\") { j += 2; continue }
                if l[j] == UInt8(ascii: "\"") { return j }
                j += 1
            }
            return nil
        }
        while true {
            skipSpace()
            guard i < n else { return false }
            if l[i] == UInt8(ascii: "}") { break }
            if l[i] == UInt8(ascii: ",") { i += 1; continue }
            guard l[i] == UInt8(ascii: "\""), let keyEnd = stringEnd(i) else { return false }
            let keyStart = i + 1
            i = keyEnd + 1
            skipSpace()
            guard i < n, l[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            guard i < n else { return false }
            if l[i] == UInt8(ascii: "\"") {
                guard let end = stringEnd(i) else { return false }
                fields.append(JSONField(keyStart: keyStart, keyEnd: keyEnd, valueStart: i + 1, valueEnd: end, isString: true))
                i = end + 1
            } else {
                let valueStart = i
                var depth = 0
                while i < n {
                    let b = l[i]
                    if b == UInt8(ascii: "\"") {
                        guard let end = stringEnd(i) else { return false }
                        i = end + 1
                        continue
                    }
                    if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                    else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                        if depth == 0 { break }
                        depth -= 1
                    } else if b == UInt8(ascii: ","), depth == 0 { break }
                    i += 1
                }
                var valueEnd = i
                while valueEnd > valueStart, l[valueEnd - 1] == 0x20 || l[valueEnd - 1] == 0x09 { valueEnd -= 1 }
                fields.append(JSONField(keyStart: keyStart, keyEnd: keyEnd, valueStart: valueStart, valueEnd: valueEnd, isString: false))
            }
        }
        return !fields.isEmpty
    }

    private mutating func emitJSON(_ l: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        for f in fields {
            var wordStart = f.valueStart
            var first = true
            repeat {
                while wordStart < f.valueEnd, l[wordStart] == 0x20 { wordStart += 1 }
                var wordEnd = wordStart
                while wordEnd < f.valueEnd, l[wordEnd] != 0x20 { wordEnd += 1 }
                if !f.isString {
                    // Numbers, nested objects and arrays with values are one value; true/false/null stay.
                    scratch.removeAll(keepingCapacity: true)
                    if isValue(l, f.valueStart, f.valueEnd) || l[f.valueStart] == UInt8(ascii: "[")
                        || l[f.valueStart] == UInt8(ascii: "{") {
                        appendMask()
                    } else {
                        for i in f.valueStart ..< f.valueEnd { scratch.append(l[i]) }
                    }
                    wordEnd = f.valueEnd
                } else if wordStart < wordEnd {
                    mask(l, wordStart, wordEnd)
                } else {
                    scratch.removeAll(keepingCapacity: true)
                }
                if first {
                    var key = Array(l[f.keyStart ..< f.keyEnd])
                    key.append(UInt8(ascii: "="))
                    scratch.insert(contentsOf: key, at: 0)
                    first = false
                }
                if !scratch.isEmpty { scratch.withUnsafeBufferPointer { emit($0) } }
                wordStart = wordEnd
            } while wordStart < f.valueEnd
        }
    }

    // MARK: - Tokens

    private mutating func mask(_ l: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        scratch.removeAll(keepingCapacity: true)
        var s = start, e = end
        while s < e, isOpening(l[s]) { s += 1 }
        while e > s, isClosing(l[e - 1]) { e -= 1 }
        for i in start ..< s { scratch.append(l[i]) }
        if s < e {
            if isPathOrURL(l, s, e) {
                appendMask()
            } else if let (_, sepEnd) = keySeparator(l, s, e) {
                var v = sepEnd + 1
                while v < e, l[v] == UInt8(ascii: "\"") || l[v] == UInt8(ascii: "'") { v += 1 }
                for i in s ..< v { scratch.append(l[i]) }
                if isValue(l, v, e) { appendMask() } else { for i in v ..< e { scratch.append(l[i]) } }
            } else if !isNamedIdentifier(l, s, e), isValue(l, s, e) {
                appendMask()
            } else {
                for i in s ..< e { scratch.append(l[i]) }
            }
        }
        for i in e ..< end { scratch.append(l[i]) }
    }

    @inline(__always) private mutating func appendMask() {
        scratch.append(0x3C); scratch.append(0x2A); scratch.append(0x3E)
    }

    @inline(__always) private func isOpening(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") || b == UInt8(ascii: "<")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
    }

    @inline(__always) private func isClosing(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") || b == UInt8(ascii: ",")
            || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: "!")
            || b == UInt8(ascii: "?")
    }

    /// An identifier with a digit inside but ending in a letter (`jk2_init()`, `log4j.properties`):
    /// a name, not a value. Hex-looking words (`a3f9c2e`) are values.
    private func isNamedIdentifier(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var e = e
        while e > s, l[e - 1] == UInt8(ascii: "(") || l[e - 1] == UInt8(ascii: ")") { e -= 1 }
        guard e > s else { return false }
        let first = l[s], last = l[e - 1]
        guard (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || first == UInt8(ascii: "_"),
              !(last >= 0x30 && last <= 0x39) else { return false }
        var hexOnly = true
        for i in s ..< e {
            let b = l[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "-") { continue }
            if !(LogLineHeader.isAlnum(b) || b == UInt8(ascii: "_")) { return false }
            if !((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)) { hexOnly = false }
        }
        return !(hexOnly && e - s >= 6)
    }

    /// A path (`/x`, `./x`, `~/x`, `C:\\x`) or a URL (`scheme://...`).
    private func isPathOrURL(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        let first = l[s]
        if first == UInt8(ascii: "/") && e - s > 1 { return true }
        if e - s > 2, (first == UInt8(ascii: ".") || first == UInt8(ascii: "~")), l[s + 1] == UInt8(ascii: "/") { return true }
        if e - s > 3, l[s + 1] == UInt8(ascii: ":"), l[s + 2] == UInt8(ascii: "\\") { return true }
        var i = s
        while i + 2 < e {
            if l[i] == UInt8(ascii: ":"), l[i + 1] == UInt8(ascii: "/"), l[i + 2] == UInt8(ascii: "/") { return i > s }
            i += 1
        }
        return false
    }

    /// A number, hex, IP, UUID, date, time, version, id, path or URL: anything holding a digit.
    private func isValue(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        if isPathOrURL(l, s, e) { return true }
        for i in s ..< e where l[i] >= 0x30 && l[i] <= 0x39 { return true }
        return false
    }

    /// The separator in `key=value`, `key:value`, `name[value` or `name(value`, where the key is a word
    /// without digits: `(first, last)` byte indices of the separator.
    private func keySeparator(_ l: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (Int, Int)? {
        var i = s
        while i < e - 1 {
            let b = l[i]
            if b == UInt8(ascii: "=") || b == UInt8(ascii: ":") || b == UInt8(ascii: "[") || b == UInt8(ascii: "(") {
                return i > s ? (i, i) : nil
            }
            if b >= 0x30 && b <= 0x39 { return nil }
            if !(LogLineHeader.isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")) {
                return nil
            }
            i += 1
        }
        return nil
    }
}
