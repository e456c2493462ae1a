import ArgumentParser
import Foundation
import VantageTUI

/// `vantage backup run NAME`: one snapshot now.
struct BackupRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Take a snapshot of the project now.")
    @OptionGroup var target: BackupTarget

    func run() async throws {
        let backup = try target.open()
        let outcome = try backup.run()
        let summary = outcome.summary
        print("snapshot \(summary.snapshotID) of \(target.name) in \(backup.plan.repository): "
              + "\(Formatting.bytes(Double(summary.totalBytesProcessed))) read, \(Formatting.bytes(Double(summary.dataAdded))) added, "
              + "\(summary.filesNew) new and \(summary.filesChanged) changed files, \(Formatting.fixed(summary.totalDuration, 1)) s"
              + (outcome.databases.isEmpty ? "" : "; SQLite copied online: \(outcome.databases.joined(separator: ", "))"))
    }
}
