import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies

/// `vantage deps update PATH [--patch|--minor] [--dry-run] [--json]`
struct DepsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Find newer versions with the ecosystem's tool; apply them group by group in a scratch copy, keep them only if the tests pass.")

    @Argument(help: "Project folder.") var path: String = "."
    @Flag(help: "Only patch updates.") var patch = false
    @Flag(help: "Patch and minor updates.") var minor = false
    @Flag(name: .customLong("dry-run"), help: "List updates without applying them.") var dryRun = false
    @Option(help: "Test command (default: .vantage.toml `test`, or detected).") var test: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let folder = DepsOutput.absolute(path)
        let limit: UpdateType? = patch ? .patch : (minor ? .minor : nil)
        let run: DependencyUpdateRun
        switch Result(catching: { () throws(VantageError) -> DependencyUpdateRun in
            try DependencyUpdateRun.run(folder: folder, limit: limit, testCommand: test, dryRun: dryRun)
        }) {
        case .success(let r): run = r
        case .failure(let e): writeStandardError("error: \(e)\n"); throw ExitCode(2)
        }
        let (updates, groups) = (run.updates, run.groups)
        if json { try DepsOutput.printJSON(run) }
        else {
            for type in [UpdateType.patch, .minor, .major] {
                let us = updates.filter { $0.type == type }
                guard !us.isEmpty else { continue }
                print("\(type.rawValue) updates:")
                for u in us { print("  \(u.ecosystem.rawValue) \(u.name) \(u.current) → \(u.latest ?? "?")") }
            }
            for u in updates where u.latest == nil { print("  \(u.ecosystem.rawValue) \(u.name) \(u.current): \(u.status)\(u.detail.map { " — \($0)" } ?? "")") }
            for g in groups {
                print("\(g.type.rawValue) group: tests \(g.kept ? "passed — kept" : "failed (exit \(g.testStatus)) — original left unchanged\(g.originalUnchanged ? " byte for byte" : "")")")
            }
        }
        if updates.contains(where: { $0.latest == nil }) { throw ExitCode(2) }
        if groups.contains(where: { !$0.kept }) { throw ExitCode(1) }
    }
}
