import VantageFormats

/// Compose files through the YAML reader (services, ports, environment, interpolation).
let composeFuzzTarget = FuzzTarget(name: "compose", seeds: [
    "examples:compose.y*ml", "Tests/VantageDetectorTests/Fixtures/scan-tree:*compose.y*ml", "Tests/VantageDependenciesTests/Fixtures/deps:*.yaml",
]) { input in
    _ = ComposeFile.parse(input.text, path: "compose.yaml", environment: ["TAG": "1", "PORT": "8080"])
}
