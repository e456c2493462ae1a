import Foundation
import Testing
import VantageAnalyzer
import VantageCore

@Suite struct PracticeCheckerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/practices")

    /// A project folder in a temporary directory with the given files.
    func project(_ files: [String: String]) throws -> ProjectFiles {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-practice-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return ProjectFiles.walk(root.path)
    }

    @Test func wellKeptNodeProjectPassesEverything() throws {
        let files = try project([
            "README.md": "# app", "LICENSE": "MIT", ".gitignore": "node_modules/\n",
            "package.json": #"{"name": "app", "engines": {"node": ">=20"}}"#, "package-lock.json": "{}",
            ".github/workflows/ci.yml": "on: push", "src/app.js": "export const x = 1\n",
            "test/app.test.js": "test('x', () => {})\n", "node_modules/left-pad/index.js": "module.exports = 1\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: files.root) }
        #expect(!files.paths.contains { $0.hasPrefix("node_modules/") })
        let report = PracticeChecker().check(project: files)
        #expect(report.kinds == [.node])
        #expect(report.findings.isEmpty)
        #expect(Set(report.passed) == Set(Practice.allCases))
    }

    @Test func bareProjectGetsOneFindingPerMissingPracticeWithSuggestions() {
        let files = ProjectFiles.walk(Self.fixtures.appendingPathComponent("bare-python").path)
        let report = PracticeChecker().check(project: files)
        #expect(report.kinds == [.python])
        #expect(report.findings.map(\.practice) == [.readme, .license, .tests, .ci, .gitignore, .lockFile, .pinnedToolchain])
        #expect(report.findings.allSatisfy { !$0.suggestion.isEmpty && $0.remediationMinutes > 0 })
        #expect(report.findings.first { $0.practice == .pinnedToolchain }?.file == ".python-version")
    }

    @Test func lockAndToolchainFollowTheKind() throws {
        let check = PracticeChecker()
        let goOK = check.check(paths: ["go.mod", "go.sum"]) { $0 == "go.mod" ? "module x\n\ngo 1.22\n\nrequire a v1\n" : nil }
        #expect(!goOK.findings.contains { $0.practice == .lockFile || $0.practice == .pinnedToolchain })
        let goBad = check.check(paths: ["go.mod"]) { _ in "module x\n\nrequire a v1\n" }
        #expect(goBad.findings.filter { [.lockFile, .pinnedToolchain].contains($0.practice) }.map(\.file) == ["go.sum", "go.mod"])

        let pinned = check.check(paths: ["requirements.txt", ".python-version"]) { _ in "requests==2.32.3\n# c\nidna==3.7\n" }
        #expect(!pinned.findings.contains { $0.practice == .lockFile || $0.practice == .pinnedToolchain })
        let loose = check.check(paths: ["requirements.txt"]) { _ in "requests>=2\n" }
        #expect(loose.findings.contains { $0.practice == .lockFile })

        let rust = check.check(paths: ["Cargo.toml", "rust-toolchain.toml"]) { _ in nil }
        #expect(rust.findings.map(\.practice).contains(.lockFile))
        #expect(!rust.findings.map(\.practice).contains(.pinnedToolchain))

        // A Swift package without dependencies needs no Package.resolved.
        let swift = check.check(paths: ["Package.swift", ".swift-version"]) { _ in "let package = Package(name: \"x\")" }
        #expect(!swift.findings.contains { $0.practice == .lockFile || $0.practice == .pinnedToolchain })
    }

    @Test func ciConfigurationsAreRecognised() {
        for paths in [[".gitlab-ci.yml"], [".ci/build.sh"], [".github/workflows/test.yaml"], ["Jenkinsfile"]] {
            #expect(!PracticeChecker().check(paths: paths) { _ in nil }.findings.contains { $0.practice == .ci })
        }
        #expect(PracticeChecker().check(paths: [".github/CODEOWNERS"]) { _ in nil }.findings.contains { $0.practice == .ci })
    }

    @Test func printsInASwiftExecutableTargetAreProgramOutput() throws {
        let files = try project([
            "Sources/tool/Main.swift": "@main struct Tool { static func main() { Report.show() } }\n",
            "Sources/tool/Report.swift": "enum Report {\n    static func show() {\n        print(\"done\")\n    }\n}\n",
            "Sources/Lib/Cache.swift": "func load() {\n    print(\"loading\")\n}\n",
            "bin/data.bin": "\u{0}\u{1}binary",
        ])
        defer { try? FileManager.default.removeItem(atPath: files.root) }
        let report = AntiPatternScanner().scan(project: files)
        #expect(report.findings.map { "\($0.file):\($0.line):\($0.kind.rawValue)" } == ["Sources/Lib/Cache.swift:2:print-debugging"])
    }

    @Test func antiPatternScanOfAProjectSkipsBinariesAndReportsDensity() throws {
        let files = ProjectFiles.walk(Self.fixtures.appendingPathComponent("bare-python").path)
        let report = AntiPatternScanner().scan(project: files)
        #expect(report.findings.map { "\($0.file):\($0.line):\($0.kind.rawValue)" } == [
            "src/shop/cart.py:0:todo-density", "src/shop/cart.py:3:hard-coded-secret",
            "src/shop/cart.py:10:print-debugging", "src/shop/cart.py:13:catch-all",
        ])
        #expect(report.todoMarkers == 3)
        #expect(report.linesOfCode == report.linesOfCodeByFile["src/shop/cart.py"])
    }
}
