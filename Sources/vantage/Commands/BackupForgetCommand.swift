import ArgumentParser
import Foundation
import VantageCore
import VantageFormats
import VantageOrchestrator

/// `vantage backup forget NAME`: retention from `[backup] keep`, then prune.
struct BackupForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove the project's snapshots that [backup] keep does not keep (daily, weekly, monthly), then prune the repository.")
    @OptionGroup var target: BackupTarget

    func run() async throws {
        let backup = try target.open()
        let keep = try target.settings().backup.keep
        let outcome = try BackupRetention(backup, keep: keep).run()
        print("\(target.name): kept \(WorkText.count(outcome.kept, "snapshot")), removed \(outcome.removed) "
              + "(keep daily \(keep.daily), weekly \(keep.weekly), monthly \(keep.monthly)); the repository is pruned")
    }
}
