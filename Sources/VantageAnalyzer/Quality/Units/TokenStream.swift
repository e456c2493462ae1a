/// The tokens of one file with their source bytes, as the unit readers consume them.
struct TokenStream {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [LexToken]

    @inline(__always) func text(_ t: LexToken) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.start)..<Int(t.end)]), as: UTF8.self)
    }

    /// Python's `str.isidentifier()` for a word token.
    func isIdentifierLike(_ t: LexToken) -> Bool {
        guard t.length > 0, t.flags & TokenFlag.gluedSuffix == 0 else { return false }
        let first = bytes[Int(t.start)]
        guard ByteClass.isAlpha(first) || first == 0x5F else { return false }
        for i in Int(t.start)..<Int(t.end) where !ByteClass.isWord(bytes[i]) { return false }
        return true
    }
}
