import Foundation
import Testing
import VantageCore
import VantageDetector
import VantageDependencies
@testable import VantageAnalyzer

/// Quality, practices, the project scanner and the dependency scanner on one hostile project:
/// `self -> .`, `src/up -> ..`, and FIFOs named like the files each of them reads (`stuck.py`,
/// `requirements.txt` beside a real `pyproject.toml`, `README.md`). Before the one walker, quality
/// followed the links and opened the FIFO, and waited on it forever.
@Suite(.timeLimit(.minutes(1))) struct LinkLoopAndFIFOTests {
    static func hostileProject() throws -> String {
        let root = NSTemporaryDirectory() + "vantage-hostile-\(UUID().uuidString.prefix(8))"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/src", withIntermediateDirectories: true)
        try "def add(a, b):\n    if a:\n        return a + b\n    return b\n".write(toFile: root + "/src/calc.py", atomically: true, encoding: .utf8)
        try "[project]\nname = \"hostile\"\ndependencies = [\"flask==3.1.3\"]\n".write(toFile: root + "/pyproject.toml", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/self", withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: root + "/src/up", withDestinationPath: "..")
        for fifo in ["src/stuck.py", "requirements.txt", "README.md"] {
            #expect(mkfifo(root + "/" + fifo, 0o644) == 0, "mkfifo \(fifo): \(errno)")
        }
        return root
    }

    @Test func qualityMeasuresTheRealFileOnceAndNeverOpensTheFIFO() throws {
        let root = try Self.hostileProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = try QualityAnalyzer.analyze(path: root)
        #expect(report.files.map(\.path) == [root + "/src/calc.py"])
        #expect(report.skipped.isEmpty, "the FIFO is not listed at all: \(report.skipped)")
        // Named directly, it is skipped with the reason, not read.
        let direct = try QualityAnalyzer.analyze(path: root + "/src/stuck.py")
        #expect(direct.files.isEmpty)
        #expect(direct.skipped.map(\.reason) == ["not a regular file (a pipe, socket, device or folder); skipped"])
    }

    @Test func practicesListTheRealFilesOnly() throws {
        let root = try Self.hostileProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = ProjectFiles.walk(root)
        #expect(files.paths == ["pyproject.toml", "src/calc.py"])
        let report = PracticeChecker().check(project: files)
        #expect(report.kinds == [.python])
        #expect(report.findings.contains { $0.practice == .readme }, "a FIFO named README.md is no README")
    }

    @Test func theScannerAndTheDependencyScannerFinishAndIgnoreTheFIFOs() throws {
        let root = try Self.hostileProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let scan = try ProjectScanner().scan(roots: [root], maxDepth: 10)
        #expect(scan.projects.map(\.path) == [root], "self and up lead back; they are not projects of their own")
        #expect(scan.projects.first?.dependencies == [Dependency(ecosystem: "pypi", name: "flask", version: "==3.1.3")])
        #expect(scan.warnings.isEmpty, "\(scan.warnings)")
        let inventory = DependencyInventory(scanning: root, useInstalledVersions: false)
        #expect(inventory.manifests.map(\.path) == [root + "/pyproject.toml"])
        #expect(inventory.errors.isEmpty, "\(inventory.errors)")
    }
}
