import Foundation
import Testing
@testable import VantageAnalyzer
import VantageDependencies
import VantageDetector
import VantageFormats

/// The project scanner, the quality analyzer, the practice checker and the dependency scanner
/// walk with one skip list: a tree with a project in each skipped folder shows none of them to any.
@Suite("One skip list: the four walks skip the same folders")
struct FolderSkipListTests {
    /// Every name of the standard list, and a `.build` variant matched by its prefix.
    static let skippedNames = FolderSkipList.standard.names.sorted() + [".build-release"]

    /// A root project (`app.py`, `requirements.txt`) and the same files inside every skipped folder.
    private func tree() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skip-list-\(UUID().uuidString)").path
        for folder in [""] + Self.skippedNames.map({ "/" + $0 + "/inner" }) {
            try FileManager.default.createDirectory(atPath: root + folder, withIntermediateDirectories: true)
            try "def f():\n    return 1\n".write(toFile: root + folder + "/app.py", atomically: true, encoding: .utf8)
            try "requests==2.32.3\n".write(toFile: root + folder + "/requirements.txt", atomically: true, encoding: .utf8)
        }
        return root
    }

    private func inSkippedFolder(_ relative: String) -> Bool {
        let first = String(relative.split(separator: "/").first ?? "")
        return Self.skippedNames.contains(first)
    }

    @Test("each walk finds the root project's files and nothing inside a skipped folder")
    func fourWalksSkipTheSameFolders() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prefix = root + "/"

        let practices = ProjectFiles.walk(root).paths
        #expect(practices == ["app.py", "requirements.txt"])

        let quality = QualityAnalyzer.sourceFiles(under: root, options: QualityOptions()).map { String($0.dropFirst(prefix.count)) }
        #expect(quality == ["app.py"])

        let manifests = ManifestScanner().scan(root).manifests.map { String($0.path.dropFirst(prefix.count)) }
        #expect(manifests == ["requirements.txt"])

        let projects = try ProjectScanner().scan(roots: [root], maxDepth: 3).projects.map(\.path)
        #expect(projects == [root])

        // The lists are the one list: each user's skip list skips every standard name.
        for name in Self.skippedNames {
            #expect(ProjectScanner.skips(folderNamed: name), "the project scanner enters \(name)")
            #expect(ManifestScanner.skippedFolders.skips(name), "the dependency scanner enters \(name)")
            #expect(ProjectFiles.skippedFolders.skips(name), "the practice checker enters \(name)")
            #expect(QualityOptions().skippedFolders.skips(name), "the quality analyzer enters \(name)")
        }
        #expect(!practices.contains(where: inSkippedFolder))
    }

    @Test("the named extensions: hidden folders for the scanner and quality, .xcodeproj for dependencies, .github kept for practices")
    func extensions() {
        #expect(ProjectScanner.skips(folderNamed: ".hidden-project"))
        #expect(QualityOptions().skippedFolders.skips(".hidden-project"))
        #expect(!ProjectFiles.skippedFolders.skips(".github"))
        #expect(ManifestScanner.skippedFolders.skips("App.xcodeproj"))
        #expect(!ProjectScanner.skips(folderNamed: "src"))
        #expect(!FolderSkipList.hiddenOnly.skips("node_modules"))
        #expect(FolderSkipList.hiddenOnly.skips(".git"))
    }
}
