import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// The store of last good `.vantage.toml` copies and the reader that falls back on it: a file
/// that reads cleanly is kept, a broken one (TOML or schema) is read from the kept copy with a
/// warning naming the copy's time and the file, line and field to fix; without a copy the error
/// stands as before.
@Suite struct LastGoodConfigStoreTests {
    static let good = "command = \"python3 -m http.server 4567\"\nports = [4567]\n"

    struct Setup {
        let folder: TemporaryFolder
        var project: String { folder.path + "/app" }
        var store: LastGoodConfigStore { LastGoodConfigStore(folder: folder.path + "/home/last-good") }
        init() throws { folder = try TemporaryFolder("last-good") }
        func writeConfig(_ text: String) throws { try folder.write("app/.vantage.toml", text) }
    }

    @Test func aCleanReadIsKeptOnceAndABrokenFileReadsTheCopy() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        try s.writeConfig(Self.good)
        let first = try #require(try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store))
        #expect(first.errors.isEmpty && first.lastGood == nil)
        let kept = try #require(s.store.copy(for: s.project))
        #expect(kept.text == Self.good)
        // The copy is private to its owner, and not written again for the same text.
        let attributes = try FileManager.default.attributesOfItem(atPath: s.store.path(for: s.project))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let stamp = try #require(attributes[.modificationDate] as? Date)
        Thread.sleep(forTimeInterval: 0.02)
        _ = try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store)
        #expect(s.store.copy(for: s.project)?.savedAt == stamp)

        // Broken TOML (an unclosed string on line 2): the copy's command and ports, and the warning.
        try s.writeConfig("command = \"python3 -m http.server 4567\"\nports = [4567\n")
        let broken = try #require(try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store))
        #expect(broken.errors.isEmpty)
        #expect(broken.config.command == "python3 -m http.server 4567" && broken.config.ports == [4567])
        let use = try #require(broken.lastGood)
        #expect(use.savedAt == stamp)
        let file = s.project + "/.vantage.toml"
        #expect(use.problem.location?.file == file && use.problem.location?.line != nil)
        let warning = try #require(broken.warnings.first)
        #expect(warning.description.contains("using the last good .vantage.toml from "), "\(warning)")
        #expect(warning.description.contains("; fix \(file):\(use.problem.location?.line ?? 0)"), "\(warning)")
        #expect(broken.warnings.count == 1)
        // read(projectPath:) answers the copy too, instead of throwing.
        #expect(try ProjectConfigReader.read(projectPath: s.project, lastGood: s.store).ports == [4567])
        // The copy is not replaced by the broken text.
        #expect(s.store.copy(for: s.project)?.text == Self.good)
    }

    @Test func aSchemaErrorFallsBackAndNamesItsField() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        try s.writeConfig(Self.good)
        _ = try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store)
        try s.writeConfig("command = \"python3 -m http.server 4567\"\nports = [\"four\"]\n")
        let reading = try #require(try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store))
        let use = try #require(reading.lastGood)
        #expect(use.problem.location?.field == "ports" && use.problem.location?.line == 2, "\(use.problem)")
        #expect(reading.config.ports == [4567])
        #expect(reading.warnings.first?.location?.field == "ports")
    }

    @Test func withoutACopyOrWithoutAStoreTheErrorStands() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        try s.writeConfig("command = \n")
        #expect(throws: VantageError.self) { try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store) }
        #expect(s.store.copy(for: s.project) == nil)
        try s.writeConfig(Self.good)
        _ = try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store)
        try s.writeConfig("ports = [\"four\"]\n")
        // Without the store (vantage scan): the file alone, its error as it is.
        let alone = try #require(try ProjectConfigReader.load(projectPath: s.project))
        #expect(alone.lastGood == nil && alone.errors.first?.location?.field == "ports")
    }

    @Test func eachProjectFolderHasItsOwnCopy() throws {
        let store = LastGoodConfigStore(folder: "/h/last-good")
        let a = store.path(for: "/work/a/api"), b = store.path(for: "/work/b/api")
        #expect(a != b)
        #expect(a.hasPrefix("/h/last-good/api-") && a.hasSuffix(".toml"))
        #expect(store.path(for: "/work/a/api") == a)               // stable between runs
        #expect(LastGoodConfigStore(paths: VantagePaths(home: "/h", config: "/c")).folder == "/h/last-good")
    }

    @Test func anUnwritableHomeIsAWarningNotASilentLoss() throws {
        let s = try Setup()
        defer { s.folder.remove() }
        try s.writeConfig(Self.good)
        try s.folder.write("home", "a file where the folder should be")
        let reading = try #require(try ProjectConfigReader.load(projectPath: s.project, lastGood: s.store))
        #expect(reading.errors.isEmpty && reading.config.ports == [4567])
        #expect(reading.warnings.contains { $0.message.contains("last good copy") }, "\(reading.warnings)")
    }
}
