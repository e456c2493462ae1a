import Foundation
import VantageFormats
/// node-semver ranges: `||` unions, space-separated intersections, hyphen ranges (`1.2 - 2.3.4`),
/// `^`, `~`, `x`/`X`/`*` wildcards, partial versions and comparators (`>=1.2.7 <1.3.0`).
public enum NpmRange {
    public static func parse(_ text: String) throws(VantageVersionError) -> SemVerRange {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "*" || trimmed.lowercased() == "latest" && false { return .any }
        var sets: [[SemVerComparator]] = []
        for alternative in trimmed.components(separatedBy: "||") {
            sets.append(try parseSet(alternative.trimmingCharacters(in: .whitespaces), whole: text))
        }
        return SemVerRange(sets: sets)
    }

    static func parseSet(_ text: String, whole: String) throws(VantageVersionError) -> [SemVerComparator] {
        if text.isEmpty { return [] }
        // Hyphen range: `A - B` (spaces around the hyphen are required).
        let hyphen = text.components(separatedBy: " - ")
        if hyphen.count == 2 {
            guard let lo = PartialVersion(hyphen[0]), let hi = PartialVersion(hyphen[1]) else {
                throw VantageVersionError(text: whole, reason: "bad hyphen range '\(text)'")
            }
            var out: [SemVerComparator] = []
            if lo.major != nil { out.append(.init(.greaterOrEqual, lo.floor)) }
            if hi.major != nil { out += hi.isFull ? [.init(.lessOrEqual, hi.floor)] : hi.compare(.lessOrEqual) }
            return out
        }
        // Comparators may be written with a space after the operator (`>= 1.2`); glue them back.
        var tokens: [String] = []
        for t in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if let last = tokens.last, ["<", "<=", ">", ">=", "=", "^", "~", "~>"].contains(last) {
                tokens[tokens.count - 1] = last + t
            } else { tokens.append(t) }
        }
        var out: [SemVerComparator] = []
        for token in tokens { out += try parseComparator(token, whole: whole) }
        return out
    }

    static func parseComparator(_ token: String, whole: String) throws(VantageVersionError) -> [SemVerComparator] {
        func partial(_ s: Substring) throws(VantageVersionError) -> PartialVersion {
            guard let p = PartialVersion(String(s)) else {
                throw VantageVersionError(text: whole, reason: "'\(token)' is not a version or comparator")
            }
            return p
        }
        if token.hasPrefix("^") { return try partial(token.dropFirst()).caret() }
        if token.hasPrefix("~>") { return try partial(token.dropFirst(2)).tilde() }
        if token.hasPrefix("~") { return try partial(token.dropFirst()).tilde() }
        for (prefix, op) in [(">=", SemVerComparator.Operator.greaterOrEqual), ("<=", .lessOrEqual), (">", .greater), ("<", .less), ("=", .equal)] where token.hasPrefix(prefix) {
            return try partial(token.dropFirst(prefix.count)).compare(op)
        }
        return try partial(Substring(token)).xRange()
    }
}

/// Cargo version requirements: comma-separated (AND) clauses; a bare version means caret.
public enum CargoRequirement {
    public static func parse(_ text: String) throws(VantageVersionError) -> SemVerRange {
        var set: [SemVerComparator] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let clause = raw.trimmingCharacters(in: .whitespaces)
            if clause.isEmpty { throw VantageVersionError(text: text, reason: "empty clause between commas") }
            func partial(_ s: Substring) throws(VantageVersionError) -> PartialVersion {
                guard let p = PartialVersion(s.trimmingCharacters(in: .whitespaces)) else {
                    throw VantageVersionError(text: text, reason: "'\(clause)' is not a Cargo version requirement")
                }
                return p
            }
            if clause.hasPrefix("^") { set += try partial(clause.dropFirst()).caret(); continue }
            if clause.hasPrefix("~") { set += try partial(clause.dropFirst()).tilde(); continue }
            var matched = false
            for (prefix, op) in [(">=", SemVerComparator.Operator.greaterOrEqual), ("<=", .lessOrEqual), (">", .greater), ("<", .less), ("=", .equal)] where clause.hasPrefix(prefix) {
                set += try partial(clause.dropFirst(prefix.count)).compare(op)
                matched = true
                break
            }
            if matched { continue }
            let p = try partial(Substring(clause))
            // `*`, `1.*`, `1.2.*` are wildcards; a bare version is a caret requirement.
            set += clause.contains("*") || clause.lowercased().contains("x") ? p.xRange() : p.caret()
        }
        return SemVerRange(sets: [set])
    }
}

/// SwiftPM requirements as written in Package.swift.
public enum SwiftPMRequirement {
    /// `from: "1.2.3"` / `.upToNextMajor(from:)`.
    public static func upToNextMajor(_ v: SemanticVersion) -> SemVerRange {
        SemVerRange(sets: [[.init(.greaterOrEqual, v), .init(.less, SemanticVersion(v.major + 1, 0, 0))]])
    }
    /// `.upToNextMinor(from: "1.2.3")`.
    public static func upToNextMinor(_ v: SemanticVersion) -> SemVerRange {
        SemVerRange(sets: [[.init(.greaterOrEqual, v), .init(.less, SemanticVersion(v.major, v.minor + 1, 0))]])
    }
    /// `exact: "1.2.3"` / `.exact("1.2.3")`.
    public static func exact(_ v: SemanticVersion) -> SemVerRange { SemVerRange(sets: [[.init(.equal, v)]]) }
    /// `"1.0.0"..<"2.0.0"` (half-open) or `"1.0.0"..."1.2.0"` (closed).
    public static func range(_ lo: SemanticVersion, _ hi: SemanticVersion, closed: Bool) -> SemVerRange {
        SemVerRange(sets: [[.init(.greaterOrEqual, lo), .init(closed ? .lessOrEqual : .less, hi)]])
    }

    /// Reads the requirement part of a `.package(...)` call: everything after `url: "..."`,
    /// e.g. `from: "1.0.0"`, `.upToNextMinor(from: "1.2.0")`, `exact: "1.0.0"`, `"1.0.0"..<"2.0.0"`.
    /// Returns nil for `branch:` / `revision:` / `path:` requirements, which name no version.
    public static func parse(_ text: String) throws(VantageVersionError) -> SemVerRange? {
        let strings = SwiftPackageManifest.quotedStrings(text)
        func version(_ i: Int) throws(VantageVersionError) -> SemanticVersion {
            guard i < strings.count, let v = SemanticVersion(strings[i]) else {
                throw VantageVersionError(text: text, reason: "expected a SemVer version in quotes")
            }
            return v
        }
        let t = text.replacingOccurrences(of: " ", with: "")
        if t.contains("branch:") || t.contains("revision:") || t.contains("path:") { return nil }
        if t.contains("upToNextMinor") { return upToNextMinor(try version(0)) }
        if t.contains("upToNextMajor") || t.contains("from:") { return upToNextMajor(try version(0)) }
        if t.contains("exact:") || t.contains(".exact(") { return exact(try version(0)) }
        if t.contains("\"..<\"") { return range(try version(0), try version(1), closed: false) }
        if t.contains("\"...\"") { return range(try version(0), try version(1), closed: true) }
        throw VantageVersionError(text: text, reason: "not a SwiftPM requirement (from:, exact:, .upToNextMinor(from:), \"a\"..<\"b\")")
    }
}
