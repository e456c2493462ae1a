/// A set of token kinds as a bit mask, for per-token membership tests without hashing.
struct KindSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ kinds: [TokenKind]) {
        for kind in kinds { insert(kind) }
    }

    mutating func insert(_ kind: TokenKind) {
        let bit = Int(kind.rawValue)
        if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    @inline(__always) func contains(_ kind: TokenKind) -> Bool {
        let bit = Int(kind.rawValue)
        return bit < 64 ? (low >> UInt64(bit)) & 1 == 1 : (high >> UInt64(bit - 64)) & 1 == 1
    }
}
