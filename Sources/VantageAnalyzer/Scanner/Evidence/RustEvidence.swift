import VantageCore
import VantageFormats

/// `Cargo.toml`: `[package].name`, the command `cargo run`, and `[dependencies]`.
enum RustEvidence {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(CargoManifest.fileName) else { return nil }
        var evidence = KindEvidence(kind: .rust, command: "cargo run")
        guard let cargo = warnings.reading({ () throws(VantageError) in try CargoManifest.read(folder + "/" + CargoManifest.fileName) }) else {
            return evidence
        }
        warnings.add(contentsOf: cargo.problems)
        evidence.name = cargo.packageName
        evidence.dependencies = cargo.dependencies.filter { $0.section == "dependencies" }
            .map { Dependency(ecosystem: "cargo", name: $0.name, version: $0.requirement) }
        return evidence
    }
}
