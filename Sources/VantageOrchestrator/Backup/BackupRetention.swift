import Foundation
import VantageCore
import VantageFormats

/// `vantage backup forget NAME`: restic's `forget --prune` on the project's snapshots, keeping
/// the daily, weekly and monthly ones `[backup] keep` says.
public struct BackupRetention: Sendable {
    public let backup: ProjectBackup
    public var keep: BackupSettings.Keep

    public init(_ backup: ProjectBackup, keep: BackupSettings.Keep) {
        self.backup = backup
        self.keep = keep
    }

    public struct Outcome: Sendable, Equatable {
        public var kept: Int
        public var removed: Int
    }

    public func run() throws(VantageError) -> Outcome {
        let arguments = ["forget", "--json", "--tag", BackupPlan.projectTag(backup.plan.project),
                         "--keep-daily", String(keep.daily), "--keep-weekly", String(keep.weekly), "--keep-monthly", String(keep.monthly), "--prune"]
        let output = try backup.repository.run(arguments, command: "forget", timeout: backup.repository.longTimeout)
        struct Group: Decodable { var keep: [ResticSnapshot]?; var remove: [ResticSnapshot]? }
        // The groups are the first JSON line; prune's report follows as text.
        guard let line = output.stdout.split(separator: "\n").first(where: { $0.hasPrefix("[") }),
              let groups = try? JSONDecoder().decode([Group].self, from: Data(line.utf8)) else {
            throw VantageError(.io, "restic forget printed no list of kept and removed snapshots; the repository is unchanged or pruned as restic says: \(output.stdout.suffix(300))",
                               at: SourceLocation(file: backup.plan.repository))
        }
        return Outcome(kept: groups.reduce(0) { $0 + ($1.keep?.count ?? 0) }, removed: groups.reduce(0) { $0 + ($1.remove?.count ?? 0) })
    }
}
