import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies
import VantageStore

/// `vantage deps conflicts PATH [--json] [--db FILE|DIR]`
struct DepsConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Intersect every requirement on each package across the workspace; explain conflicts. Exit 1 on conflict.")

    @Argument(help: "Workspace folder.") var path: String = "."
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Advisory database (folder of OSV JSON or advisories.sqlite) for more known versions.") var db: String?
    @Option(name: .customLong("db-cache")) var dbCache: String?

    struct Item: Encodable { var ecosystem: String; var name: String; var requirements: [Requirement]; var chains: [[String]]; var best: String?; var conflict: Bool; var ignored: [String] }

    func run() async throws {
        let inventory = DependencyInventory(scanning: path)
        var known: (Ecosystem, String) -> [String] = { _, _ in [] }
        if let db {
            let database = try DepsDatabaseOpener.open(db, cache: dbCache, quiet: json)
            known = { e, n in (try? database.listedVersions(ecosystem: e.rawValue, normalisedName: n)) ?? [] }
        }
        let results = ConflictResolver.analyse(inventory, knownVersions: known).filter { $0.isConflict || Set($0.requirements.map(\.requiredBy)).count > 1 }
        if json {
            try DepsOutput.printJSON(results.map { Item(ecosystem: $0.ecosystem.rawValue, name: $0.name, requirements: $0.requirements, chains: $0.chains,
                                                       best: $0.best, conflict: $0.isConflict, ignored: $0.ignored.map { "\($0.0.constraint): \($0.1)" }) })
        } else {
            for r in results {
                if r.isConflict { print(ConflictResolver.explain(r)) }
                else { print("\(r.ecosystem.rawValue) \(r.name): \(r.requirements.map(\.constraint).joined(separator: " ∩ ")) → \(r.best!)") }
            }
            if results.isEmpty { print("no package is required by more than one project or package") }
            DepsOutput.printErrors(inventory.errors)
        }
        if results.contains(where: \.isConflict) { throw ExitCode(1) }
        if !inventory.errors.isEmpty { throw ExitCode(2) }
    }
}
