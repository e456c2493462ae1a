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
        case .rubygems, .packagist:
            // Pessimistic `~> 1.2` (RubyGems) and Composer's `~1.2` bump the next-to-last part given:
            // `~>1.2` is `>=1.2 <2.0`, `~>1.2.3` is `>=1.2.3 <1.3.0`. Composer also writes `|` for `||`.
            var text = t.replacingOccurrences(of: "||", with: "\u{1}").replacingOccurrences(of: "|", with: "||").replacingOccurrences(of: "\u{1}", with: "||")
            text = text.replacingOccurrences(of: ",", with: " ")
                .replacingOccurrences(of: #"(~>|>=|<=|!=|>|<|=|~|\^)\s+"#, with: "$1", options: .regularExpression)
            let sets = try text.components(separatedBy: "||").map { alternative throws(VantageVersionError) -> String in
                try alternative.split(separator: " ").map { token throws(VantageVersionError) -> String in
                    let s = String(token)
                    guard s.hasPrefix("~") else { return s }
                    let v = String(s.drop { $0 == "~" || $0 == ">" })
                    let parts = v.split(separator: ".").compactMap { UInt64($0) }
                    guard !parts.isEmpty, parts.count == v.split(separator: ".").count else {
                        throw VantageVersionError(text: t, reason: "'\(s)' is not a pessimistic version requirement")
                    }
                    var upper = Array(parts.dropLast(parts.count > 1 ? 1 : 0))
                    upper[upper.count - 1] += 1
                    while upper.count < 3 { upper.append(0) }
                    return ">=\(v) <\(upper.map(String.init).joined(separator: "."))-0"
                }.joined(separator: " ")
            }.joined(separator: " || ")
            return .semver(try NpmRange.parse(sets))
        case .maven:
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
