/// Maps the spelling of a word to its `TokenKind` without creating a String:
/// an open-addressing table keyed by an FNV-1a hash of the bytes.
struct KeywordTable: Sendable {
    private static let slotCount = 512
    private var keys: [[UInt8]]
    private var kinds: [TokenKind]

    static let shared = KeywordTable()

    /// The shared words, plus `extra` (a dialect's own words; a word in both takes `extra`'s kind).
    init(adding extra: [String: TokenKind] = [:]) {
        keys = Array(repeating: [], count: Self.slotCount)
        kinds = Array(repeating: .identifier, count: Self.slotCount)
        let words: [(String, TokenKind)] = [
            ("if", .kwIf), ("elif", .kwElif), ("for", .kwFor), ("while", .kwWhile),
            ("except", .kwExcept), ("finally", .kwFinally), ("and", .kwAnd), ("or", .kwOr),
            ("case", .kwCase), ("match", .kwMatch), ("def", .kwDef), ("class", .kwClass),
            ("lambda", .kwLambda), ("return", .kwReturn), ("func", .kwFunc), ("init", .kwInit),
            ("init?", .kwInitFailable), ("init!", .kwInitFailable), ("subscript", .kwSubscript),
            ("deinit", .kwDeinit), ("get", .kwGet), ("set", .kwSet), ("willSet", .kwWillSet),
            ("didSet", .kwDidSet), ("protocol", .kwProtocol), ("let", .kwLet), ("var", .kwVar),
            ("catch", .kwCatch), ("guard", .kwGuard), ("async", .kwAsync), ("throws", .kwThrows),
            ("struct", .kwStruct), ("union", .kwUnion), ("namespace", .kwNamespace),
            ("template", .kwTemplate), ("typedef", .kwTypedef), ("operator", .kwOperator),
            ("const", .kwConst), ("throw", .kwThrow), ("noexcept", .kwNoexcept), ("void", .kwVoid),
            ("interface", .kwInterface), ("type", .kwType), ("fn", .kwFn), ("else", .kwElse),
            ("where", .kwWhere), ("include", .kwInclude), ("enum", .kwEnum), ("record", .kwRecord),
            ("new", .kwNew), ("function", .kwFunction), ("chan", .kwChan), ("map", .kwMap),
            ("final", .kwFinal), ("extends", .kwExtends), ("implements", .kwImplements),
            ("switch", .kwSwitch), ("do", .kwDo), ("try", .kwTry), ("synchronized", .kwSynchronized),
            ("assert", .kwAssert), ("break", .kwBreak), ("continue", .kwContinue),
            ("instanceof", .kwInstanceof), ("static", .kwStatic), ("public", .kwPublic),
            ("private", .kwPrivate), ("protected", .kwProtected), ("abstract", .kwAbstract),
            ("import", .kwImport), ("package", .kwPackage), ("default", .kwDefault),
            ("in", .kwIn), ("with", .kwWith), ("open", .kwOpen), ("pub", .kwPub), ("export", .kwExport),
            ("actor", .kwActor), ("trait", .kwTrait), ("impl", .kwImpl), ("typealias", .kwTypealias),
            ("extension", .kwExtension), ("repeat", .kwRepeat), ("goto", .kwGoto),
        ]
        var table: [String: TokenKind] = [:]
        for (word, kind) in words { table[word] = kind }
        table.merge(extra) { _, own in own }
        precondition(table.count < Self.slotCount / 2, "keyword table too full: \(table.count) words")
        for (word, kind) in table {
            let bytes = Array(word.utf8)
            var slot = Int(Self.hash(bytes, 0, bytes.count)) & (Self.slotCount - 1)
            while !keys[slot].isEmpty { slot = (slot + 1) & (Self.slotCount - 1) }
            keys[slot] = bytes
            kinds[slot] = kind
        }
    }

    @inline(__always)
    static func hash(_ bytes: some RandomAccessCollection<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        var i = bytes.index(bytes.startIndex, offsetBy: start)
        let stop = bytes.index(bytes.startIndex, offsetBy: end)
        while i != stop {
            h = (h ^ UInt32(bytes[i])) &* 16_777_619
            i = bytes.index(after: i)
        }
        return h
    }

    /// The kind of the word spelled by `bytes[start..<end]`: a keyword kind or `.identifier`.
    @inline(__always)
    func kind(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind {
        let length = end - start
        if length < 2 || length > 12 { return .identifier }
        var h: UInt32 = 2_166_136_261
        for i in start..<end { h = (h ^ UInt32(bytes[i])) &* 16_777_619 }
        var slot = Int(h) & (Self.slotCount - 1)
        while true {
            let key = keys[slot]
            if key.isEmpty { return .identifier }
            if key.count == length {
                var same = true
                for j in 0..<length where key[j] != bytes[start + j] { same = false; break }
                if same { return kinds[slot] }
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }
}
