import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// `[backup]` in `.vantage.toml`, read by the one project-file reader. The bad tables are in
/// InvalidProjectFiles (ProjectConfigInvalidFileTests).
@Suite struct BackupSettingsTests {
    @Test func aFullTableReadsIntoTypedValues() throws {
        let folder = try TemporaryFolder("backup-settings")
        defer { folder.remove() }
        try folder.write(".vantage.toml", """
            name = "shop"
            [backup]
            repository = "../repos/shop"
            paths = ["src", "data/shop.db"]
            excludes = ["*.log", "tmp"]
            schedule = "30 3 * * *"
            [backup.keep]
            daily = 3
            weekly = 2
            monthly = 1
            """)
        let config = try ProjectConfigReader.read(projectPath: folder.path)
        let backup = try #require(config.backup)
        #expect(backup.repository == "../repos/shop")
        #expect(backup.paths == ["src", "data/shop.db"])
        #expect(backup.excludes == ["*.log", "tmp"])
        #expect(backup.schedule?.text == "30 3 * * *")
        #expect(backup.keep == BackupSettings.Keep(daily: 3, weekly: 2, monthly: 1))
        #expect(backup.line == 2)
        // A relative repository is the project's neighbour, not the current folder's.
        let parent = (folder.path as NSString).deletingLastPathComponent
        #expect(backup.repositoryLocation(projectPath: folder.path) == parent + "/repos/shop")
        #expect(config.warnings.isEmpty)
    }

    @Test func onlyTheRepositoryIsRequiredTheRestHasTheIssuesDefaults() throws {
        let folder = try TemporaryFolder("backup-defaults")
        defer { folder.remove() }
        try folder.write(".vantage.toml", "[backup]\nrepository = \"sftp:backup@nas:/srv/restic/shop\"\n")
        let backup = try #require(try ProjectConfigReader.read(projectPath: folder.path).backup)
        #expect(backup.paths == ["."])
        #expect(backup.excludes == ["node_modules", ".build", "target", ".venv"])
        #expect(backup.schedule == nil)
        #expect(backup.keep == BackupSettings.Keep(daily: 7, weekly: 4, monthly: 6))
        #expect(backup.isRemote)
        #expect(backup.repositoryLocation(projectPath: folder.path) == "sftp:backup@nas:/srv/restic/shop")
    }

    @Test func aProjectWithoutTheTableHasNoBackup() throws {
        let folder = try TemporaryFolder("backup-none")
        defer { folder.remove() }
        try folder.write(".vantage.toml", "command = \"./run\"\n")
        #expect(try ProjectConfigReader.read(projectPath: folder.path).backup == nil)
    }
}
