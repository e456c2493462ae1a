import VantageCore
import VantageFormats

/// `Package.swift`: the package's `name:`, the command `swift run`, and every URL `.package(...)`
/// with its version (or branch) as written.
enum SwiftEvidence {
    static let entry = ProjectKindEntry(.swift, isPresent: { $0.contains(SwiftPackageManifest.fileName) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("swift", install: "install Swift (https://www.swift.org/install/)")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .swift, command: "swift run", languages: [.swift])
        guard let manifest = warnings.reading({ () throws(VantageError) in
            try SwiftPackageManifest.read(folder.path(SwiftPackageManifest.fileName))
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
