import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies

/// `vantage deps ...`: dependencies, vulnerabilities, licences, conflicts, lock files and updates.
struct DepsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deps",
        abstract: "Inspect a workspace's dependencies offline: list, vulnerabilities, licences, conflicts, locks, updates.",
        subcommands: [DepsListCommand.self, DepsVulnsCommand.self, DepsDBCommand.self, DepsBenchCommand.self, DepsConflictsCommand.self, DepsLicensesCommand.self, DepsLockCommand.self, DepsUpdateCommand.self,
                      ])
}

/// Shared output helpers for the deps commands.
enum DepsOutput {
    static func printJSON<T: Encodable>(_ value: T) throws {
        try JSONOutput.print(value)
    }

    static func printErrors(_ errors: [VantageError]) {
        for e in errors { writeStandardError("error: \(e)\n") }
    }

    /// Left-aligned columns.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in i == r.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
