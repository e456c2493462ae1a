import VantageCore
import VantageFormats

/// `package.json`: name, start command (`npm start` when `scripts.start`, else `node <main>`,
/// else `node` on the first of `index.js`, `server.js`, `app.js`, `main.js` that exists), and
/// direct dependencies (`dependencies`, `devDependencies`). TypeScript when a `tsconfig.json` is there.
enum NodeEvidence {
    static let entryFiles = ["index.js", "server.js", "app.js", "main.js"]

    static let entry = ProjectKindEntry(.node, isPresent: { $0.contains(PackageJSON.fileName) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("node", install: "install Node.js (https://nodejs.org) and make sure `node` is on PATH"),
                                                                     .init("npm", install: "install Node.js (https://nodejs.org), which brings npm")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .node, languages: [folder.has("tsconfig.json") ? .typescript : .javascript])
        guard let manifest = warnings.reading({ () throws(VantageError) in try PackageJSON.read(folder.path(PackageJSON.fileName)) }) else {
            return evidence
        }
        warnings.add(contentsOf: manifest.problems)
        evidence.name = manifest.name
        if manifest.hasStartScript {
            evidence.command = "npm start"
        } else if let main = manifest.main, !main.isEmpty {
            evidence.command = "node \(main)"
        } else if manifest.main == nil, let file = entryFiles.first(where: folder.has) {
            evidence.command = "node \(file)"
        }
        for dep in manifest.dependencies where dep.section == "dependencies" || dep.section == "devDependencies" {
            evidence.dependencies.append(Dependency(ecosystem: "npm", name: dep.name, version: dep.range))
        }
        return evidence
    }
}
