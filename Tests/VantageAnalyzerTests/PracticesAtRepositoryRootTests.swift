import Foundation
import Testing
@testable import VantageAnalyzer

/// Practices (README, LICENSE, tests, CI, .gitignore) are judged at the repository root too: a
/// project in a subfolder of a well-kept repository owes none of them, and a folder with no code
/// gets no grade.
@Suite struct PracticesAtRepositoryRootTests {
    @Test func aSubfolderProjectInheritsTheRepositorysPractices() throws {
        let repo = try DebtTestRepository()
        defer { repo.remove() }
        try repo.write("README.md", "# the repository\n")
        try repo.write("LICENSE", "MIT\n")
        try repo.write(".gitignore", ".build/\n")
        try repo.write(".github/workflows/ci.yml", "on: push\n")
        try repo.write("Tests/AppTests/AppTests.swift", "import Testing\n@Test func ok() {}\n")
        try repo.write("examples/web/app.py", "print('hello')\n")
        try repo.write("examples/web/requirements.txt", "flask==3.0.0\n")
        try repo.commit("start", at: "2026-01-01T12:00:00Z")

        let report = try ProjectDebtAnalysis(historyWeeks: 0).analyze(root: repo.path + "/examples/web", now: Date())
        let owed = Set(report.practices.findings.map(\.practice))
        for practice in [Practice.readme, .license, .tests, .ci, .gitignore] {
            #expect(!owed.contains(practice), "\(practice) is inherited from the repository root: \(report.practices.findings)")
        }

        // The same folder outside any repository owes them all.
        let alone = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-alone-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: alone) }
        try "print('hello')\n".write(toFile: alone + "/app.py", atomically: true, encoding: .utf8)
        let bare = try ProjectDebtAnalysis(historyWeeks: 0).analyze(root: alone, now: Date())
        #expect(Set(bare.practices.findings.map(\.practice)).isSuperset(of: [.readme, .license, .tests, .ci, .gitignore]))
    }

    @Test func aFolderWithNoCodeGetsNoGrade() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-nocode-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        try "just notes\n".write(toFile: empty + "/notes.txt", atomically: true, encoding: .utf8)
        let report = try ProjectDebtAnalysis(historyWeeks: 0).analyze(root: empty, now: Date())
        #expect(report.summary.linesOfCode == 0)
        #expect(report.summary.grade == "-")
        let json = String(decoding: try JSONEncoder().encode(report.summary), as: UTF8.self)
        #expect(json.contains("\"rating\":null"), "\(json)")
    }
}
