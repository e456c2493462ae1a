import Foundation

/// Finds the `vantage` binary under test: `$VANTAGE_BIN` (the test script points it at the release
/// build), else next to the test runner (the same folder `swift build --show-bin-path` prints).
enum Binary {
    static var vantage: String? {
        if let p = ProcessInfo.processInfo.environment["VANTAGE_BIN"], FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        var dir = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
        for _ in 0..<4 {
            dir.deleteLastPathComponent()
            let candidate = dir.appendingPathComponent("vantage").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The binary under test when it is a release build (the debug build is linked the default way).
    static var release: String? {
        guard let bin = vantage else { return nil }
        let real = URL(fileURLWithPath: bin).resolvingSymlinksInPath().path
        return real.contains("/release/") ? bin : nil
    }

    /// The repository root (this file is Tests/VantageEndToEndTests/Binary.swift).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
}
