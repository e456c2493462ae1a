import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies

/// `vantage deps lock PATH [--check] [--json]`
struct DepsLockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Find missing and stale lock files and regenerate them with the ecosystem's own tool.")

    @Argument(help: "Project or workspace folder.") var path: String = "."
    @Flag(help: "Only report; do not regenerate. Exit 1 when a lock is missing or stale.") var check = false
    @Flag(help: "Print JSON (implies --check).") var json = false

    func run() async throws {
        let statuses = LockFileChecker.check(path)
        let bad = statuses.filter { $0.state != .ok }
        if json { try DepsOutput.printJSON(statuses); if !bad.isEmpty { throw ExitCode(1) }; return }
        for s in statuses {
            print("\(s.state.rawValue.uppercased())  \(s.lock)" + (s.reasons.isEmpty ? "" : "\n    " + s.reasons.joined(separator: "\n    ")))
        }
        if statuses.isEmpty { print("no manifest that needs a lock file under \(path)") }
        if check { if !bad.isEmpty { throw ExitCode(1) }; return }
        var failed = false
        for s in bad {
            print("regenerating \(s.lock) with `\(s.regenerate.joined(separator: " "))` ...")
            let outcome = LockFileRegenerator.regenerate(s)
            if outcome.ok { print("  done") } else { failed = true; print("  failed: \(outcome.output.split(separator: "\n").suffix(5).joined(separator: "\n  "))") }
        }
        if failed { throw ExitCode(2) }
    }
}
