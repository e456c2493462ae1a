import VantageDependencies
import VantageFormats

/// requirements.txt (with `-r`/`-c` includes resolved in the scratch folder) and each line as a
/// PEP 508 requirement.
let requirementsFuzzTarget = FuzzTarget(name: "requirements", seeds: ["Tests/VantageDependenciesTests/Fixtures/deps:*.txt"]) { input in
    _ = try? ManifestScanner.parse(writeScratchFile("requirements.txt", input), format: .requirementsTxt)
    for line in input.text.split(separator: "\n", omittingEmptySubsequences: true).prefix(64) {
        _ = PythonRequirement(String(line))
    }
}
