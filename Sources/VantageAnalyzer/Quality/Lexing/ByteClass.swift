/// Byte classification for the lexers. Bytes of multi-byte UTF-8 sequences count as
/// word bytes, so identifiers in any script stay one token.
enum ByteClass {
    @inline(__always) static func isWord(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
    }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }
    /// Horizontal whitespace: lizard's `[^\S\n]`.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B
    }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { isBlank(b) || b == 0x0A }
}
