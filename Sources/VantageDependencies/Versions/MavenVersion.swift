import Foundation

/// Maven's `ComparableVersion` (maven-artifact 3.8): a version is a list of items split at `.`
/// and `-` and at every change between digits and letters; `-` and a digit/letter change open a
/// sub-list. Numbers compare numerically; qualifiers order
/// `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp`, and unknown
/// qualifiers sort after those, alphabetically. `a1`/`b1`/`m1` are alpha/beta/milestone. Trailing
/// zeros and release qualifiers are dropped before comparing, so `1 = 1.0 = 1-0 = 1.0-ga`.
public struct MavenVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    indirect enum Item: Sendable, Hashable {
        /// Digits without leading zeros (compared by length, then lexically: any size works).
        case number(String)
        case qualifier(String)
        case list([Item])
    }

    let items: [Item]
    public let description: String

    public init?(_ text: String) {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return nil }
        description = text
        items = Self.parse(s.lowercased())
    }

    /// The canonical form Maven prints (`1-alpha-2`, `2-a`).
    public var canonical: String { Self.render(items) }

    // MARK: parsing (ComparableVersion.parseVersion)

    /// Lists under construction: the root is index 0; each new sub-list is appended to the current one.
    private final class ListBox {
        var items: [Any] = []
    }

    static func parse(_ version: String) -> [Item] {
        let chars = Array(version)
        let root = ListBox()
        var list = root
        var stack: [ListBox] = [root]
        var isDigit = false
        var start = 0
        func item(_ digit: Bool, _ buf: String, followedByDigit: Bool = false) -> Item {
            if digit {
                let stripped = String(buf.drop { $0 == "0" })
                return .number(stripped.isEmpty ? "0" : stripped)
            }
            return .qualifier(qualifier(buf, followedByDigit: followedByDigit))
        }
        func openList() {
            let next = ListBox()
            list.items.append(next)
            list = next
            stack.append(next)
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "-" {
                if i == start { list.items.append(Item.number("0")) } else { list.items.append(item(isDigit, String(chars[start..<i]))) }
                start = i + 1
                if c == "-" { openList() }
            } else if c.isASCII && c.isNumber {
                if !isDigit && i > start {
                    // 1.0.0.X1 < 1.0.0-X2: a qualifier after a dot goes into a sub-list, as after a dash.
                    if !list.items.isEmpty { openList() }
                    list.items.append(item(false, String(chars[start..<i]), followedByDigit: true))
                    start = i
                    openList()
                }
                isDigit = true
            } else {
                if isDigit && i > start {
                    list.items.append(item(true, String(chars[start..<i])))
                    start = i
                    openList()
                }
                isDigit = false
            }
            i += 1
        }
        if chars.count > start {
            // 1.0.0.X1 < 1.0.0-X2: a trailing qualifier after a dot is treated as after a dash.
            if !isDigit && !list.items.isEmpty { openList() }
            list.items.append(item(isDigit, String(chars[start...])))
        }
        return freeze(root)
    }

    /// Converts the boxes to items, normalising every list from the innermost out (the stack order).
    private static func freeze(_ box: ListBox) -> [Item] {
        var items: [Item] = box.items.map { element in
            if let b = element as? ListBox { return .list(freeze(b)) }
            return element as! Item
        }
        // ListItem.normalize: drop trailing null items (0, "", empty list), skipping over non-null lists.
        var i = items.count - 1
        while i >= 0 {
            if isNull(items[i]) { items.remove(at: i) } else if case .list = items[i] {} else { break }
            i -= 1
        }
        return items
    }

    static let qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"]
    static let aliases = ["ga": "", "final": "", "release": "", "cr": "rc"]

    static func qualifier(_ value: String, followedByDigit: Bool) -> String {
        var v = value
        if followedByDigit && v.count == 1 {
            switch v { case "a": v = "alpha"; case "b": v = "beta"; case "m": v = "milestone"; default: break }
        }
        return aliases[v] ?? v
    }

    /// The string Maven compares qualifiers by: the index of a known one, else "7-name".
    static func comparable(_ q: String) -> String {
        qualifiers.firstIndex(of: q).map(String.init) ?? "\(qualifiers.count)-\(q)"
    }

    static func isNull(_ item: Item) -> Bool {
        switch item {
        case .number(let n): return n == "0"
        case .qualifier(let q): return comparable(q) == comparable("")
        case .list(let l): return l.isEmpty
        }
    }

    // MARK: comparison (Item.compareTo)

    static func compareNumbers(_ a: String, _ b: String) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    static func compareStrings(_ a: String, _ b: String) -> Int { a == b ? 0 : (a < b ? -1 : 1) }

    /// `a.compareTo(b)`, where nil is the missing item of the shorter list.
    static func compare(_ a: Item, _ b: Item?) -> Int {
        switch a {
        case .number(let n):
            guard let b else { return n == "0" ? 0 : 1 }
            switch b {
            case .number(let m): return compareNumbers(n, m)
            case .qualifier, .list: return 1
            }
        case .qualifier(let q):
            guard let b else { return compareStrings(comparable(q), comparable("")) }
            switch b {
            case .number, .list: return -1
            case .qualifier(let r): return compareStrings(comparable(q), comparable(r))
            }
        case .list(let l):
            guard let b else {
                for item in l { let r = compare(item, nil); if r != 0 { return r } }
                return 0
            }
            switch b {
            case .number: return -1
            case .qualifier: return 1
            case .list(let r): return compareLists(l, r)
            }
        }
    }

    static func compareLists(_ l: [Item], _ r: [Item]) -> Int {
        for i in 0..<max(l.count, r.count) {
            let x = i < l.count ? l[i] : nil
            let y = i < r.count ? r[i] : nil
            let result: Int
            if let x { result = compare(x, y) } else if let y { result = -compare(y, nil) } else { result = 0 }
            if result != 0 { return result }
        }
        return 0
    }

    static func render(_ items: [Item]) -> String {
        var out = ""
        for (i, item) in items.enumerated() {
            switch item {
            case .number(let n): if i > 0 { out += "." }; out += n
            case .qualifier(let q): if i > 0 { out += "-" }; out += q
            case .list(let l): if i > 0 { out += "-" }; out += render(l)
            }
        }
        return out
    }

    public static func == (a: MavenVersion, b: MavenVersion) -> Bool { compareLists(a.items, b.items) == 0 }
    public func hash(into h: inout Hasher) { h.combine(canonical) }
    public static func < (a: MavenVersion, b: MavenVersion) -> Bool { compareLists(a.items, b.items) < 0 }

    /// A version with any qualifier below a release (alpha, beta, milestone, rc, snapshot).
    public var isPrerelease: Bool {
        func below(_ items: [Item]) -> Bool {
            items.contains { item in
                switch item {
                case .qualifier(let q): return Self.comparable(q) < Self.comparable("")
                case .list(let l): return below(l)
                case .number: return false
                }
            }
        }
        return below(items)
    }
}
