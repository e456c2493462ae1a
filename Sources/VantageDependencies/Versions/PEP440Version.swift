import Foundation
/// A Python package version under PEP 440: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`.
/// Parsing accepts the spellings PEP 440 normalises (`alpha`, `c`, `pre`, `-1` for a post-release,
/// a leading `v`, `_`/`-` separators); ordering follows the specification (as `packaging` does).
public struct PEP440Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum PreKind: Int, Sendable, Hashable, Comparable {
        case alpha = 0, beta = 1, rc = 2
        public static func < (a: PreKind, b: PreKind) -> Bool { a.rawValue < b.rawValue }
        var label: String { switch self { case .alpha: "a"; case .beta: "b"; case .rc: "rc" } }
    }
    public enum LocalSegment: Sendable, Hashable {
        case number(Int)
        case text(String)
    }

    public var epoch: Int
    public var release: [Int]
    public var pre: (kind: PreKind, number: Int)?
    public var post: Int?
    public var dev: Int?
    public var local: [LocalSegment]

    public init(epoch: Int = 0, release: [Int], pre: (kind: PreKind, number: Int)? = nil,
                post: Int? = nil, dev: Int? = nil, local: [LocalSegment] = []) {
        self.epoch = epoch; self.release = release; self.pre = pre
        self.post = post; self.dev = dev; self.local = local
    }

    public var isPrerelease: Bool { pre != nil || dev != nil }
    public var isPostRelease: Bool { post != nil }
    /// The same version without its `+local` part.
    public var public_: PEP440Version { var v = self; v.local = []; return v }
    /// Epoch and release only (no pre, post, dev or local): the "base version".
    public var base: PEP440Version { PEP440Version(epoch: epoch, release: release) }

    /// The normalised spelling (`1.0a1`, `2!1.0.post2.dev3+ubuntu.1`).
    public var description: String {
        var s = epoch != 0 ? "\(epoch)!" : ""
        s += release.map(String.init).joined(separator: ".")
        if let pre { s += "\(pre.kind.label)\(pre.number)" }
        if let post { s += ".post\(post)" }
        if let dev { s += ".dev\(dev)" }
        if !local.isEmpty {
            s += "+" + local.map { seg -> String in
                switch seg { case .number(let n): String(n); case .text(let t): t }
            }.joined(separator: ".")
        }
        return s
    }

    public static func == (a: PEP440Version, b: PEP440Version) -> Bool { compare(a, b) == 0 }
    public func hash(into h: inout Hasher) {
        h.combine(epoch)
        var r = release; while r.count > 1, r.last == 0 { r.removeLast() }
        h.combine(r); h.combine(pre?.kind); h.combine(pre?.number); h.combine(post); h.combine(dev); h.combine(local)
    }
    public static func < (a: PEP440Version, b: PEP440Version) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1, following PEP 440's ordering.
    public static func compare(_ a: PEP440Version, _ b: PEP440Version) -> Int {
        if a.epoch != b.epoch { return a.epoch < b.epoch ? -1 : 1 }
        let n = max(a.release.count, b.release.count)
        for i in 0..<n {
            let x = i < a.release.count ? a.release[i] : 0
            let y = i < b.release.count ? b.release[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        // Pre-release key: a dev release with no pre and no post sorts before every pre-release.
        let pa = preKey(a), pb = preKey(b)
        if pa != pb { return pa.lexicographicallyPrecedes(pb) ? -1 : 1 }
        let qa = a.post.map { $0 } ?? -1, qb = b.post.map { $0 } ?? -1
        if qa != qb { return qa < qb ? -1 : 1 }
        let da = a.dev ?? Int.max, db = b.dev ?? Int.max
        if da != db { return da < db ? -1 : 1 }
        return compareLocal(a.local, b.local)
    }

    /// (rank, number): rank 0 = dev-only before any pre, 1..3 = a/b/rc, 4 = final.
    private static func preKey(_ v: PEP440Version) -> [Int] {
        if let pre = v.pre { return [1 + pre.kind.rawValue, pre.number] }
        if v.post == nil, v.dev != nil { return [0, 0] }
        return [4, 0]
    }

    private static func compareLocal(_ a: [LocalSegment], _ b: [LocalSegment]) -> Int {
        if a.isEmpty || b.isEmpty { return a.isEmpty == b.isEmpty ? 0 : (a.isEmpty ? -1 : 1) }
        for i in 0..<max(a.count, b.count) {
            guard i < a.count else { return -1 }
            guard i < b.count else { return 1 }
            switch (a[i], b[i]) {
            case (.number(let x), .number(let y)): if x != y { return x < y ? -1 : 1 }
            case (.text(let x), .text(let y)): if x != y { return x < y ? -1 : 1 }
            case (.number, .text): return 1   // numeric segments sort after text ones
            case (.text, .number): return -1
            }
        }
        return 0
    }

    /// Parses a version; nil when it is not PEP 440 (legacy versions such as `0.1-dev-r123`).
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        if s.hasPrefix("v") { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        var scanner = PEP440Scanner(s)
        var epoch = 0
        // Epoch: digits followed by '!'.
        if let bang = s.firstIndex(of: "!") {
            guard let e = Int(s[s.startIndex..<bang]) else { return nil }
            epoch = e
            scanner = PEP440Scanner(s[s.index(after: bang)...])
        }
        guard let first = scanner.number() else { return nil }
        var release = [first]
        while scanner.peek == ".", scanner.peekNumberAfterDot() {
            scanner.advance()
            // A segment past Int.max (the fuzzer wrote 140 ones) is not a version Vantage can compare.
            guard let segment = scanner.number() else { return nil }
            release.append(segment)
        }
        var pre: (kind: PreKind, number: Int)?
        var post: Int?
        var dev: Int?
        // Pre-release.
        let save = scanner.index
        scanner.skipSeparator()
        if let word = scanner.word(["alpha", "beta", "preview", "pre", "rc", "a", "b", "c"]) {
            let kind: PreKind
            switch word { case "a", "alpha": kind = .alpha; case "b", "beta": kind = .beta; default: kind = .rc }
            scanner.skipSeparator()
            pre = (kind, scanner.number() ?? 0)
        } else { scanner.index = save }
        // Post-release: `.post1`, `-1`, `rev1`, `r1`.
        let savePost = scanner.index
        if scanner.peek == "-", scanner.peekNumberAfterDot() {
            scanner.advance(); post = scanner.number()
        } else {
            scanner.skipSeparator()
            if scanner.word(["post", "rev", "r"]) != nil {
                scanner.skipSeparator()
                post = scanner.number() ?? 0
            } else { scanner.index = savePost }
        }
        // Dev release.
        let saveDev = scanner.index
        scanner.skipSeparator()
        if scanner.word(["dev"]) != nil {
            scanner.skipSeparator()
            dev = scanner.number() ?? 0
        } else { scanner.index = saveDev }
        var local: [LocalSegment] = []
        if scanner.peek == "+" {
            scanner.advance()
            let rest = scanner.rest
            guard !rest.isEmpty else { return nil }
            for part in rest.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }) {
                guard part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
                if let n = Int(part) { local.append(.number(n)) } else { local.append(.text(String(part))) }
            }
            scanner.index = scanner.end
        }
        guard scanner.atEnd else { return nil }
        self.init(epoch: epoch, release: release, pre: pre, post: post, dev: dev, local: local)
    }
}

/// A tiny cursor over a lowercased version string.
struct PEP440Scanner {
    let text: Substring
    var index: Substring.Index
    var end: Substring.Index { text.endIndex }
    init(_ text: Substring) { self.text = text; self.index = text.startIndex }
    var atEnd: Bool { index == text.endIndex }
    var peek: Character? { atEnd ? nil : text[index] }
    var rest: Substring { text[index...] }
    mutating func advance() { index = text.index(after: index) }
    func peekNumberAfterDot() -> Bool {
        let next = text.index(after: index)
        return next < text.endIndex && text[next].isASCII && text[next].isNumber
    }
    mutating func number() -> Int? {
        var j = index
        while j < text.endIndex, text[j].isASCII, text[j].isNumber { j = text.index(after: j) }
        guard j > index, let n = Int(text[index..<j]) else { return nil }
        index = j
        return n
    }
    mutating func skipSeparator() {
        if let c = peek, c == "." || c == "-" || c == "_" { advance() }
    }
    /// Consumes the first of `words` found at the cursor (longest listed first).
    mutating func word(_ words: [String]) -> String? {
        for w in words where rest.hasPrefix(w) {
            index = text.index(index, offsetBy: w.count)
            return w
        }
        return nil
    }
}
