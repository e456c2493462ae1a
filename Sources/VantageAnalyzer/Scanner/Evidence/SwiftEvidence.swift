import VantageCore
import VantageFormats

/// `Package.swift`: the package's `name:`, the command `swift run`, and every URL `.package(...)`
/// with its version (or branch) as written.
enum SwiftEvidence {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(SwiftPackageManifest.fileName) else { return nil }
        var evidence = KindEvidence(kind: .swift, command: "swift run")
        guard let manifest = warnings.reading({ () throws(VantageError) in
            try SwiftPackageManifest.read(folder + "/" + SwiftPackageManifest.fileName)
        }) else { return evidence }
        warnings.add(contentsOf: manifest.problems)
        evidence.name = manifest.name
        for dep in manifest.dependencies {
            guard let name = dep.shortName else { continue }
            evidence.dependencies.append(Dependency(ecosystem: "swift", name: name, version: dep.firstQuoted))
        }
        return evidence
    }
}
