import Foundation
/// A requirement on a package's version, in the syntax of the ecosystem that wrote it.
public enum VersionConstraint: Sendable, Hashable, CustomStringConvertible {
    case pep440(PEP440SpecifierSet)
    case semver(SemVerRange)
    /// A requirement that names no version range (a git branch, a path, a dist-tag).
    case unversioned(String)

    public var description: String {
        switch self {
        case .pep440(let s): return s.clauses.isEmpty ? "(any)" : s.description
        case .semver(let r): return r.description
        case .unversioned(let s): return s
        }
    }

    /// Parses `text` as the given ecosystem writes requirements. `SwiftURL` expects the argument
    /// text of a Package.swift `.package(...)` call.
    public static func parse(_ text: String, ecosystem: Ecosystem) throws(VantageVersionError) -> VersionConstraint {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch ecosystem {
        case .pypi:
            if t.isEmpty || t == "*" { return .pep440(PEP440SpecifierSet(clauses: [])) }
            // Poetry writes `^1.2`/`~1.2`; a bare version in Poetry means `==`.
            if t.hasPrefix("^") || (t.hasPrefix("~") && !t.hasPrefix("~=")) {
                let r = try NpmRange.parse(t)
                return .semver(r)
            }
            if let first = t.first, first.isNumber { return .pep440(try PEP440SpecifierSet(parsing: "==" + t)) }
            return .pep440(try PEP440SpecifierSet(parsing: t))
        case .npm:
            let lower = t.lowercased()
            for p in ["file:", "link:", "git", "http:", "https:", "github:", "workspace:", "npm:", "portal:"] where lower.hasPrefix(p) {
                if p == "workspace:" || p == "npm:" , let at = t.lastIndex(of: p == "npm:" ? "@" : ":") {
                    let inner = String(t[t.index(after: at)...])
                    if let r = try? NpmRange.parse(inner) { return .semver(r) }
                }
                return .unversioned(t)
            }
            if t.contains("/") && !t.contains(" ") { return .unversioned(t) }   // github shorthand user/repo
            if !t.isEmpty, t.allSatisfy({ $0.isLetter }) { return .unversioned(t) }  // dist-tag: latest, next
            return .semver(try NpmRange.parse(t))
        case .crates:
            return .semver(try CargoRequirement.parse(t.isEmpty ? "*" : t))
        case .swift:
            if let r = try SwiftPMRequirement.parse(t) { return .semver(r) }
            return .unversioned(t)
        case .go:
            guard let v = SemanticVersion(t) else { throw VantageVersionError(text: t, reason: "not a Go module version") }
            // go.mod `require` is a minimum (minimal version selection).
            return .semver(SemVerRange(sets: [[.init(.greaterOrEqual, v)]]))
        case .rubygems, .packagist, .maven:
            return .semver(try NpmRange.parse(t.replacingOccurrences(of: ",", with: " ")))
        }
    }

    /// Whether `version` satisfies the constraint; nil when it cannot be decided
    /// (unparsable version, or an unversioned requirement).
    public func isSatisfied(by version: String, includePrereleases: Bool = false) -> Bool? {
        switch self {
        case .pep440(let s):
            guard PEP440Version(version) != nil else { return s.contains(version) ? true : nil }
            return s.contains(version, includePrereleases: includePrereleases ? true : nil)
        case .semver(let r):
            guard let v = SemanticVersion(version, lenient: true) else { return nil }
            return r.contains(v, includePrereleases: includePrereleases)
        case .unversioned: return nil
        }
    }
}
