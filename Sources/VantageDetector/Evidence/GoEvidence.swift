import VantageCore
import VantageFormats

/// `go.mod`: the name is the module path's last element, the command `go run .`, the
/// dependencies the `require` directives not marked `// indirect`.
enum GoEvidence {
    static let entry = ProjectKindEntry(.go, isPresent: { $0.contains(GoMod.fileName) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("go", install: "install Go (https://go.dev/doc/install) and make sure `go` is on PATH")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .go, command: "go run .", languages: [.go])
        guard let mod = warnings.reading({ () throws(VantageError) in try GoMod.read(folder.path(GoMod.fileName)) }) else { return evidence }
        warnings.add(contentsOf: mod.problems)
        evidence.name = mod.shortName
        evidence.dependencies = mod.requires.filter { !$0.indirect }.map { Dependency(ecosystem: "go", name: $0.module, version: $0.version) }
        return evidence
    }
}
