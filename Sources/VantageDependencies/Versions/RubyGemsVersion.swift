import Foundation

/// RubyGems' `Gem::Version`: `-` becomes `.pre.`; the version is read as runs of digits (numbers)
/// and runs of letters (strings); trailing zeros of the numeric part and of the part from the first
/// string on are dropped (`canonical_segments`); then segments compare in turn, a missing one
/// counting as 0, a string before any number (so `1.0.a < 1.0` and `1.0.0.rc2 > 1.0.a`), strings by
/// byte order. Any letter makes a pre-release.
public struct RubyGemsVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable { case number(UInt64), string(String) }

    public let segments: [Segment]
    public let canonicalSegments: [Segment]
    public let description: String

    /// `Gem::Version::ANCHORED_VERSION_PATTERN`: digits, then `.`-separated alphanumerics, then an
    /// optional `-`-separated suffix. An empty string is version 0.
    public init?(_ text: String) {
        let s = text.trimmingCharacters(in: .whitespaces)
        let pattern = #"^([0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)?$"#
        guard s.range(of: pattern, options: .regularExpression) != nil else { return nil }
        description = text
        let version = s.isEmpty ? "0" : s.replacingOccurrences(of: "-", with: ".pre.")
        var segs: [Segment] = []
        var current = ""
        var digits = false
        func flush() {
            guard !current.isEmpty else { return }
            if digits {
                guard let n = UInt64(current) else { segs.append(.string(current)); current = ""; return }
                segs.append(.number(n))
            } else {
                segs.append(.string(current))
            }
            current = ""
        }
        for c in version {
            if c.isASCII && c.isNumber {
                if !digits { flush(); digits = true }
                current.append(c)
            } else if c.isASCII && c.isLetter {
                if digits { flush(); digits = false }
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        segments = segs
        // canonical_segments: split at the first string, drop trailing zeros of each part, join.
        let firstString = segs.firstIndex { if case .string = $0 { return true }; return false } ?? segs.count
        func trimmed(_ part: ArraySlice<Segment>) -> [Segment] {
            var p = Array(part)
            while p.last == .number(0) { p.removeLast() }
            return p
        }
        canonicalSegments = trimmed(segs[..<firstString]) + trimmed(segs[firstString...])
    }

    public var isPrerelease: Bool { segments.contains { if case .string = $0 { return true }; return false } }

    /// `Gem::Version#<=>`.
    static func compare(_ a: RubyGemsVersion, _ b: RubyGemsVersion) -> Int {
        let l = a.canonicalSegments, r = b.canonicalSegments
        if l == r { return 0 }
        for i in 0..<max(l.count, r.count) {
            let x = i < l.count ? l[i] : .number(0)
            let y = i < r.count ? r[i] : .number(0)
            if x == y { continue }
            switch (x, y) {
            case (.string, .number): return -1
            case (.number, .string): return 1
            case (.number(let p), .number(let q)): return p < q ? -1 : 1
            case (.string(let p), .string(let q)): return Array(p.utf8).lexicographicallyPrecedes(Array(q.utf8)) ? -1 : 1
            }
        }
        return 0
    }

    public static func == (a: RubyGemsVersion, b: RubyGemsVersion) -> Bool { a.canonicalSegments == b.canonicalSegments }
    public func hash(into h: inout Hasher) { h.combine(canonicalSegments) }
    public static func < (a: RubyGemsVersion, b: RubyGemsVersion) -> Bool { compare(a, b) < 0 }
}
