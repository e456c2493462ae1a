import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage backup verify NAME [--subset 100%]`: damage is a non-zero exit.
struct BackupVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the repository's data (restic check --read-data-subset) and restore a sample of the latest snapshot, compared by hash.",
        discussion: "Exits 1 when the repository is damaged. A subset below 100% reads less and may miss damage in the packs it skips.")
    @OptionGroup var target: BackupTarget
    @Option(help: ArgumentHelp("The share of pack files read: 100%, 10% or a fraction such as 1/5.", valueName: "subset")) var subset = "100%"

    func run() async throws {
        guard BackupVerification.isValidSubset(subset) else {
            throw ValidationError("--subset \(subset): write a percentage (10%, 2.5%) or a fraction n/m (1/5)")
        }
        let outcome = try BackupVerification(target.open(), subset: subset).run()
        guard let snapshot = outcome.snapshot else {
            print("\(target.name): the repository's data is intact (\(subset) read); no snapshot of the project to sample yet")
            return
        }
        print("\(target.name): the repository's data is intact (\(subset) read); \(WorkText.count(outcome.restored, "file")) of snapshot "
              + "\(snapshot.prefix(8)) restored and verified, \(outcome.compared) of them equal to the project's unchanged files")
    }
}
