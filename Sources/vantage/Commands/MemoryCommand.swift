import ArgumentParser
import Foundation
import VantageCore
import VantageKnowledge
import VantageStore

/// `vantage memory list [--project P] [--json]`: remembered decisions and learned fixes.
struct MemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Show what Vantage remembers: decisions and learned fixes.",
        subcommands: [MemoryListCommand.self])
}

struct MemoryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List remembered decisions (oldest first) and learned fixes with their confidence.")

    @Option(help: ArgumentHelp("Only decisions about this project (its folder path or name).", valueName: "project"))
    var project: String?
    @Flag(help: "Print JSON: {\"decisions\": [...], \"learnedFixes\": [...]}.") var json = false

    private struct Report: Encodable {
        var decisions: [DecisionRecord]
        var learnedFixes: [LearnedFixRecord]
    }

    func run() async throws {
        let store = try Store.open()
        var decisions = try await store.decisions(limit: 10_000)
        if let project {
            let absolute = URL(fileURLWithPath: project).standardizedFileURL.path
            decisions = decisions.filter { d in
                guard let id = d.project?.rawValue else { return false }
                return id == project || id == absolute || (id as NSString).lastPathComponent == project
            }
        }
        let fixes = try await store.learnedFixes()
        if json {
            try JSONOutput.print(Report(decisions: decisions, learnedFixes: fixes))
            return
        }
        print(decisions.isEmpty ? "No decisions remembered." : "DECISIONS")
        for d in decisions {
            let project = d.project.map { " [\(($0.rawValue as NSString).lastPathComponent)]" } ?? ""
            let why = d.why.isEmpty ? "" : " because \(d.why)"
            let outcome = d.outcome.map { " -> \($0)" } ?? ""
            print("\(UTCTime.iso8601(d.time)) \(d.actor.rawValue)\(project): \(d.what)\(why)\(outcome)")
        }
        print(fixes.isEmpty ? "No learned fixes." : "LEARNED FIXES")
        for f in fixes {
            print("\(f.signature) -> \(f.fix): \(f.successes) ok, \(f.failures) failed, confidence \(String(format: "%.2f", f.confidence))")
        }
    }
}
