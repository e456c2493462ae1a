import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies

/// `vantage deps list PATH [--json]`
struct DepsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List direct and transitive dependencies from every manifest and lock file under PATH.")

    @Argument(help: "A project or workspace folder, or one manifest file.") var path: String = "."
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let inventory = DependencyInventory(scanning: path)
        if json {
            try DepsOutput.printJSON(DependencyListing(inventory))
        } else {
            let rows = inventory.dependencies.map { d in
                [d.ecosystem.rawValue, d.name, d.version ?? "(\(d.requirement ?? "no version"))", d.isDirect ? "direct" : "transitive",
                 d.source + (d.line.map { ":\($0)" } ?? "") + (d.note.map { "  [\($0)]" } ?? "")]
            }
            print(DepsOutput.table(["ECOSYSTEM", "NAME", "VERSION", "KIND", "SOURCE"], rows))
            if !inventory.skipped.isEmpty {
                print("\nSkipped by environment marker:")
                let skippedRows = inventory.skipped.map { s in
                    [s.dependency.name, s.dependency.version ?? s.dependency.requirement ?? "", s.marker,
                     s.dependency.source + (s.dependency.line.map { ":\($0)" } ?? ""), s.reason]
                }
                print(DepsOutput.table(["NAME", "VERSION", "MARKER", "SOURCE", "WHY"], skippedRows))
            }
            print("\(WorkText.count(inventory.dependencies.count, "dependency")) from \(WorkText.count(inventory.manifests.count, "file"))" +
                  (inventory.skipped.isEmpty ? "" : "; \(inventory.skipped.count) skipped by environment marker"))
            DepsOutput.printErrors(inventory.errors)
        }
        if !inventory.errors.isEmpty { throw ExitCode(2) }
    }
}
