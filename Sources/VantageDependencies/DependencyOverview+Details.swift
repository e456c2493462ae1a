import Foundation
import VantageCore

extension DependencyOverview {
    /// The rows of the dependencies view: every package (direct first, then by name) with its licence
    /// and worst advisory, what environment markers left out, conflicts and lock problems in words,
    /// and newer versions only when they were looked up (`checkUpdates`); paths relative to `root`.
    public func details(relativeTo root: String) -> DependencyDetails {
        func rel(_ path: String) -> String {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
        func key(_ e: Ecosystem, _ name: String, _ version: String?) -> String { "\(e.rawValue)\u{0}\(e.normalise(name))\u{0}\(version ?? "")" }
        var licences: [String: String] = [:]
        for f in licenses where !f.licenses.isEmpty { licences[key(f.ecosystem, f.name, f.version)] = f.licenses.joined(separator: " AND ") }
        var severities: [String: SeverityRating] = [:]
        if let scan = vulnerabilities {
            for f in scan.findings {
                let worst = f.matches.map { AdvisorySeverity(advisory: scan.advisories[$0.advisoryID] ?? [:]).rating }.max() ?? .unknown
                let k = key(f.dependency.ecosystem, f.dependency.name, f.dependency.version)
                severities[k] = max(severities[k] ?? worst, worst)
            }
        }
        let packages = inventory.dependencies
            .sorted { ($0.isDirect ? 0 : 1, $0.name.lowercased(), $0.source) < ($1.isDirect ? 0 : 1, $1.name.lowercased(), $1.source) }
            .map { d in
                DependencyDetails.Package(
                    ecosystem: d.ecosystem.rawValue, name: d.name, version: d.version, requirement: d.requirement,
                    direct: d.isDirect, dev: d.isDev, licence: licences[key(d.ecosystem, d.name, d.version)],
                    severity: severities[key(d.ecosystem, d.name, d.version)]?.rawValue,
                    source: rel(d.source) + (d.line.map { ":\($0)" } ?? ""))
            }
        let conflicts = self.conflicts.map { c in
            "\(c.name): " + c.requirements.map { "\($0.constraint) (\(rel($0.requiredBy)))" }.joined(separator: " and ") + ": no version satisfies all"
        }
        let lockProblems = locks.filter { $0.state != .ok }.map { l in
            "\(rel(l.manifest)): lock \(rel(l.lock)) \(l.state.rawValue)" + (l.reasons.isEmpty ? "" : " (" + l.reasons.joined(separator: "; ") + ")")
        }
        return DependencyDetails(
            packages: packages,
            skipped: inventory.skipped.map { .init(name: $0.dependency.name, marker: $0.marker, reason: $0.reason) },
            conflicts: conflicts, lockProblems: lockProblems,
            outdated: updates.isEmpty ? nil : updates.map { .init(name: $0.name, current: $0.current, latest: $0.latest, status: $0.status) })
    }
}
