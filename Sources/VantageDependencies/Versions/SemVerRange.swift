import Foundation
/// `op version`, the atom of every SemVer-based range (npm, Cargo, SwiftPM).
public struct SemVerComparator: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable { case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=" }
    public var op: Operator
    public var version: SemanticVersion
    public init(_ op: Operator, _ version: SemanticVersion) { self.op = op; self.version = version }
    public var description: String { op.rawValue + version.description }

    public func matches(_ v: SemanticVersion) -> Bool {
        switch op {
        case .less: return v < version
        case .lessOrEqual: return v <= version
        case .greater: return v > version
        case .greaterOrEqual: return v >= version
        case .equal: return v == version
        }
    }
}

/// A union (`||`) of intersections of comparators. Pre-release rule (npm and Cargo): a version
/// with a pre-release tag only matches a set that has a comparator on the same `major.minor.patch`
/// that also carries a pre-release tag.
public struct SemVerRange: Sendable, Hashable, CustomStringConvertible {
    public var sets: [[SemVerComparator]]
    public init(sets: [[SemVerComparator]]) { self.sets = sets }
    public static let any = SemVerRange(sets: [[]])

    public var description: String {
        sets.map { $0.isEmpty ? "*" : $0.map(\.description).joined(separator: " ") }.joined(separator: " || ")
    }

    public func contains(_ v: SemanticVersion, includePrereleases: Bool = false) -> Bool {
        sets.contains { set in
            guard set.allSatisfy({ $0.matches(v) }) else { return false }
            if v.isPrerelease && !includePrereleases {
                return set.contains { $0.version.isPrerelease && $0.version.core == v.core }
            }
            return true
        }
    }

    public func intersecting(_ other: SemVerRange) -> SemVerRange {
        SemVerRange(sets: sets.flatMap { a in other.sets.map { a + $0 } })
    }
}

/// A version with possibly missing parts (`1`, `1.2`, `1.x`, `*`): the input of caret, tilde
/// and comparison desugaring.
public struct PartialVersion: Sendable, Hashable {
    public var major: UInt64?
    public var minor: UInt64?
    public var patch: UInt64?
    public var prerelease: [SemanticVersion.Identifier] = []

    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("v") || s.hasPrefix("V") { s = s.dropFirst() }
        if let plus = s.firstIndex(of: "+") { s = s[..<plus] }
        var pre: [SemanticVersion.Identifier] = []
        if let dash = s.firstIndex(of: "-") {
            guard let parsed = SemanticVersion("0.0.0" + s[dash...], lenient: true) else { return nil }
            pre = parsed.prerelease
            s = s[..<dash]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var nums: [UInt64?] = []
        var wild = false
        for p in parts {
            if p == "x" || p == "X" || p == "*" { wild = true; nums.append(nil); continue }
            guard !wild, !p.isEmpty, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt64(p) else { return nil }
            nums.append(n)
        }
        while nums.count < 3 { nums.append(nil) }
        major = nums[0]; minor = nums[1]; patch = nums[2]
        if major == nil { minor = nil; patch = nil }
        if minor == nil { patch = nil }
        prerelease = patch == nil ? [] : pre
    }

    var floor: SemanticVersion { SemanticVersion(major ?? 0, minor ?? 0, patch ?? 0, prerelease: prerelease) }
    var isFull: Bool { patch != nil }

    /// `>=lower <upper` for the partial itself (`1.2` → `>=1.2.0 <1.3.0-0`).
    func xRange() -> [SemVerComparator] {
        guard let major else { return [] }
        guard let minor else { return [.init(.greaterOrEqual, floor), .init(.less, SemanticVersion(major + 1, 0, 0, prerelease: [.numeric(0)]))] }
        guard patch != nil else { return [.init(.greaterOrEqual, floor), .init(.less, SemanticVersion(major, minor + 1, 0, prerelease: [.numeric(0)]))] }
        return [.init(.equal, floor)]
    }

    /// `^`: changes that do not modify the left-most non-zero part.
    func caret() -> [SemVerComparator] {
        guard let major else { return [] }
        let lower = SemverComparatorHelpers.ge(floor)
        let upper: SemanticVersion
        if major > 0 || minor == nil { upper = SemanticVersion(major + 1, 0, 0, prerelease: [.numeric(0)]) }
        else if minor! > 0 || patch == nil { upper = SemanticVersion(0, minor! + 1, 0, prerelease: [.numeric(0)]) }
        else { upper = SemanticVersion(0, 0, patch! + 1, prerelease: [.numeric(0)]) }
        return [lower, .init(.less, upper)]
    }

    /// `~`: patch-level changes if a minor is given, minor-level otherwise.
    func tilde() -> [SemVerComparator] {
        guard let major else { return [] }
        let upper = minor == nil ? SemanticVersion(major + 1, 0, 0, prerelease: [.numeric(0)])
                                 : SemanticVersion(major, minor! + 1, 0, prerelease: [.numeric(0)])
        return [SemverComparatorHelpers.ge(floor), .init(.less, upper)]
    }

    /// A comparison with a partial version (`>1.2` means `>=1.3.0`, `<=1.2` means `<1.3.0`).
    func compare(_ op: SemVerComparator.Operator) -> [SemVerComparator] {
        guard let major else {
            // `<*` and `>*` match nothing; `>=*`, `<=*` and `=*` match everything.
            return (op == .less || op == .greater) ? [.init(.less, SemanticVersion(0, 0, 0, prerelease: [.numeric(0)]))] : []
        }
        if isFull { return [.init(op, floor)] }
        let next = minor == nil ? SemanticVersion(major + 1, 0, 0, prerelease: [.numeric(0)])
                                : SemanticVersion(major, minor! + 1, 0, prerelease: [.numeric(0)])
        switch op {
        case .equal: return xRange()
        case .greaterOrEqual: return [.init(.greaterOrEqual, floor)]
        case .less: return [.init(.less, floor.withPrereleaseZero)]
        case .greater: return [.init(.greaterOrEqual, next)]
        case .lessOrEqual: return [.init(.less, next)]
        }
    }
}

enum SemverComparatorHelpers {
    static func ge(_ v: SemanticVersion) -> SemVerComparator { .init(.greaterOrEqual, v) }
}

extension SemanticVersion {
    /// `X.Y.Z-0`: the lowest version with this core, below every pre-release of it.
    var withPrereleaseZero: SemanticVersion { prerelease.isEmpty ? SemanticVersion(major, minor, patch, prerelease: [.numeric(0)]) : self }
}
