/// Maps byte strings to small integer ids without allocating per lookup.
///
/// Tokens live once in a byte arena; an open-addressing table keyed by an FNV-1a hash finds them.
/// Id 0 is reserved for the wildcard `<*>`.
struct TokenInterner {
    private(set) var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// Whether the token contains a masked part (`<*>`), which makes it a variable for routing.
    private(set) var hasMask: [Bool] = []
    /// Whether the token is a month or weekday name (`Jan`, `Monday,`), part of a written-out date.
    private(set) var isCalendarWord: [Bool] = []
    /// Whether the token is a scaled size unit (`KB`, `MiB`), written after a number the program scaled.
    private(set) var isSizeUnit: [Bool] = []
    private var slots: [Int32]
    private var mask: Int

    static let wildcard = 0

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
        _ = intern(Array("<*>".utf8)[...])
    }

    var count: Int { starts.count }

    func bytes(of id: Int) -> ArraySlice<UInt8> {
        arena[starts[id] ..< starts[id] + lengths[id]]
    }

    func string(of id: Int) -> String {
        String(decoding: bytes(of: id), as: UTF8.self)
    }

    mutating func intern(_ token: ArraySlice<UInt8>) -> Int {
        token.withUnsafeBufferPointer { intern($0) }
    }

    mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in token { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if lengths[id] == token.count, equal(id, token) { return id }
            slot = (slot + 1) & mask
        }
        let id = starts.count
        starts.append(arena.count)
        lengths.append(token.count)
        arena.append(contentsOf: token)
        hasMask.append(Self.containsMask(token))
        isCalendarWord.append(Self.isCalendar(token))
        isSizeUnit.append(Self.isScaledUnit(token))
        slots[slot] = Int32(id)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    private func equal(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[id]
        return arena.withUnsafeBufferPointer { a in
            for i in 0 ..< token.count where a[s + i] != token[i] { return false }
            return true
        }
    }

    private static let calendarWords: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static func isCalendar(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = t.count
        while end > 0, t[end - 1] == UInt8(ascii: ",") || t[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var start = 0
        while start < end, t[start] == UInt8(ascii: "[") || t[start] == UInt8(ascii: "(") { start += 1 }
        guard end - start >= 3, end - start <= 9 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: t[start ..< end]), as: UTF8.self).lowercased()
        return calendarWords.contains(word)
    }

    private static let scaledUnits: Set<String> = [
        "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "pib",
    ]

    /// `KB`, `MiB)`, `GB,`: a unit a program picks for a size it scales (plain `B` and `bytes` are
    /// usually written by the format string itself, so they stay words).
    private static func isScaledUnit(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = t.count
        while end > 0, t[end - 1] == UInt8(ascii: ",") || t[end - 1] == UInt8(ascii: ")") || t[end - 1] == UInt8(ascii: ";") { end -= 1 }
        guard end >= 2, end <= 3 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: t[0 ..< end]), as: UTF8.self).lowercased()
        return scaledUnits.contains(word)
    }

    private static func containsMask(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.count >= 3 else { return false }
        for i in 0 ... t.count - 3 where t[i] == 0x3C && t[i + 1] == 0x2A && t[i + 2] == 0x3E { return true }
        return false
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0 ..< starts.count {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for i in starts[id] ..< starts[id] + lengths[id] { hash = (hash ^ UInt64(a[i])) &* 0x100_0000_01b3 }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
        }
    }
}
