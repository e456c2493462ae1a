import VantageCore
import VantageFormats

/// `package.json`: name, start command (`npm start` when `scripts.start`, else `node <main>`,
/// else `node index.js` when it exists), and direct dependencies (`dependencies`, `devDependencies`).
enum NodeEvidence {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(PackageJSON.fileName) else { return nil }
        var evidence = KindEvidence(kind: .node)
        guard let manifest = warnings.reading({ () throws(VantageError) in try PackageJSON.read(folder + "/" + PackageJSON.fileName) }) else {
            return evidence
        }
        warnings.add(contentsOf: manifest.problems)
        evidence.name = manifest.name
        if manifest.hasStartScript {
            evidence.command = "npm start"
        } else if let main = manifest.main, !main.isEmpty {
            evidence.command = "node \(main)"
        } else if manifest.main == nil, files.contains("index.js") {
            evidence.command = "node index.js"
        }
        for dep in manifest.dependencies where dep.section == "dependencies" || dep.section == "devDependencies" {
            evidence.dependencies.append(Dependency(ecosystem: "npm", name: dep.name, version: dep.range))
        }
        return evidence
    }
}
