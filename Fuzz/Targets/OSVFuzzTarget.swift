import Foundation
import VantageDependencies

/// One OSV advisory: the importer's reading, its severity (every CVSS vector in it), and each
/// affected entry's ranges evaluated for a few versions in every scheme.
let osvFuzzTarget = FuzzTarget(name: "osv", seeds: ["Tests/VantageAnalyzerTests/Fixtures/osv"]) { input in
    guard case .success(let record) = OSVImporter.parseAdvisory(input.text, path: "advisory.json") else { return }
    if let object = (try? JSONSerialization.jsonObject(with: input.data)) as? [String: Any] {
        _ = AdvisorySeverity(advisory: object)
    }
    for affected in record.affected.prefix(16) {
        guard let entry = OSVAffectedEntry(json: affected.json) else { continue }
        for scheme in [VersionScheme.pep440, .semver, .rubygems, .composer, .maven, .loose] {
            for version in ["0", "1.2.3", "2.0.0-rc.1", "1.0.post1", "v3"] { _ = entry.evaluate(version, scheme: scheme) }
        }
    }
}
