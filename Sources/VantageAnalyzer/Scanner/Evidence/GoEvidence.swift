import VantageCore
import VantageFormats

/// `go.mod`: the name is the module path's last element, the command `go run .`, the
/// dependencies the `require` directives not marked `// indirect`.
enum GoEvidence {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(GoMod.fileName) else { return nil }
        var evidence = KindEvidence(kind: .go, command: "go run .")
        guard let mod = warnings.reading({ () throws(VantageError) in try GoMod.read(folder + "/" + GoMod.fileName) }) else { return evidence }
        warnings.add(contentsOf: mod.problems)
        evidence.name = mod.shortName
        evidence.dependencies = mod.requires.filter { !$0.indirect }.map { Dependency(ecosystem: "go", name: $0.module, version: $0.version) }
        return evidence
    }
}
