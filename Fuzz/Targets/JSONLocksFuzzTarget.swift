import VantageDependencies

/// The JSON manifests and lock files, each input read as every one of them.
let jsonLocksFuzzTarget = FuzzTarget(name: "json-locks", seeds: [
    "Tests/VantageDependenciesTests/Fixtures/deps:*.json", "Tests/VantageDependenciesTests/Fixtures/deps:*.lock",
    "Tests/VantageDependenciesTests/Fixtures/deps:Package.resolved",
]) { input in
    let formats: [(String, ManifestFormat)] = [
        ("package-lock.json", .packageLock), ("package.json", .packageJSON), ("Pipfile.lock", .pipfileLock),
        ("Package.resolved", .packageResolved), ("composer.lock", .composerLock), ("composer.json", .composerJSON),
    ]
    for (name, format) in formats {
        _ = try? ManifestScanner.parse(writeScratchFile(name, input), format: format)
    }
}
