import VantageCore
import VantageFormats

/// The `.vantage.toml` and `vantage.toml` schemas: every field's type, range and path checks.
let projectConfigFuzzTarget = FuzzTarget(name: "project-config", seeds: [
    "Tests/VantageFormatsTests/InvalidProjectFiles", "Fuzz/Seeds/workspace", "Fuzz/Seeds/project", "Fuzz/Seeds/project-backup", "examples:.vantage.toml", "Tests/VantageDetectorTests/Fixtures/scan-tree:.vantage.toml",
]) { input in
    guard let root = try? TOMLParser.parse(input.text, file: ".vantage.toml") else { return }
    _ = ProjectConfigReader.check(root, file: ".vantage.toml", projectPath: fuzzScratchFolder, allowPathsOutside: false)
    _ = try? ProjectConfigReader.parse(root, file: ".vantage.toml")
    _ = try? WorkspaceFileReader.parse(root, file: "vantage.toml")
}
