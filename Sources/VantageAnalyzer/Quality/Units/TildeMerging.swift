/// lizard's C-family preprocessing joins `~` with the token after it (`~Name` for
/// destructors, and also `~mask`), which changes token counts; C, C++ and Java share it.
enum TildeMerging {
    static func merge(_ tokens: [LexToken], bytes: UnsafeBufferPointer<UInt8>) -> [LexToken] {
        var out: [LexToken] = []
        out.reserveCapacity(tokens.count)
        var tildeStart: Int32?
        for t in tokens {
            if t.kind == .space { continue }
            if t.kind == .tilde && tildeStart == nil { tildeStart = t.start; continue }
            if let start = tildeStart {
                tildeStart = nil
                var merged = t
                merged.start = start
                merged.kind = ByteClass.isWord(bytes[Int(t.start)]) ? .identifier : .symbol
                out.append(merged)
                continue
            }
            out.append(t)
        }
        return out
    }
}
