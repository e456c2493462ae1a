import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies
import VantageStore

/// `vantage deps vulns PATH [--db DIR] [--json|--sarif]`
struct DepsVulnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vulns",
        abstract: "Match dependencies against an offline OSV database. Exit 0 clean, 1 vulnerable, 2 error or unchecked.")

    @Argument(help: "A project or workspace folder, or one manifest file.") var path: String = "."
    @Option(help: "A folder of OSV JSON (imported into a cache automatically) or an imported advisories.sqlite (default: the one `vantage deps db import` made).") var db: String?
    @Option(name: .customLong("db-cache"), help: "Where to keep the imported database (default: $VANTAGE_HOME/advisories.sqlite).") var dbCache: String?
    @Flag(help: "Print osv-scanner-shaped JSON.") var json = false
    @Flag(help: "Print SARIF 2.1.0.") var sarif = false

    func run() async throws {
        do {
            let database = try DepsDatabaseOpener.open(db ?? AdvisoryDatabase.importedPath(cache: dbCache), cache: dbCache, quiet: json || sarif)
            let inventory = DependencyInventory(scanning: path)
            var scan = try VulnerabilityScanner(database: database).scan(inventory.dependencies)
            scan.errors += inventory.errors
            if inventory.manifests.isEmpty && inventory.errors.isEmpty {
                scan.errors.append(VantageError(.notFound, "no manifest or lock file found", at: SourceLocation(file: path)))
            }
            if sarif { writeStandardOutput(VulnerabilityReport.sarif(scan)); print() }
            else if json { writeStandardOutput(VulnerabilityReport.json(scan)); print() }
            else {
                print(VulnerabilityReport.text(scan))
                if !inventory.skipped.isEmpty {
                    print("\(WorkText.count(inventory.skipped.count, "dependency")) skipped: their environment marker is false here ("
                          + inventory.skipped.map { "\($0.dependency.name): \($0.marker)" }.joined(separator: "; ") + "); `vantage deps list` says why")
                }
            }
            if scan.exitStatus != 0 { throw ExitCode(scan.exitStatus) }
        } catch let e as VantageError {
            writeStandardError("error: \(e)\n")
            throw ExitCode(2)
        }
    }
}

enum DepsDatabaseOpener {
    static func open(_ db: String, cache: String?, quiet: Bool) throws -> AdvisoryDatabase {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: db, isDirectory: &isDir) else {
            throw VantageError(.notFound, "the advisory database does not exist", at: SourceLocation(file: db),
                               hint: "pass a folder of OSV JSON or a file made by `vantage deps db import`")
        }
        if !isDir.boolValue { return try AdvisoryDatabase(path: db) }
        let cachePath = cache ?? AdvisoryDatabase.defaultPath()
        let (database, summary) = try OSVImporter.openCached(folder: db, cachePath: cachePath)
        if let summary {
            // Malformed files are always said, even with --json: the database lacks them.
            for e in summary.errors { writeStandardError("error: \(e)\n") }
            if !quiet || !summary.errors.isEmpty { writeStandardError(summary.report(into: cachePath) + "\n") }
        }
        return database
    }
}

/// `vantage deps db import DIR`
struct DepsDBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: "Manage the offline advisory database.",
                                                    subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Load a folder of OSV JSON into SQLite.")
        @Argument(help: "Folder of OSV JSON files (any depth).") var folder: String
        @Option(name: .customLong("db-cache"), help: "Database file (default: $VANTAGE_HOME/advisories.sqlite).") var dbCache: String?

        func run() async throws {
            do {
                let path = dbCache ?? AdvisoryDatabase.defaultPath()
                let db = try AdvisoryDatabase(path: path)
                let s = try OSVImporter.importFolder(folder, into: db)
                for e in s.errors { writeStandardError("error: \(e)\n") }
                print(s.report(into: path))
                if !s.errors.isEmpty { throw ExitCode(2) }
            } catch let e as VantageError {
                writeStandardError("error: \(e)\n")
                throw ExitCode(2)
            }
        }
    }
}
