import Foundation
/// A version parsed under its ecosystem's rules, comparable only with versions of the same scheme.
public enum ParsedVersion: Sendable, Hashable, CustomStringConvertible {
    case pep440(PEP440Version)
    case semver(SemanticVersion)
    case rubygems(RubyGemsVersion)
    case composer(ComposerVersion)
    case maven(MavenVersion)
    case loose(LooseVersion)

    public var description: String {
        switch self {
        case .pep440(let v): v.description
        case .semver(let v): v.description
        case .rubygems(let v): v.description
        case .composer(let v): v.description
        case .maven(let v): v.description
        case .loose(let v): v.description
        }
    }
    public var isPrerelease: Bool {
        switch self {
        case .pep440(let v): return v.isPrerelease
        case .semver(let v): return v.isPrerelease
        case .rubygems(let v): return v.isPrerelease
        case .composer(let v): return v.isPrerelease
        case .maven(let v): return v.isPrerelease
        case .loose(let v): return v.tokens.contains { if case .text = $0 { return true }; return false }
        }
    }

    /// -1, 0, 1, or nil when the two belong to different schemes.
    public func compare(to other: ParsedVersion) -> Int? {
        switch (self, other) {
        case (.pep440(let a), .pep440(let b)): return PEP440Version.compare(a, b)
        case (.semver(let a), .semver(let b)): return a < b ? -1 : (b < a ? 1 : 0)
        case (.rubygems(let a), .rubygems(let b)): return RubyGemsVersion.compare(a, b)
        case (.composer(let a), .composer(let b)): return ComposerVersion.versionCompare(a.normalized, b.normalized)
        case (.maven(let a), .maven(let b)): return MavenVersion.compareLists(a.items, b.items).signum()
        case (.loose(let a), .loose(let b)): return a < b ? -1 : (b < a ? 1 : 0)
        default: return nil
        }
    }
}

/// Which ordering an ecosystem's versions follow, and parsing under it.
/// `loose` is a generic fallback for versions outside any ecosystem's rules.
public enum VersionScheme: String, Sendable, Hashable {
    case pep440, semver, rubygems, composer, maven, loose

    public static func forEcosystem(_ e: Ecosystem) -> VersionScheme {
        switch e {
        case .pypi: return .pep440
        case .npm, .crates, .go, .swift: return .semver
        case .rubygems: return .rubygems
        case .packagist: return .composer
        case .maven: return .maven
        }
    }

    public func parse(_ text: String) -> ParsedVersion? {
        switch self {
        case .pep440: return PEP440Version(text).map(ParsedVersion.pep440)
        case .semver:
            // "0" (OSV's "before everything") and registry shorthand like "1.2" are accepted.
            return SemanticVersion(text, lenient: true).map(ParsedVersion.semver)
        case .rubygems: return RubyGemsVersion(text).map(ParsedVersion.rubygems)
        case .composer: return ComposerVersion(text).map(ParsedVersion.composer)
        case .maven: return MavenVersion(text).map(ParsedVersion.maven)
        case .loose: return LooseVersion(text).map(ParsedVersion.loose)
        }
    }

    /// Sorts version strings under this scheme; unparsable ones are dropped.
    public func sorted(_ versions: [String]) -> [String] {
        versions.compactMap { s in parse(s).map { (s, $0) } }
            .sorted { ($0.1.compare(to: $1.1) ?? 0) < 0 }
            .map(\.0)
    }
}
