import Foundation
/// One PEP 440 version clause: `==1.2.*`, `~=2.2`, `!=1.5`, `<3`, `===weird`.
public struct PEP440Clause: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case arbitrary = "===", compatible = "~=", equal = "==", notEqual = "!=",
             lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
    }
    public var op: Operator
    /// The version as written (without a trailing `.*`).
    public var versionText: String
    public var version: PEP440Version?
    /// `==1.2.*` / `!=1.2.*`.
    public var wildcard: Bool

    public var description: String { op.rawValue + versionText + (wildcard ? ".*" : "") }

    public init(parsing text: String) throws(VantageVersionError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let op = Operator.allCases.first(where: { t.hasPrefix($0.rawValue) }) else {
            throw VantageVersionError(text: text, reason: "a PEP 440 clause starts with ==, !=, <=, >=, <, >, ~= or ===")
        }
        self.op = op
        var rest = String(t.dropFirst(op.rawValue.count)).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { throw VantageVersionError(text: text, reason: "no version after '\(op.rawValue)'") }
        if op == .arbitrary { versionText = rest; version = nil; wildcard = false; return }
        wildcard = rest.hasSuffix(".*")
        if wildcard {
            guard op == .equal || op == .notEqual else {
                throw VantageVersionError(text: text, reason: "'.*' is only allowed with == and !=")
            }
            rest.removeLast(2)
        }
        versionText = rest
        guard let v = PEP440Version(rest) else {
            throw VantageVersionError(text: text, reason: "'\(rest)' is not a PEP 440 version")
        }
        if op == .compatible && v.release.count < 2 {
            throw VantageVersionError(text: text, reason: "~= needs at least two release numbers (~=1.0)")
        }
        if !v.local.isEmpty && !(op == .equal || op == .notEqual) {
            throw VantageVersionError(text: text, reason: "a local version (+…) is only allowed with == and !=")
        }
        version = v
    }

    public func contains(_ candidate: PEP440Version, text: String? = nil) -> Bool {
        guard let v = version else {
            return (text ?? candidate.description).lowercased() == versionText.lowercased()
        }
        switch op {
        case .arbitrary: return false
        case .equal: return Self.equals(candidate, v, wildcard: wildcard)
        case .notEqual: return !Self.equals(candidate, v, wildcard: wildcard)
        case .lessOrEqual: return candidate.public_ <= v
        case .greaterOrEqual: return candidate.public_ >= v
        case .less:
            guard candidate.public_ < v else { return false }
            // <V excludes pre-releases of V itself unless V is a pre-release.
            if !v.isPrerelease, candidate.isPrerelease, candidate.base == v.base { return false }
            return true
        case .greater:
            guard candidate.public_ > v else { return false }
            // >V excludes post-releases of V unless V is one, and local versions of V.
            if !v.isPostRelease, candidate.isPostRelease, candidate.base == v.base { return false }
            if candidate.public_ == v { return false }
            return true
        case .compatible:
            // ~=X.Y.Z  is  >=X.Y.Z, ==X.Y.*
            var prefix = v.base
            prefix.release.removeLast()
            prefix.pre = nil
            return candidate.public_ >= v && Self.equals(candidate, prefix, wildcard: true)
        }
    }

    private static func equals(_ candidate: PEP440Version, _ v: PEP440Version, wildcard: Bool) -> Bool {
        if wildcard {
            // Prefix match on the release segments, ignoring pre/post/dev of the candidate.
            guard candidate.epoch == v.epoch else { return false }
            for (i, n) in v.release.enumerated() {
                let c = i < candidate.release.count ? candidate.release[i] : 0
                if c != n { return false }
            }
            if let pre = v.pre {      // ==1.0rc1.* is unusual but keep it strict
                guard let cp = candidate.pre, cp.kind == pre.kind, cp.number == pre.number else { return false }
            }
            return true
        }
        // Without a local label in the specifier, the candidate's local label is ignored.
        if v.local.isEmpty { return candidate.public_ == v }
        return candidate == v
    }
}

/// A comma-separated set of PEP 440 clauses, all of which must hold (`>=1.0,<2,!=1.5.*`).
public struct PEP440SpecifierSet: Sendable, Hashable, CustomStringConvertible {
    public var clauses: [PEP440Clause]
    public var description: String { clauses.map(\.description).joined(separator: ",") }

    public init(clauses: [PEP440Clause]) { self.clauses = clauses }

    public init(parsing text: String) throws(VantageVersionError) {
        var clauses: [PEP440Clause] = []
        for part in text.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            clauses.append(try PEP440Clause(parsing: String(part)))
        }
        self.clauses = clauses
    }

    /// Whether the specifier itself names a pre-release, which lets pre-releases match.
    public var mentionsPrerelease: Bool { clauses.contains { $0.version?.isPrerelease == true } }

    /// PEP 440: pre-releases are excluded unless `includePrereleases` is set or a clause names one.
    public func contains(_ v: PEP440Version, includePrereleases: Bool? = nil) -> Bool {
        if v.isPrerelease && !(includePrereleases ?? mentionsPrerelease) { return false }
        return clauses.allSatisfy { $0.contains(v) }
    }

    public func contains(_ text: String, includePrereleases: Bool? = nil) -> Bool {
        if let exact = clauses.first(where: { $0.op == .arbitrary }), clauses.count == 1 {
            return exact.versionText.lowercased() == text.lowercased()
        }
        guard let v = PEP440Version(text) else { return false }
        return contains(v, includePrereleases: includePrereleases)
    }
}

/// A version or version requirement that could not be read.
public struct VantageVersionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "'\(text)': \(reason)" }
}
