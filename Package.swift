// swift-tools-version:6.1
// Vantage: a keyboard-driven terminal console for running, watching and analysing projects.
// Module boundaries follow docs/ARCHITECTURE.md (a copy of the agreed DESIGN.md with our changes).
import PackageDescription

// Resident memory (docs/DECISIONS.md, "the release binary is static, not PIE, and its hot code is
// packed"). Release builds compile Vantage with one section per function and link with lld: the
// Swift runtime and Foundation go in statically, the executable is position-dependent (its metadata
// needs no relocation at load), and the functions a refresh runs come first (hot-functions.order,
// written by scripts/hot-path/record.py). The kernel maps code 64 KB around every page touched;
// scattered, the 500 KB of steady-state code kept 11 MB resident.
let packageRoot = String(#filePath.dropLast("Package.swift".count))
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]
let hotPathLayout: [LinkerSetting] = [.unsafeFlags([
    "-use-ld=lld", "-Xclang-linker", "-no-pie", "-static-stdlib",
    // The static Foundation's own dependencies (the modules were compiled against the shared one,
    // whose autolink entries leave these out).
    "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization",
    "-l_CFXMLInterface", "-lxml2",
    "-Xlinker", "--symbol-ordering-file=\(packageRoot)Sources/vantage/hot-functions.order",
    "-Xlinker", "--no-warn-symbol-ordering",
], .when(configuration: .release))]

let package = Package(
    name: "Vantage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vantage", targets: ["vantage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // AES-GCM and HKDF for the orchestrator's encrypted secrets.
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // Docker Engine API over a unix socket (http+unix) and tcp, with deadlines on every call.
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        // Compose files.
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // The daemon's HTTP API (issue 16), in VantageAPI only. No package traits: the
        // swift-configuration reader and full-Foundation form coding are not used.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // The API's GET /metrics exposition (Prometheus text format).
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        // Hummingbird's logger type (already in the graph through Hummingbird), to keep its log quiet.
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
    ],
    targets: [
        // ncursesw from the system (libncursesw5-dev); a shim header exposes the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Crash handlers that give the terminal back (async-signal-safe C, on an alternate stack).
        .target(name: "CTerminalRescue"),

        // Domain values, messages, the bus, the TOML reader. Foundation only.
        .target(name: "VantageCore", swiftSettings: functionSections),
        .target(name: "VantageStore", dependencies: [
            "VantageCore", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: functionSections),
        .target(name: "VantageProbes", dependencies: ["VantageCore"], swiftSettings: functionSections),
        // One reader per file format (.env, Procfile, compose, manifests, .vantage.toml, ...), each
        // returning typed values with the file, line and field of every problem.
        .target(name: "VantageFormats", dependencies: [
            "VantageCore", .product(name: "Yams", package: "Yams"),
        ], swiftSettings: functionSections),
        // The one project detector (kind, languages, command, ports, readiness, launch recipe) and
        // the workspace scanner built on it; used by the daemon, the supervisor, the analyzer and
        // the dependency scanner alike.
        .target(name: "VantageDetector", dependencies: ["VantageCore", "VantageFormats"], swiftSettings: functionSections),
        .target(name: "VantageOrchestrator", dependencies: [
            "VantageCore", "VantageStore", "VantageProbes", "VantageFormats", "VantageDetector", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            // Notifications to Slack, Discord and webhooks (Notify/); the client the Docker target already builds.
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: functionSections),
        // Docker engines: API client, endpoint discovery, cgroup statistics, compose, the Docker actor.
        .target(name: "VantageDocker", dependencies: [
            "VantageCore", "VantageProbes", "VantageFormats",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: functionSections),
        // Dependencies of projects: manifests and locks of eight ecosystems, versions and ranges, OSV
        // advisories and CVSS, licences, conflicts, updates.
        // The licence texts in licenses/ are compiled in (Plugins/EmbedFiles) to identify licence files.
        .target(name: "VantageDependencies", dependencies: ["VantageCore", "VantageStore", "VantageFormats"], swiftSettings: functionSections,
                plugins: ["EmbedFiles"]),
        // Code quality, technical debt, practices, coverage, log mining, insight.
        .target(name: "VantageAnalyzer", dependencies: ["VantageCore", "VantageStore", "VantageProbes", "VantageFormats", "VantageDetector", "VantageDependencies"], swiftSettings: functionSections),
        .target(name: "VantageKnowledge", dependencies: ["VantageCore", "VantageStore"], swiftSettings: functionSections),
        // The shipped themes and keymaps are compiled in at build time (Plugins/EmbedFiles), so the
        // one static binary works from any directory and the files stay the single source.
        .target(name: "VantageTUI", dependencies: ["VantageCore", "CNcursesw", "CTerminalRescue"], swiftSettings: functionSections,
                plugins: ["EmbedFiles"]),
        // The daemon's HTTP API (issue 16): the only target that imports Hummingbird. Each request
        // becomes a ControlRequest answered by ControlServer.handle, the unix socket's own handler.
        // docs/openapi.yaml is compiled in (Plugins/EmbedFiles) and served as JSON.
        .target(name: "VantageAPI", dependencies: [
            "VantageCore", "VantageStore", "VantageFormats", "VantageProbes", "VantageOrchestrator", "VantageAnalyzer", "VantageDependencies",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: functionSections, plugins: ["EmbedFiles"]),
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        .executableTarget(name: "vantage", dependencies: [
            "VantageCore", "VantageStore", "VantageProbes", "VantageFormats", "VantageDetector", "VantageOrchestrator",
            "VantageAnalyzer", "VantageDependencies", "VantageKnowledge", "VantageTUI", "VantageDocker", "VantageAPI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["hot-functions.order"], swiftSettings: functionSections, linkerSettings: hotPathLayout),

        // Fixtures: the croniter and tomllib cases and their answers, read from disk.
        .testTarget(name: "VantageCoreTests", dependencies: ["VantageCore"], exclude: ["Fixtures"]),
        .testTarget(name: "VantageStoreTests", dependencies: ["VantageStore"]),
        // Fixtures/sys: a sysfs-like tree of temperature sensors (good and bad readings).
        .testTarget(name: "VantageProbesTests", dependencies: ["VantageProbes"], exclude: ["Fixtures"]),
        // Fixtures/fuzz-regressions: inputs that crashed a reader under scripts/fuzz.sh, replayed by FuzzRegressionTests.
        .testTarget(name: "VantageFormatsTests", dependencies: ["VantageFormats"], exclude: ["InvalidProjectFiles", "Fixtures"]),
        // Fixtures: the scan tree, a folder of every project kind (Package.swift files inside, so never compiled).
        .testTarget(name: "VantageDetectorTests", dependencies: ["VantageDetector", "VantageFormats"], exclude: ["Fixtures"]),
        // VantageTUI: the attach test checks what the log viewer shows.
        .testTarget(name: "VantageOrchestratorTests", dependencies: ["VantageOrchestrator", "VantageFormats", "VantageDetector", "VantageProbes", "VantageTUI"]),
        // Fixtures are folder trees the tests read from disk (they hold Package.swift files, so never compile them).
        .testTarget(name: "VantageAnalyzerTests", dependencies: ["VantageAnalyzer", "VantageDetector", "VantageDependencies", "VantageKnowledge"], exclude: ["Fixtures"]),
        // Fixtures hold manifests and lock files (Package.swift ones renamed *.fixture, so never compiled).
        .testTarget(name: "VantageDependenciesTests", dependencies: ["VantageDependencies", "VantageDetector", "VantageFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "VantageDockerTests", dependencies: ["VantageDocker", "VantageFormats"]),
        .testTarget(name: "VantageKnowledgeTests", dependencies: ["VantageKnowledge"]),
        .testTarget(name: "VantageTUITests", dependencies: ["VantageTUI"], exclude: ["Goldens", "InvalidConfigs"]),
        // The HTTP API served in-process on an ephemeral port and the daemon binary, over real HTTP.
        .testTarget(name: "VantageAPITests", dependencies: ["VantageAPI", "VantageOrchestrator", "VantageCore",
                                                            .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        // Drives the real `vantage` binary in tmux; needs the executable built first.
        .testTarget(name: "VantageEndToEndTests", dependencies: ["VantageCore"]),
    ]
)

// Fuzz targets (docs/DECISIONS.md, "Fuzzing: one guarded executable"): declared only when
// VANTAGE_FUZZ_BUILD=1, which scripts/fuzz.sh sets for its own build (scratch path .build-fuzz).
// Vantage's own modules are then compiled with libFuzzer's coverage instrumentation; the
// dependencies and the build-tool plugin are not (a global -sanitize=fuzzer would link libFuzzer's
// main into the plugin's tool). The normal build and `swift test` never see any of this.
if Context.environment["VANTAGE_FUZZ_BUILD"] == "1" {
    let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]
    for target in package.targets where target.type == .regular && target.name.hasPrefix("Vantage") {
        target.swiftSettings = (target.swiftSettings ?? []) + fuzzer
    }
    package.targets.append(.executableTarget(name: "vantage-fuzz", dependencies: [
        "VantageCore", "VantageFormats", "VantageDependencies", "VantageAnalyzer", "VantageOrchestrator",
    ], path: "Fuzz/Targets", swiftSettings: fuzzer + [.unsafeFlags(["-parse-as-library"])],
    linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]))
}
