import VantageDependencies

/// The manifests and lock files that are not JSON or XML (yarn, pnpm, Poetry, uv, Pipfile,
/// pyproject, Cargo, Go, SwiftPM, Bundler), each input read as every one of them.
let textLocksFuzzTarget = FuzzTarget(name: "text-locks", seeds: ["Tests/VantageDependenciesTests/Fixtures/deps"]) { input in
    let formats: [(String, ManifestFormat)] = [
        ("yarn.lock", .yarnLock), ("pnpm-lock.yaml", .pnpmLock), ("poetry.lock", .poetryLock), ("uv.lock", .uvLock),
        ("Pipfile", .pipfile), ("pyproject.toml", .pyproject), ("Cargo.toml", .cargoToml), ("Cargo.lock", .cargoLock),
        ("go.mod", .goMod), ("go.sum", .goSum), ("Package.swift", .packageSwift), ("Gemfile.lock", .gemfileLock),
    ]
    for (name, format) in formats {
        _ = try? ManifestScanner.parse(writeScratchFile(name, input), format: format)
    }
}
