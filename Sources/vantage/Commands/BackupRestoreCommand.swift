import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage backup restore NAME [SNAPSHOT] --target DIR | --in-place [--yes]`.
struct BackupRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a snapshot (the latest by default) into a new folder, or over the project with --in-place.",
        discussion: """
            --target DIR must be new or empty unless --overwrite. --in-place first takes a safety snapshot of the \
            project as it is (tagged vantage:before-restore), asks before replacing files (--yes for scripts), and \
            keeps files the snapshot does not hold.
            """)
    @OptionGroup var target: BackupTarget
    @Argument(help: "Snapshot id or its first characters (default: the latest of the project).") var snapshot: String?
    @Option(name: .customLong("target"), help: ArgumentHelp("The folder to restore into.", valueName: "dir")) var destination: String?
    @Flag(help: "Write into a folder that is not empty.") var overwrite = false
    @Flag(name: .customLong("in-place"), help: "Restore over the project folder (after a safety snapshot).") var inPlace = false
    @Flag(help: "Do not ask before an in-place restore.") var yes = false

    func validate() throws {
        guard (destination != nil) != inPlace else { throw ValidationError("give --target DIR (a new folder) or --in-place") }
    }

    func run() async throws {
        let restore = ProjectRestore(try target.open())
        let chosen = try restore.snapshot(snapshot)
        let outcome: ProjectRestore.Outcome
        if inPlace {
            if !yes {
                try ProjectActionCLI.confirm("Replace the files of \(target.name) in \(restore.backup.plan.projectPath) with snapshot "
                                             + "\(chosen.id.prefix(8)) of \(ClockZone.system.minuteStamp(chosen.time))? A safety snapshot is taken first.",
                                             verb: "restore --in-place")
            }
            outcome = try restore.restoreInPlace(chosen)
        } else {
            outcome = try restore.restore(chosen, into: destination ?? "", allowNonEmpty: overwrite)
        }
        print("restored snapshot \(outcome.snapshot.prefix(8)) of \(target.name) into \(outcome.destination): \(WorkText.count(outcome.files, "file"))"
              + (outcome.safetySnapshot.map { "; the state before is snapshot \($0)" } ?? ""))
    }
}
