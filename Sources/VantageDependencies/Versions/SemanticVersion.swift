import Foundation
/// A SemVer 2.0 version (`1.2.3-rc.1+build`), also used for Go modules (`v1.2.3`, pseudo-versions
/// `v0.0.0-20200101120000-abcdef123456` are SemVer prereleases, `+incompatible` is build metadata)
/// and for npm, crates.io and SwiftPM. Build metadata never affects ordering.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Identifier: Sendable, Hashable, Comparable, CustomStringConvertible {
        case numeric(UInt64)
        case alphanumeric(String)
        public static func < (a: Identifier, b: Identifier) -> Bool {
            switch (a, b) {
            case (.numeric(let x), .numeric(let y)): return x < y
            case (.alphanumeric(let x), .alphanumeric(let y)): return x < y
            case (.numeric, .alphanumeric): return true   // numeric identifiers sort first
            case (.alphanumeric, .numeric): return false
            }
        }
        public var description: String {
            switch self { case .numeric(let n): String(n); case .alphanumeric(let s): s }
        }
    }

    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    public var prerelease: [Identifier]
    public var build: [String]

    public init(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, prerelease: [Identifier] = [], build: [String] = []) {
        self.major = major; self.minor = minor; self.patch = patch
        self.prerelease = prerelease; self.build = build
    }

    public var isPrerelease: Bool { !prerelease.isEmpty }
    public var core: SemanticVersion { SemanticVersion(major, minor, patch) }

    /// A Go pseudo-version (`vX.Y.Z-[0.]yyyymmddhhmmss-abcdefabcdef`).
    public var isGoPseudoVersion: Bool {
        guard prerelease.count >= 1 else { return false }
        let text = prerelease.map(\.description).joined(separator: ".")
        let parts = text.split(separator: "-")
        guard parts.count >= 2, let hash = parts.last, hash.count == 12,
              hash.allSatisfy({ $0.isHexDigit }) else { return false }
        let stamp = parts[parts.count - 2].split(separator: ".").last ?? ""
        return stamp.count == 14 && stamp.allSatisfy(\.isNumber)
    }
    /// Go's `+incompatible` marker (a v2+ module without a go.mod).
    public var isIncompatible: Bool { build == ["incompatible"] }

    public var description: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease.map(\.description).joined(separator: ".") }
        if !build.isEmpty { s += "+" + build.joined(separator: ".") }
        return s
    }

    public static func == (a: SemanticVersion, b: SemanticVersion) -> Bool {
        a.major == b.major && a.minor == b.minor && a.patch == b.patch && a.prerelease == b.prerelease
    }
    public func hash(into h: inout Hasher) { h.combine(major); h.combine(minor); h.combine(patch); h.combine(prerelease) }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if a.major != b.major { return a.major < b.major }
        if a.minor != b.minor { return a.minor < b.minor }
        if a.patch != b.patch { return a.patch < b.patch }
        switch (a.prerelease.isEmpty, b.prerelease.isEmpty) {
        case (true, true): return false
        case (true, false): return false     // a release sorts after its prereleases
        case (false, true): return true
        case (false, false):
            for (x, y) in zip(a.prerelease, b.prerelease) where x != y { return x < y }
            return a.prerelease.count < b.prerelease.count
        }
    }

    /// Strict SemVer 2.0 parsing, with an optional leading `v` (Go, git tags) and `=`.
    /// With `lenient`, missing minor/patch count as 0 (`1.2` → `1.2.0`), as registries often write.
    public init?(_ text: String, lenient: Bool = false) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("=") { s = s.dropFirst() }
        if s.hasPrefix("v") || s.hasPrefix("V") { s = s.dropFirst() }
        var build: [String] = []
        if let plus = s.firstIndex(of: "+") {
            let b = s[s.index(after: plus)...]
            guard !b.isEmpty else { return nil }
            build = b.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard build.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.isIdentifierChar) }) else { return nil }
            s = s[..<plus]
        }
        var pre: [Identifier] = []
        if let dash = s.firstIndex(of: "-") {
            let p = s[s.index(after: dash)...]
            guard !p.isEmpty else { return nil }
            for part in p.split(separator: ".", omittingEmptySubsequences: false) {
                guard !part.isEmpty, part.allSatisfy(Self.isIdentifierChar) else { return nil }
                if part.allSatisfy(\.isNumber), let n = UInt64(part) {
                    guard lenient || part == "0" || !part.hasPrefix("0") else { return nil }
                    pre.append(.numeric(n))
                } else { pre.append(.alphanumeric(String(part))) }
            }
            s = s[..<dash]
        }
        let nums = s.split(separator: ".", omittingEmptySubsequences: false)
        guard nums.count == 3 || (lenient && (1...3).contains(nums.count)) else { return nil }
        var values: [UInt64] = []
        for n in nums {
            guard !n.isEmpty, n.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt64(n) else { return nil }
            guard lenient || n == "0" || !n.hasPrefix("0") else { return nil }
            values.append(v)
        }
        while values.count < 3 { values.append(0) }
        self.init(values[0], values[1], values[2], prerelease: pre, build: build)
    }

    private static func isIdentifierChar(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-")
    }
}
