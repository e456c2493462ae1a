import VantageCore
import VantageFormats

/// `Cargo.toml`: `[package].name`, the command `cargo run`, and `[dependencies]`.
enum RustEvidence {
    static let entry = ProjectKindEntry(.rust, isPresent: { $0.contains(CargoManifest.fileName) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("cargo", install: "install Rust with rustup (https://rustup.rs)")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .rust, command: "cargo run", languages: [.rust])
        guard let cargo = warnings.reading({ () throws(VantageError) in try CargoManifest.read(folder.path(CargoManifest.fileName)) }) else {
            return evidence
        }
        warnings.add(contentsOf: cargo.problems)
        evidence.name = cargo.packageName
        evidence.dependencies = cargo.dependencies.filter { $0.section == "dependencies" }
            .map { Dependency(ecosystem: "cargo", name: $0.name, version: $0.requirement) }
        return evidence
    }
}
