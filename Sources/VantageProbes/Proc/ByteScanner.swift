/// A forward-only cursor over the bytes of a /proc file. Parses numbers and fields without
/// allocating and without regular expressions; every read past the end yields nil or zero.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index >= bytes.count }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    /// Skips spaces and tabs (not newlines).
    mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
    }

    /// Skips one whitespace-separated field (and the blanks before it).
    mutating func skipField() {
        skipBlanks()
        while index < bytes.count {
            let b = bytes[index]
            if b == Self.space || b == Self.tab || b == Self.newline { break }
            index += 1
        }
    }

    mutating func skipFields(_ n: Int) {
        for _ in 0..<n { skipField() }
    }

    /// Moves past the next newline; returns false at the end of the bytes.
    @discardableResult
    mutating func skipLine() -> Bool {
        while index < bytes.count {
            if bytes[index] == Self.newline { index += 1; return true }
            index += 1
        }
        return false
    }

    /// Reads an unsigned decimal after optional blanks; nil when no digit is there.
    mutating func readUInt64() -> UInt64? {
        skipBlanks()
        var value: UInt64 = 0
        var digits = 0
        while index < bytes.count, Self.isDigit(bytes[index]) {
            value = value &* 10 &+ UInt64(bytes[index] &- 48)
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Reads a signed decimal after optional blanks.
    mutating func readInt64() -> Int64? {
        skipBlanks()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        guard let magnitude = readUInt64() else { return nil }
        let v = Int64(truncatingIfNeeded: magnitude)
        return negative ? -v : v
    }

    /// Reads a decimal such as `0.52` (as in loadavg) after optional blanks.
    mutating func readDecimal() -> Double? {
        skipBlanks()
        guard let whole = readUInt64() else { return nil }
        var value = Double(whole)
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, Self.isDigit(bytes[index]) {
                value += Double(bytes[index] &- 48) * scale
                scale /= 10
                index += 1
            }
        }
        return value
    }

    /// Reads a hexadecimal number (as in /proc/net/tcp) with no prefix.
    mutating func readHex() -> UInt64? {
        var value: UInt64 = 0
        var digits = 0
        while index < bytes.count {
            let b = bytes[index]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - 55
            default: return digits > 0 ? value : nil
            }
            value = value << 4 | UInt64(d)
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The bytes of the next field (after blanks) up to a blank, newline or `terminator`.
    mutating func readToken(until terminator: UInt8? = nil) -> UnsafeBufferPointer<UInt8> {
        skipBlanks()
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == Self.space || b == Self.tab || b == Self.newline || b == terminator { break }
            index += 1
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<index])
    }

    /// True, and moves past it, when the bytes at the cursor start with `prefix`.
    mutating func consume(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        let p = prefix.utf8Start
        for i in 0..<n where bytes[index + i] != p[i] { return false }
        index += n
        return true
    }

    /// True when the bytes at the cursor start with `prefix` (the cursor does not move).
    func startsWith(_ prefix: StaticString) -> Bool {
        var copy = self
        return copy.consume(prefix)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when these bytes spell exactly `text`.
    func equals(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard count == n else { return false }
        let p = text.utf8Start
        for i in 0..<n where self[i] != p[i] { return false }
        return true
    }

    func hasPrefix(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard count >= n else { return false }
        let p = text.utf8Start
        for i in 0..<n where self[i] != p[i] { return false }
        return true
    }

    func hasSuffix(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard count >= n else { return false }
        let p = text.utf8Start
        for i in 0..<n where self[count - n + i] != p[i] { return false }
        return true
    }

    var string: String { String(decoding: self, as: UTF8.self) }
}
