import Foundation
import VantageCore

/// Intersects every requirement on each package across a workspace.
public struct PackageConstraintResult: Sendable {
    public var ecosystem: Ecosystem
    public var name: String
    public var requirements: [Requirement]
    /// The highest known version that satisfies every requirement, if any.
    public var best: String?
    public var isConflict: Bool
    /// Requirements that name no version range (git, path, tags) or could not be parsed.
    public var ignored: [(Requirement, String)]
    /// For each requirement, the chain from a project down to it (`app → flask 2.2.2 → requests<2`).
    public var chains: [[String]]
    public var candidatesConsidered: Int
}

public enum ConflictResolver {
    /// - Parameter knownVersions: extra versions of a package (for example from the advisory
    ///   database's `affected.versions`); versions resolved in lock files are always used.
    public static func analyse(_ inventory: DependencyInventory,
                               knownVersions: (Ecosystem, String) -> [String] = { _, _ in [] }) -> [PackageConstraintResult] {
        var byPackage: [String: [Requirement]] = [:]
        for r in inventory.requirements { byPackage[r.ecosystem.rawValue + "\u{0}" + r.ecosystem.normalise(r.name), default: []].append(r) }
        var locked: [String: Set<String>] = [:]
        for d in inventory.dependencies { if let v = d.version { locked[d.ecosystem.rawValue + "\u{0}" + d.normalisedName, default: []].insert(v) } }
        var out: [PackageConstraintResult] = []
        for key in byPackage.keys.sorted() {
            let reqs = byPackage[key]!
            let eco = reqs[0].ecosystem
            var parsed: [VersionConstraint] = []
            var ignored: [(Requirement, String)] = []
            for r in reqs {
                do throws(VantageVersionError) {
                    let c = try VersionConstraint.parse(r.constraint, ecosystem: eco)
                    if case .unversioned = c { ignored.append((r, "names no version range")) } else { parsed.append(c) }
                } catch { ignored.append((r, error.description)) }
            }
            guard !parsed.isEmpty else { continue }
            let name = reqs[0].name
            var candidates = locked[key] ?? []
            candidates.formUnion(knownVersions(eco, eco.normalise(name)))
            candidates.formUnion(parsed.flatMap(boundVersions))
            let scheme = VersionScheme.forEcosystem(eco)
            let allowPre = parsed.contains { if case .pep440(let s) = $0 { return s.mentionsPrerelease }; return false }
            let satisfying = candidates.filter { v in parsed.allSatisfy { $0.isSatisfied(by: v, includePrereleases: allowPre) == true } }
            let best = scheme.sorted(Array(satisfying)).last
            let chains = reqs.map { chain(for: $0, in: inventory.requirements) }
            out.append(PackageConstraintResult(ecosystem: eco, name: name, requirements: reqs, best: best, isConflict: best == nil,
                                               ignored: ignored, chains: chains, candidatesConsidered: candidates.count))
        }
        return out
    }

    /// Versions named in a constraint (its bounds), and the next patch above each: an
    /// intersection of ranges that is not empty contains one of these or a known version.
    static func boundVersions(_ c: VersionConstraint) -> [String] {
        switch c {
        case .pep440(let s):
            return s.clauses.compactMap(\.version).flatMap { v -> [String] in
                var next = v.base; next.release = next.release + [0]; next.release[next.release.count - 1] = 1
                return [v.description, next.description]
            }
        case .semver(let r):
            return r.sets.flatMap { $0 }.flatMap { c -> [String] in
                [c.version.description, SemanticVersion(c.version.major, c.version.minor, c.version.patch + 1).description]
            }
        case .unversioned: return []
        }
    }

    /// Walks requirers upwards: `requiredBy` is a project (manifest path / project name) or `pkg version`.
    static func chain(for r: Requirement, in all: [Requirement]) -> [String] {
        var chain = ["\(r.name)\(r.constraint.first.map { $0.isLetter || $0.isNumber ? " " : "" } ?? "")\(r.constraint)"]
        var current = r.requiredBy
        var seen = Set<String>()
        while seen.insert(current).inserted {
            chain.insert(current, at: 0)
            let parentName = current.split(separator: " ").first.map(String.init) ?? current
            guard current.contains(" "), let up = all.first(where: { $0.ecosystem == r.ecosystem && $0.ecosystem.normalise($0.name) == r.ecosystem.normalise(parentName) }) else { break }
            current = up.requiredBy
        }
        return chain
    }

    /// pip's ResolutionImpossible style, for one conflicting package.
    public static func explain(_ result: PackageConstraintResult) -> String {
        var lines = ["ResolutionImpossible: no known version of \(result.name) (\(result.ecosystem.rawValue)) satisfies every requirement:"]
        for (r, chain) in zip(result.requirements, result.chains) {
            let who = chain.count > 2 ? chain.dropLast().joined(separator: " → ") : (chain.first ?? r.requiredBy)
            lines.append("    \(who) requires \(r.name)\(r.constraint)   (\(r.source)\(r.line.map { ":\($0)" } ?? ""))")
        }
        lines.append("  \(result.candidatesConsidered) candidate versions considered (lock files, advisory data, and the requirements' own bounds).")
        return lines.joined(separator: "\n")
    }
}
