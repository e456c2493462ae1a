import Foundation

/// Decides whether one version is affected by one OSV `affected[]` entry, exactly as the OSV
/// schema's evaluation section says: `versions` is checked first (string equality; PEP 440
/// equality for PyPI too); then each SEMVER/ECOSYSTEM range's events are sorted by version and
/// walked: `introduced` opens, `fixed` closes (exclusive), `last_affected` closes after itself
/// (inclusive), and `limit` caps the range. GIT ranges need commit ancestry and are skipped.
public struct OSVAffectedEntry: Sendable {
    public struct Event: Sendable, Equatable {
        public enum Kind: String, Sendable { case introduced, fixed, lastAffected = "last_affected", limit }
        public var kind: Kind
        public var version: String
    }
    public struct Range: Sendable {
        public var type: String
        public var events: [Event]
    }
    public var ranges: [Range]
    public var versions: [String]

    public init(ranges: [Range], versions: [String]) { self.ranges = ranges; self.versions = versions }

    /// From the compact JSON the importer stores (`{"ranges": [...], "versions": [...]}`).
    public init?(json: String) {
        guard let o = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        self.init(object: o)
    }

    public init(object o: [String: Any]) {
        versions = (o["versions"] as? [Any])?.compactMap { $0 as? String } ?? []
        ranges = ((o["ranges"] as? [Any]) ?? []).compactMap { item in
            guard let r = item as? [String: Any], let type = r["type"] as? String else { return nil }
            let events: [Event] = ((r["events"] as? [Any]) ?? []).compactMap { e in
                guard let e = e as? [String: Any], let (k, v) = e.first, let version = v as? String,
                      let kind = Event.Kind(rawValue: k) else { return nil }
                return Event(kind: kind, version: version)
            }
            return Range(type: type, events: events)
        }
    }

    public struct Verdict: Sendable, Equatable {
        public var affected: Bool
        /// The smallest `fixed` version above the queried one, if any.
        public var fixedIn: String?
        /// Ranges or events that could not be evaluated (unparsable versions, GIT ranges without `versions`).
        public var skipped: [String]
    }

    public func evaluate(_ version: String, scheme: VersionScheme) -> Verdict {
        var skipped: [String] = []
        let parsed = scheme.parse(version)
        var affected = versions.contains(version)
        if !affected, scheme == .pep440, case .pep440(let p)? = parsed {
            // PEP 440 equality (`2.1` == `2.1.0`, `1.0-1` == `1.0.post1`); only listed versions that
            // start with the same major number are parsed.
            let prefix = "\(p.release.first ?? 0)"
            affected = versions.contains { listed in
                guard listed.hasPrefix(prefix) || listed.hasPrefix("v") || listed.contains("!") else { return false }
                return PEP440Version(listed).map { PEP440Version.compare($0, p) == 0 } ?? false
            }
        }
        var fixedIn: ParsedVersion?
        var fixedInText: String?
        for range in ranges {
            guard range.type == "SEMVER" || range.type == "ECOSYSTEM" else {
                if versions.isEmpty { skipped.append("\(range.type) range") }
                continue
            }
            let rangeScheme: VersionScheme = range.type == "SEMVER" ? .semver : scheme
            guard let v = range.type == "SEMVER" ? VersionScheme.semver.parse(version) : parsed else {
                skipped.append("version '\(version)' cannot be ordered for a \(range.type) range")
                continue
            }
            if Self.rangeContains(range, v, scheme: rangeScheme, skipped: &skipped) { affected = true }
            // Fix candidates: every `fixed` above the version.
            for e in range.events where e.kind == .fixed {
                guard let f = rangeScheme.parse(e.version), let c = f.compare(to: v), c > 0 else { continue }
                if fixedIn == nil || (f.compare(to: fixedIn!) ?? 0) < 0 { fixedIn = f; fixedInText = e.version }
            }
        }
        return Verdict(affected: affected, fixedIn: affected ? fixedInText : nil, skipped: skipped)
    }

    static func rangeContains(_ range: Range, _ v: ParsedVersion, scheme: VersionScheme, skipped: inout [String]) -> Bool {
        // Parse and sort the events by version; "0" is below everything.
        var events: [(Event, ParsedVersion?)] = []
        for e in range.events {
            if e.kind == .introduced && e.version == "0" { events.append((e, nil)); continue }
            if e.kind == .limit && e.version == "*" { continue }
            guard let p = scheme.parse(e.version) else { skipped.append("\(e.kind.rawValue) '\(e.version)' is not a valid version"); continue }
            events.append((e, p))
        }
        let order: [OSVAffectedEntry.Event.Kind: Int] = [.introduced: 0, .lastAffected: 1, .fixed: 2, .limit: 3]
        events.sort { a, b in
            switch (a.1, b.1) {
            case (nil, nil): return order[a.0.kind]! < order[b.0.kind]!
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                let c = x.compare(to: y) ?? 0
                return c != 0 ? c < 0 : order[a.0.kind]! < order[b.0.kind]!
            }
        }
        let limits = events.filter { $0.0.kind == .limit }.compactMap(\.1)
        if !limits.isEmpty && !limits.contains(where: { (v.compare(to: $0) ?? 0) < 0 }) { return false }
        var vulnerable = false
        for (e, p) in events {
            switch e.kind {
            case .introduced:
                if p == nil || (v.compare(to: p!) ?? -1) >= 0 { vulnerable = true }
            case .fixed:
                if let p, (v.compare(to: p) ?? -1) >= 0 { vulnerable = false }
            case .lastAffected:
                if let p, (v.compare(to: p) ?? -1) > 0 { vulnerable = false }
            case .limit: break
            }
        }
        return vulnerable
    }
}
