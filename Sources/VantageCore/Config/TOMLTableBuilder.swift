/// A table while the TOML reader builds it. Reference types, so adding the 100,000th `[[package]]`
/// or key touches one node (a tree of values would be copied on every insertion), and lookups go
/// through an index once a table has more than a few keys. `freeze()` turns the finished tree into
/// `TOMLTable` values once, at the end.
final class TOMLTableBuilder {
    /// How the table came to exist, which decides what may still be added to it (TOML 1.0 §Table).
    enum Origin: Equatable {
        /// Named only as part of a longer header or key path (`a` in `[a.b]`): a header may still define it.
        case implicit
        /// Defined by its own `[header]`, or an element of an array of tables.
        case header
        /// Created by dotted keys (`a.b = 1`) in the section with this number: only that section
        /// may add to it with dotted keys, and no header may define it again.
        case dotted(section: Int)
    }

    enum Slot {
        case value(TOMLValue)
        case table(TOMLTableBuilder)
        case tableArray(TOMLTableArray)
    }

    struct Entry {
        var key: String
        var slot: Slot
        var line: Int
    }

    var origin: Origin
    let line: Int
    /// Containers between the root and this table (the root is 0; an array of tables counts).
    let depth: Int
    private(set) var entries: [Entry] = []
    private var index: [String: Int]?

    init(origin: Origin, line: Int, depth: Int) {
        self.origin = origin
        self.line = line
        self.depth = depth
    }

    func entry(_ key: String) -> Entry? {
        if let index { return index[key].map { entries[$0] } }
        return entries.first { $0.key == key }
    }

    /// Adds `key`, which must not be there yet.
    func add(_ key: String, _ slot: Slot, line: Int) {
        entries.append(Entry(key: key, slot: slot, line: line))
        if index != nil {
            index?[key] = entries.count - 1
        } else if entries.count > 8 {
            var built = [String: Int](minimumCapacity: entries.count * 2)
            for (i, e) in entries.enumerated() { built[e.key] = i }
            index = built
        }
    }

    /// The finished table. Recursion is bounded: the reader refuses nesting beyond `TOMLParser.maxDepth`.
    func freeze() -> TOMLTable {
        TOMLTable(line: line, entries: entries.map { e in
            switch e.slot {
            case .value(let v): return TOMLTable.Entry(key: e.key, value: v, line: e.line)
            case .table(let t): return TOMLTable.Entry(key: e.key, value: .table(t.freeze()), line: e.line)
            case .tableArray(let a): return TOMLTable.Entry(key: e.key, value: .array(a.elements.map { .table($0.freeze()) }), line: e.line)
            }
        })
    }
}

/// An array of tables (`[[name]]`) while it is built: each header appends one element.
final class TOMLTableArray {
    var elements: [TOMLTableBuilder] = []
}
